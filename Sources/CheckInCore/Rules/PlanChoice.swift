/// Who decides which plan a check-in is charged to.
public enum PlanChoice: Hashable, Sendable {
  /// The station: the receptionist may pick among the usable plans.
  case station
  /// The server, by its own rule: whatever plan the station sends is ignored (API.md).
  case server(ServerPlanRule)
}

/// The rule a deployed server picks a member's plan by, at `POST /api/attendance`.
public enum ServerPlanRule: String, Hashable, Sendable, CaseIterable {
  /// February's server: the first `active` plan in its own order; a frozen plan is never picked,
  /// so a member with only frozen plans has no subscription as far as it is concerned.
  case firstActive = "first-active"
  /// August's server: plans that open the door only; `active` before `frozen`, then the latest
  /// end date. A freeze whose agreed end has passed is settled (made active) at the door.
  case entryLatestEnd = "entry-latest-end"

  /// The plan the server will charge on `today`, or why it will refuse. Expiry is the station's
  /// guard on top: a server that doesn't check it would let the member in on a plan the desk can
  /// see has ended.
  public func pick(from plans: [Subscription], today: CalendarDay) -> Result<
    Subscription, Refusal
  > {
    let chosen: Subscription?
    switch self {
    case .firstActive:
      // "First" is the server's table order: by id.
      chosen = plans.sorted { $0.id < $1.id }.first { $0.status == .active }
    case .entryLatestEnd:
      let candidates = plans.filter {
        $0.grantsEntry && ($0.status == .active || $0.status == .frozen)
      }
      chosen = candidates.min { lhs, rhs in
        let (l, r) = (lhs.isOpen(on: today), rhs.isOpen(on: today))
        if l != r { return l }
        let (le, re) = (lhs.endDate ?? .distantFuture, rhs.endDate ?? .distantFuture)
        if le != re { return le > re }
        return lhs.id < rhs.id
      }
    }
    guard var plan = chosen else {
      // Nothing the server would take: say what the station knows of why.
      return .failure(Eligibility.bestRefusal(for: plans, today: today))
    }
    if plan.status == .frozen {
      guard plan.isOpen(on: today) else { return .failure(.frozen(reason: plan.freezeReason)) }
      // The server settles a finished freeze at the door: judge the plan as it will be then.
      plan.status = .active
    }
    switch Eligibility.unusableReason(plan, today: today) {
    case .notStarted?:
      // The server charges it all the same (it checks no start date), and refusing would turn
      // away a member who renewed early: the desk sees the start date on the card.
      return .success(plan)
    case let refusal?: return .failure(refusal)
    case nil: return .success(plan)
    }
  }
}

extension Subscription {
  /// Active, or frozen with an agreed freeze that ended before `today` (which v-aug settles at the
  /// door).
  func isOpen(on today: CalendarDay) -> Bool {
    switch status {
    case .active: true
    case .frozen: freezeEndsOn.map { $0 < today } ?? false
    case .stopped, .expired: false
    }
  }
}
