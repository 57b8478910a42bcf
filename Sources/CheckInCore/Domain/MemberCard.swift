import Foundation

/// Everything the desk needs to decide on a check-in: who the member is, what they hold and when
/// they last came in. A backend builds it; the rules read it; the pane draws it.
public struct MemberCard: Hashable, Sendable {
  public var member: Member
  public var subscriptions: [Subscription]
  /// The member's last recorded (not voided) check-in at any branch.
  public var lastVisit: Date?
  /// Set when the card comes from the station's offline cache, not from the store now: when it
  /// was fetched. The desk sees how old the facts are.
  public var cachedAt: Date?
  /// Who picks the plan a check-in is charged to: the station (the local store honours the
  /// receptionist's choice) or a server that picks by its own rule and ignores the choice.
  public var planChoice: PlanChoice

  public init(
    member: Member, subscriptions: [Subscription], lastVisit: Date? = nil, cachedAt: Date? = nil,
    planChoice: PlanChoice = .station
  ) {
    self.member = member
    self.subscriptions = subscriptions
    self.lastVisit = lastVisit
    self.cachedAt = cachedAt
    self.planChoice = planChoice
  }

  /// Whether the last visit falls on `today` in `timeZone`.
  public func checkedIn(on today: CalendarDay, in timeZone: TimeZone) -> Bool {
    guard let lastVisit else { return false }
    return CalendarDay(lastVisit, in: timeZone) == today
  }
}
