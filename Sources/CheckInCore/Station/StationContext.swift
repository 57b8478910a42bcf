import Foundation

/// What the reducer may know about the world for one event: the time and the station's settings.
/// The reducer never reads a clock; the runtime hands it one here.
public struct StationContext: Sendable {
  public var now: Date
  public var timeZone: TimeZone
  public var policy: CheckInPolicy
  public var stationName: String
  public var timing: StationTiming
  /// At most this many search hits are asked for.
  public var searchLimit: Int
  /// Set for an unattended kiosk: staff keys need the unlock code.
  public var kiosk: KioskLock?
  /// Whether the store can record a staff override (the local database can; a server can't).
  public var allowsOverride: Bool
  /// Whether the store can void a check-in from the station (the local database can).
  public var allowsUndo: Bool
  /// The reasons an override offers to pick from, before "another reason" typed by hand.
  public var overrideReasons: [String]

  public init(
    now: Date, timeZone: TimeZone = .current, policy: CheckInPolicy = CheckInPolicy(),
    stationName: String = "desk", timing: StationTiming = StationTiming(), searchLimit: Int = 20,
    kiosk: KioskLock? = nil, allowsOverride: Bool = true, allowsUndo: Bool = true,
    overrideReasons: [String] = OverrideReasons.standard
  ) {
    self.now = now
    self.timeZone = timeZone
    self.policy = policy
    self.stationName = stationName
    self.timing = timing
    self.searchLimit = searchLimit
    self.kiosk = kiosk
    self.allowsOverride = allowsOverride
    self.allowsUndo = allowsUndo
    self.overrideReasons = overrideReasons
  }
}

/// An unattended kiosk: members check themselves in with the scanner alone, and staff keys
/// (undo, override, search, quit) work only for a while after the unlock code was typed.
public struct KioskLock: Hashable, Sendable {
  /// Empty when none is set: staff keys then stay locked, and the station says so.
  public var unlockCode: String
  public var unlockedFor: TimeInterval
  /// What an eligible scan records without anyone touching a key.
  public var action: KioskAction

  public init(unlockCode: String, unlockedFor: TimeInterval = 120, action: KioskAction = .standard)
  {
    self.unlockCode = unlockCode
    self.unlockedFor = unlockedFor
    self.action = action
  }

  /// Wrong codes allowed before each further try must wait.
  public static let freeTries = 3

  /// How long the unlock prompt stays shut after `failures` wrong codes in a row: nothing for the
  /// first few (a typo), then 5 s doubling to at most 5 minutes, so guessing a code takes days.
  public static func lockout(afterFailures failures: Int) -> TimeInterval {
    guard failures >= freeTries else { return 0 }
    let doublings = min(failures - freeTries, 6)
    return min(5 * Double(1 << doublings), 300)
  }
}

/// What a kiosk records for an eligible member, with no one at the keys.
public enum KioskAction: Hashable, Sendable {
  /// The rules' default at once: deduct on session and coin plans, check-in only on time plans.
  case standard
  /// Record the visit and deduct nothing.
  case checkInOnly
  /// Show the dialog for `countdown` seconds (a receptionist nearby may choose), then take the
  /// default.
  case ask(countdown: TimeInterval)
}

extension StationState {
  /// Whether staff keys work now: always at a desk, at a kiosk only while unlocked.
  public func isStaffUnlocked(_ context: StationContext) -> Bool {
    guard context.kiosk != nil else { return true }
    guard let until = staffUnlockedUntil else { return false }
    return context.now < until
  }
}

/// How long each screen stays before the station returns to the scan field by itself, so an
/// unattended kiosk never stays anywhere but ready.
public struct StationTiming: Hashable, Sendable {
  /// The result banner.
  public var result: TimeInterval
  /// An open member dialog nobody answers.
  public var dialog: TimeInterval
  /// The search panel with no typing.
  public var search: TimeInterval
  /// The undo confirmation.
  public var undoPrompt: TimeInterval
  /// A lookup the store never answers.
  public var lookup: TimeInterval
  /// How long after a check-in staff may still undo it.
  public var undoWindow: TimeInterval
  /// Pause after a keystroke before searching; 0 searches at once (fast local stores).
  public var searchDebounce: TimeInterval
  /// A result banner stays at least this long whatever arrives, so staff see what was recorded;
  /// a scan arriving sooner waits for it. The terminal sets it; scripts have no banner to see.
  public var minimumResult: TimeInterval
  /// The same card scanned again while its welcome shows is the same visit (a scanner's double
  /// read, a member scanning twice): the banner stays and nothing is looked up. The terminal
  /// sets it; a script's every line is a scan of its own.
  public var rescanKeepsBanner: Bool
  /// Enter is ignored this long after a member's card appears: nobody reads a card that fast,
  /// and a scanner's doubled terminator (CR LF split over SSH) must not confirm it.
  public var confirmGuard: TimeInterval

  public init(
    result: TimeInterval = 4, dialog: TimeInterval = 30, search: TimeInterval = 60,
    undoPrompt: TimeInterval = 15, lookup: TimeInterval = 15, undoWindow: TimeInterval = 600,
    searchDebounce: TimeInterval = 0, minimumResult: TimeInterval = 0,
    rescanKeepsBanner: Bool = false, confirmGuard: TimeInterval = 0
  ) {
    self.result = result
    self.dialog = dialog
    self.search = search
    self.undoPrompt = undoPrompt
    self.lookup = lookup
    self.undoWindow = undoWindow
    self.searchDebounce = searchDebounce
    self.minimumResult = minimumResult
    self.rescanKeepsBanner = rescanKeepsBanner
    self.confirmGuard = confirmGuard
  }
}
