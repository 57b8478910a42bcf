import Foundation

/// Everything the station shows and remembers. One value, changed only by `Station.reduce`.
public struct StationState: Hashable, Sendable {
  public var phase: Phase = .ready
  /// What has been typed by hand into the scan field.
  public var scanText = ""
  /// One line under the scan field: what just happened, when it isn't a banner.
  public var notice: Notice?
  /// When help was opened, while it shows: left open, it closes by itself (a kiosk must not
  /// stay behind it).
  public var helpShownAt: Date?
  public var showsHelp: Bool { helpShownAt != nil }
  /// Today's list in place of the member pane, for terminals too narrow to show it at the side.
  public var showsToday = false
  /// In kiosk mode, until when staff keys work after the unlock code was entered.
  public var staffUnlockedUntil: Date?
  /// Wrong unlock codes in a row, and until when the unlock prompt stays shut because of them.
  public var unlockFailures = 0
  public var unlockShutUntil: Date?
  /// Whether the terminal is big enough to draw the station: while it isn't, keys change nothing.
  public var viewFits = true
  public var today = TodayList()
  /// This station's last committed check-in, for the idle screen's "Last:" line. Undo works from
  /// today's list (`undoCandidate`), which survives a restart.
  public var lastCheckIn: Receipt?
  /// A scan that arrived while a write was under way; it is looked up once the write finishes.
  public var queuedScan: String?
  public var nextRequest = 1

  public init() {}

  /// A fresh id for an effect that will answer.
  mutating func issueRequestID() -> RequestID {
    defer { nextRequest += 1 }
    return RequestID(nextRequest)
  }
}

/// What the station is doing.
public enum Phase: Hashable, Sendable {
  /// The scan field waits for a code.
  case ready
  case lookingUp(LookUp)
  /// The member pane and the Check-In Only / Deduct Session dialog.
  case member(MemberDialog)
  /// A confirmed check-in is being recorded.
  case submitting(Submission)
  /// The big result banner.
  case result(ResultBanner)
  case searching(SearchPanel)
  /// "Void the last check-in?"
  case confirmingUndo(UndoPrompt)
  case undoing(RequestID, VoidTarget)
  /// Staff let a refused member in: the reason is being typed.
  case overriding(OverridePrompt)
  /// A kiosk's unlock code is being typed.
  case unlocking(UnlockPrompt)
  /// The server refused the station's login: the password is being typed, and what was refused
  /// is tried once more after it.
  case loggingIn(LoginPrompt)
}

public struct LookUp: Hashable, Sendable {
  public var id: RequestID
  public var payload: ScanPayload
  public var startedAt: Date
  /// Typed into the scan field by hand, not scanned: if no member has it as a code, it is
  /// probably a name or phone number, and search takes it.
  public var typedByHand = false
}

public struct MemberDialog: Hashable, Sendable {
  public var card: MemberCard
  /// Plans the member may check in on, best first; never empty.
  public var plans: [Subscription]
  public var planIndex: Int
  /// The highlighted action.
  public var choice: CheckInAction
  /// The payload that found the member (the scanned code or a search pick).
  public var payload: ScanPayload
  /// When someone last acted on the dialog (its time-out counts from here).
  public var openedAt: Date
  /// When the card appeared (Enter is ignored for `confirmGuard` after it).
  public var shownAt: Date
  /// At a kiosk that asks: when the default is recorded if nobody chose.
  public var decidesAt: Date? = nil

  public var plan: Subscription { plans[planIndex] }
  /// Deduct Session is offered only where there is something to deduct.
  public var canDeduct: Bool { Offer.canDeduct(plan) }
}

public struct Submission: Hashable, Sendable {
  public var id: RequestID
  public var card: MemberCard
  public var action: CheckInAction
  /// The plan the visit goes on; `nil` for an override on no plan.
  public var plan: Subscription?
  public var override: StaffOverride?
  /// What was sent, to try again once after a new login.
  public var request: CheckInRequest
  /// This is that second try: a second refusal of the login ends it.
  public var isRetry = false
  /// The scan that found the member, so the same code scanned again over its banner is known.
  public var payload: ScanPayload? = nil
}

public struct ResultBanner: Hashable, Sendable {
  public var outcome: Outcome
  /// The member the outcome is about, when known, so the pane can stay on screen.
  public var card: MemberCard?
  public var shownAt: Date
  /// The scan that led to a check-in: the same code again while it shows is the same member
  /// scanning twice, not a new visit.
  public var payload: ScanPayload? = nil
}

/// How a scan ended.
public enum Outcome: Hashable, Sendable {
  case checkedIn(Receipt)
  case refused(Refusal, memberName: String?)
  /// The member scanned again within the duplicate window: they are in already, nothing was
  /// recorded, and there is nothing to refuse or override.
  case alreadyIn(since: Date, memberName: String?)
}

public struct SearchPanel: Hashable, Sendable {
  /// What the panel looks through.
  public enum Scope: Hashable, Sendable {
    /// Members, by name, phone or code.
    case members
    /// Today's visits at this branch, newest first, page by page; the query narrows them to
    /// members matching it ("did she come in this morning?").
    case todaysVisits
  }

  public var scope = Scope.members
  public var query = ""
  public var page: SearchPage?
  /// The page of today's visits shown, in the `todaysVisits` scope.
  public var visits: VisitsPage?
  /// How many of the newest visits lie before the page asked for (or shown).
  public var offset = 0
  public var selection = 0
  /// The search in flight, whose answer the panel waits for.
  public var pending: RequestID?
  public var error: String?
  public var lastActivity: Date
}

extension SearchPanel {
  /// The highlighted visit, in today's visits.
  public var selectedVisit: AttendanceEntry? {
    guard scope == .todaysVisits, let entries = visits?.entries,
      entries.indices.contains(selection)
    else { return nil }
    return entries[selection]
  }
}

public struct OverridePrompt: Hashable, Sendable {
  public var card: MemberCard
  public var refusal: Refusal
  /// The preset reasons offered, as configured when the prompt opened.
  public var presets: [String]
  /// The highlighted row: a preset's index, or `presets.count` for the reason typed by hand.
  public var choice: Int
  /// The reason typed by hand.
  public var reason = ""
  public var openedAt: Date

  public init(card: MemberCard, refusal: Refusal, presets: [String], openedAt: Date) {
    self.card = card
    self.refusal = refusal
    self.presets = presets
    self.choice = 0
    self.openedAt = openedAt
  }

  /// Whether the row for a reason typed by hand is highlighted.
  public var isTyping: Bool { choice >= presets.count }

  /// What would be recorded now: the highlighted preset, or the typed reason (trimmed; `nil`
  /// while empty).
  public var chosenReason: String? {
    if !isTyping { return presets[choice] }
    let typed = reason.trimmingCharacters(in: .whitespaces)
    return typed.isEmpty ? nil : typed
  }

  mutating func move(_ step: Int) {
    choice = min(max(choice + step, 0), presets.count)
  }
}

public struct LoginPrompt: Hashable, Sendable {
  /// What the server refused, to try again once logged in.
  public enum Retry: Hashable, Sendable {
    case lookUp(ScanPayload)
    case checkIn(CheckInRequest, MemberCard)
  }

  public var retry: Retry?
  /// What has been typed; views show it masked.
  public var password = ""
  /// The login in flight.
  public var pending: RequestID?
  /// Why the last attempt failed.
  public var error: String?
  public var openedAt: Date
}

public struct UnlockPrompt: Hashable, Sendable {
  /// What has been typed; views show it masked.
  public var typed = ""
  public var openedAt: Date
}

public struct UndoPrompt: Hashable, Sendable {
  public var target: VoidTarget
  public var askedAt: Date
}

/// The day at this branch: the store's figures, and a bounded window of its newest visits (a
/// busy day's thousands stay in the store, so the state is the same size in week three as in
/// minute one).
public struct TodayList: Hashable, Sendable {
  /// Visits kept in the state: more than the tallest screen's list shows.
  public static let window = 100

  /// Which day this is; `nil` until the station has read the clock.
  public var day: CalendarDay?
  /// How many visits and when, as the store counted them plus this station's since.
  public var tally: DayTally?
  /// The newest visits, newest first, at most `window`.
  public var entries: [AttendanceEntry] = []
  public var error: String?
  public var isLoaded = false

  public init() {}

  /// A new day: nothing from the last one is shown as today's.
  public mutating func start(_ day: CalendarDay) {
    self = TodayList()
    self.day = day
    tally = DayTally(day: day)
  }

  /// This station's visit, known before the next reload.
  mutating func record(_ entry: AttendanceEntry, timeZone: TimeZone) {
    let entryDay = CalendarDay(entry.checkedInAt, in: timeZone)
    if day == nil { start(entryDay) }
    guard entryDay == day else { return }
    let index = entries.firstIndex { $0.checkedInAt <= entry.checkedInAt } ?? entries.count
    entries.insert(entry, at: index)
    if entries.count > Self.window { entries.removeLast(entries.count - Self.window) }
    tally?.add(1, at: entry.checkedInAt, in: timeZone)
  }

  /// This station's visit voided, known before the next reload.
  mutating func void(_ attendanceID: Int64, checkedInAt: Date, timeZone: TimeZone) {
    if let index = entries.firstIndex(where: { $0.id == attendanceID }) {
      guard !entries[index].isVoided else { return }
      entries[index].isVoided = true
    }
    tally?.add(-1, at: checkedInAt, in: timeZone)
  }
}

/// A one-line message under the scan field.
public struct Notice: Hashable, Sendable {
  public enum Tone: Hashable, Sendable {
    case info
    case success
    case warning
    case error
  }

  public var text: String
  public var tone: Tone

  public init(_ text: String, tone: Tone) {
    self.text = text
    self.tone = tone
  }
}

extension ResultBanner {
  /// Whether the banner is still within its minimum time on screen, when nothing replaces it.
  public func isHeld(_ context: StationContext) -> Bool {
    context.now.timeIntervalSince(shownAt) < context.timing.minimumResult
  }
}
