/// Where a member stands at a glance, for a search hit: the plan a check-in would use and what is
/// left on it, or why none can be used.
public enum MemberStanding: Hashable, Sendable {
  /// The best usable plan.
  case usable(Subscription)
  /// No plan can open the door; `plan` is the one the reason speaks of, when there is one.
  case refused(Refusal, plan: Subscription?)
  /// The store didn't send the plans; `hasActivePlan` is its own summary, when it gave one.
  case unknown(hasActivePlan: Bool?)

  public init(_ hit: MemberSummary, today: CalendarDay) {
    guard hit.isActive else {
      self = .refused(.inactive, plan: nil)
      return
    }
    guard let plans = hit.plans else {
      self = .unknown(hasActivePlan: hit.hasActivePlan)
      return
    }
    if let best = Eligibility.usablePlans(plans, today: today).first {
      self = .usable(best)
      return
    }
    let refusal = Eligibility.bestRefusal(for: plans, today: today)
    let plan = plans.first { Eligibility.unusableReason($0, today: today) == refusal }
    self = .refused(refusal, plan: plan)
  }
}
