import Foundation

/// Why a member may not check in. Each case has a stable code for scripts and a one-line message
/// for the desk.
public enum Refusal: Error, Hashable, Sendable {
  case invalidCode(InvalidCode)
  case notFound(code: String)
  /// The code belonged to a member but was replaced by a newer one.
  case retiredCode(code: String)
  case inactive
  case noSubscription
  case notStarted(startsOn: CalendarDay)
  case frozen(reason: String?)
  case expired(endedOn: CalendarDay?)
  case noSessions
  case noCoins
  case otherBranch(branchID: Int64, branchName: String?)
  /// The server won't show this member to this station's login: they belong to a branch it
  /// doesn't serve (which one isn't said).
  case notThisBranch
  case duplicate(lastCheckIn: Date)

  /// The code scripts and `--json` output use.
  public var code: String {
    switch self {
    case .invalidCode: "INVALID_CODE"
    case .notFound, .retiredCode: "NOT_FOUND"
    case .inactive: "INACTIVE"
    case .noSubscription, .notStarted: "NO_SUBSCRIPTION"
    case .frozen: "FROZEN"
    case .expired: "EXPIRED"
    case .noSessions: "NO_SESSIONS"
    case .noCoins: "NO_COINS"
    case .otherBranch, .notThisBranch: "OTHER_BRANCH"
    case .duplicate: "DUPLICATE"
    }
  }

  /// Whether the member should be sent to a person rather than simply told no.
  public var needsStaff: Bool {
    switch self {
    case .inactive, .frozen, .otherBranch, .notThisBranch, .retiredCode: true
    default: false
    }
  }

  /// One line a receptionist understands. `name` is the member's name when known.
  public func message(name: String?, timeZone: TimeZone) -> String {
    let who = name ?? "This member"
    switch self {
    case .invalidCode(let reason):
      return reason.message
    case .notFound(let code):
      return "No member has the code \(code) — check the card or search by name"
    case .retiredCode(let code):
      return "The code \(code) was replaced by a newer card — ask for the member's current code"
    case .inactive:
      return "\(who)'s membership is inactive — please see the front desk"
    case .noSubscription:
      return "\(who) has no active plan"
    case .notStarted(let day):
      return "\(who)'s plan starts on \(day)"
    case .frozen(let reason):
      let why = reason.flatMap { $0.isEmpty ? nil : " (\($0))" } ?? ""
      return "\(who)'s plan is frozen\(why)"
    case .expired(let day):
      return day.map { "\(who)'s plan ended on \($0)" } ?? "\(who)'s plan has expired"
    case .noSessions:
      return "\(who) has no sessions left"
    case .noCoins:
      return "\(who) has no coins left"
    case .otherBranch(let id, let branchName):
      let branch = branchName.map { "\($0) (branch \(id))" } ?? "branch \(id)"
      return "\(who) belongs to \(branch), not this branch"
    case .notThisBranch:
      return "\(who) belongs to a branch this station doesn't serve"
    case .duplicate(let last):
      let time = ClockText.hoursMinutes(last, in: timeZone)
      return "\(who) is already in (checked in at \(time)) — nothing recorded"
    }
  }
}
