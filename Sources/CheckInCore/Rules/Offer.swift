/// The plans a member may check in on right now, best first.
public struct Offer: Hashable, Sendable {
  /// Never empty: a member with no usable plan is refused instead.
  public var plans: [Subscription]

  public init(plans: [Subscription]) {
    self.plans = plans
  }

  /// Whether a visit on `plan` can deduct anything: counted plans with something left.
  public static func canDeduct(_ plan: Subscription) -> Bool {
    plan.kind.isCounted && (plan.remaining ?? 0) > 0
  }

  /// The action the dialog highlights for `plan`: deduct where there is something to deduct,
  /// check-in only on time plans.
  public static func defaultAction(for plan: Subscription) -> CheckInAction {
    canDeduct(plan) ? .deduct : .checkInOnly
  }
}
