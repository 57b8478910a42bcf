import Foundation

/// The rules that decide whether a member may check in, and on which plans. Both the station and
/// the local store apply them: the store again inside its write transaction, so two stations can't
/// both let the same double scan through.
public enum Eligibility {
  public static func evaluate(
    _ card: MemberCard, policy: CheckInPolicy, now: Date, timeZone: TimeZone
  ) -> Result<Offer, Refusal> {
    let member = card.member
    if !member.isActive { return .failure(.inactive) }
    if member.branchID != policy.branchID && !policy.allowOtherBranches {
      return .failure(.otherBranch(branchID: member.branchID, branchName: member.branchName))
    }
    if let last = card.lastVisit, isDoubleScan(last: last, now: now, window: policy.duplicateWindow)
    {
      return .failure(.duplicate(lastCheckIn: last))
    }
    let today = CalendarDay(now, in: timeZone)
    if case .server(let rule) = card.planChoice {
      // The server will charge the plan its rule picks, whatever the desk highlights: offer
      // exactly that one, and refuse where it (or the station's own date guards) would.
      return rule.pick(from: card.subscriptions, today: today).map { Offer(plans: [$0]) }
    }
    let usable = usablePlans(card.subscriptions, today: today)
    if usable.isEmpty {
      return .failure(bestRefusal(for: card.subscriptions, today: today))
    }
    return .success(Offer(plans: usable))
  }

  /// The plans that can open the door today, best first.
  public static func usablePlans(_ plans: [Subscription], today: CalendarDay) -> [Subscription] {
    plans.filter { unusableReason($0, today: today) == nil }.sorted { preferred($0, over: $1) }
  }

  /// Why `plan` can't open the door today, or `nil` if it can.
  public static func unusableReason(_ plan: Subscription, today: CalendarDay) -> Refusal? {
    switch plan.status {
    case .stopped: return .noSubscription
    case .frozen: return .frozen(reason: plan.freezeReason)
    case .expired: return .expired(endedOn: plan.endDate)
    case .active: break
    }
    if plan.hasEnded(on: today) { return .expired(endedOn: plan.endDate) }
    if let start = plan.startDate, plan.hasNotStarted(on: today) {
      return .notStarted(startsOn: start)
    }
    if plan.isUsedUp { return plan.kind == .coins ? .noCoins : .noSessions }
    return nil
  }

  private static func isDoubleScan(last: Date, now: Date, window: TimeInterval) -> Bool {
    guard window > 0 else { return false }
    // Stations on one database may disagree by a little about the time; a visit "in the future"
    // within the window is as much a double scan as one just past.
    return abs(now.timeIntervalSince(last)) < window
  }

  /// The refusal that tells the desk the most when no plan is usable: a frozen plan matters more
  /// than a used-up one, which matters more than one not started yet or long expired.
  public static func bestRefusal(for plans: [Subscription], today: CalendarDay) -> Refusal {
    let reasons = plans.compactMap { plan in unusableReason(plan, today: today).map { (plan, $0) } }
    func rank(_ refusal: Refusal) -> Int {
      switch refusal {
      case .frozen: 0
      case .noSessions, .noCoins: 1
      case .notStarted: 2
      case .expired: 3
      default: 4
      }
    }
    let best = reasons.min { lhs, rhs in
      let (l, r) = (rank(lhs.1), rank(rhs.1))
      if l != r { return l < r }
      // Among plans with the same reason, speak of the most recent one.
      return (lhs.0.endDate ?? .distantPast) > (rhs.0.endDate ?? .distantPast)
    }
    return best?.1 ?? .noSubscription
  }

  /// Time plans first (entry costs the member nothing), then counted plans that end soonest (use
  /// them before they lapse), then the oldest plan.
  private static func preferred(_ lhs: Subscription, over rhs: Subscription) -> Bool {
    if lhs.kind.isCounted != rhs.kind.isCounted { return !lhs.kind.isCounted }
    let (l, r) = (lhs.endDate ?? .distantFuture, rhs.endDate ?? .distantFuture)
    if l != r { return l < r }
    return lhs.id < rhs.id
  }
}

extension CalendarDay {
  static let distantPast = CalendarDay(year: 1, month: 1, day: 1) ?? CalendarDay(Date(), in: .gmt)
  static let distantFuture =
    CalendarDay(year: 9999, month: 12, day: 31) ?? CalendarDay(Date(), in: .gmt)
}
