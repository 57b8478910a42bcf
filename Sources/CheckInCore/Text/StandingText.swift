/// Words a search hit's standing: a short status and what the plan holds.
public enum StandingText {
  public struct Words: Hashable, Sendable {
    /// "active", "EXPIRED", "FROZEN"...
    public var status: String
    /// Whether the member can check in on what the store sent.
    public var isGood: Bool
    /// "12 Sessions: 8 sessions left · to 2026-12-20", or empty.
    public var detail: String
  }

  public static func words(_ standing: MemberStanding, today: CalendarDay) -> Words {
    switch standing {
    case .usable(let plan):
      return Words(status: "active", isGood: true, detail: holding(plan, today: today))
    case .refused(let refusal, let plan):
      return Words(
        status: status(of: refusal), isGood: false,
        detail: plan.map { holding($0, today: today) } ?? "")
    case .unknown(let hasActivePlan):
      switch hasActivePlan {
      case true?: return Words(status: "active plan", isGood: true, detail: "")
      case false?: return Words(status: "no active plan", isGood: false, detail: "")
      case nil: return Words(status: "", isGood: true, detail: "")
      }
    }
  }

  /// "12 Sessions: 8 sessions left · to 2026-12-20"; an ended plan says when it ended.
  static func holding(_ plan: Subscription, today: CalendarDay) -> String {
    var text = plan.label
    if plan.kind.isCounted, let left = plan.remaining {
      text += ": \(left) \(plan.kind.unit(left)) left"
    }
    if let end = plan.endDate {
      text += end < today ? " · ended \(end)" : " · to \(end)"
    }
    return text
  }

  static func status(of refusal: Refusal) -> String {
    switch refusal {
    case .inactive: "INACTIVE"
    case .frozen: "FROZEN"
    case .expired: "EXPIRED"
    case .noSessions, .noCoins: "USED UP"
    case .notStarted(let day): "starts \(day)"
    case .noSubscription: "NO PLAN"
    default: refusal.code
    }
  }
}
