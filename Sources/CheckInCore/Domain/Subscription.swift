/// What a plan counts.
public enum PlanKind: String, Hashable, Sendable, CaseIterable {
  /// A number of visits (the backend's "sessions" and "training" plans).
  case sessions
  /// A balance of coins; one coin per visit.
  case coins
  /// Unlimited visits between two dates; nothing to deduct.
  case time

  /// Reads the kinds the backend and spreadsheets use, including the backend's aliases.
  public init?(external text: String) {
    switch text.lowercased() {
    case "sessions", "session", "training": self = .sessions
    case "coins", "coin": self = .coins
    case "time", "time_based", "timebased": self = .time
    default: return nil
    }
  }

  /// Whether a visit on this plan uses up something that can run out.
  public var isCounted: Bool { self != .time }

  /// The unit a counted plan deducts, for messages ("3 sessions left").
  public func unit(_ count: Int) -> String {
    switch self {
    case .sessions: count == 1 ? "session" : "sessions"
    case .coins: count == 1 ? "coin" : "coins"
    case .time: count == 1 ? "day" : "days"
    }
  }
}

/// Where a plan stands as recorded by the gym. Whether it has run past its end date is checked
/// separately: nothing flips a plan to `expired` when the date passes.
public enum PlanStatus: String, Hashable, Sendable, CaseIterable {
  case active
  case frozen
  case stopped
  case expired

  /// Reads the statuses the backend and spreadsheets use, including v-feb's
  /// `SubscriptionStatus.ACTIVE` spelling.
  public init?(external text: String) {
    let bare = text.split(separator: ".").last.map(String.init) ?? text
    guard let status = PlanStatus(rawValue: bare.lowercased()) else { return nil }
    self = status
  }
}

/// One plan a member holds.
public struct Subscription: Hashable, Sendable {
  public var id: Int64
  public var kind: PlanKind
  public var status: PlanStatus
  /// Sessions or coins bought; `nil` for time plans.
  public var total: Int?
  /// Sessions or coins left as the store reports them; `nil` for time plans.
  public var remaining: Int?
  public var startDate: CalendarDay?
  /// The last day the plan may be used (inclusive).
  public var endDate: CalendarDay?
  /// What the plan was sold as ("Monthly gym", "10 PT sessions").
  public var serviceName: String?
  public var freezeReason: String?
  /// The last day of an agreed freeze, when the server says; a freeze past it is over, though the
  /// plan may still read `frozen` until the member comes to the door (v-aug settles it there).
  public var freezeEndsOn: CalendarDay?
  /// Whether the plan opens the gym's door; private training alone may not (v-aug's rule).
  public var grantsEntry: Bool

  public init(
    id: Int64, kind: PlanKind, status: PlanStatus = .active, total: Int? = nil,
    remaining: Int? = nil, startDate: CalendarDay? = nil, endDate: CalendarDay? = nil,
    serviceName: String? = nil, freezeReason: String? = nil, freezeEndsOn: CalendarDay? = nil,
    grantsEntry: Bool = true
  ) {
    self.id = id
    self.kind = kind
    self.status = status
    self.total = total
    self.remaining = remaining
    self.startDate = startDate
    self.endDate = endDate
    self.serviceName = serviceName
    self.freezeReason = freezeReason
    self.freezeEndsOn = freezeEndsOn
    self.grantsEntry = grantsEntry
  }

  /// True when the plan's end date is before `today`, whatever its recorded status says.
  public func hasEnded(on today: CalendarDay) -> Bool {
    if status == .expired { return true }
    guard let endDate else { return false }
    return endDate < today
  }

  /// True when the plan starts after `today`.
  public func hasNotStarted(on today: CalendarDay) -> Bool {
    guard let startDate else { return false }
    return startDate > today
  }

  /// True when a counted plan has nothing left to deduct.
  public var isUsedUp: Bool {
    kind.isCounted && (remaining ?? 0) <= 0
  }

  /// Days from `today` to the end date, counting today: 1 on the last day. `nil` without an end.
  public func daysLeft(on today: CalendarDay) -> Int? {
    endDate.map { today.days(until: $0) + 1 }
  }

  /// A short name for the plan: the service name, or the kind.
  public var label: String {
    if let serviceName, !serviceName.isEmpty { return serviceName }
    switch kind {
    case .sessions: return "Sessions"
    case .coins: return "Coins"
    case .time: return "Time plan"
    }
  }
}
