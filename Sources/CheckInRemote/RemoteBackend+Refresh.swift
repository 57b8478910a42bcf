import CheckInCore
import Foundation

extension RemoteBackend {
  /// The card this station last fetched for the member `payload` names, if any: it says who the
  /// code resolved to and which plans they held, so a scan need not search or list again.
  func rememberedCard(_ payload: ScanPayload, policy: CheckInPolicy, now: Date) async
    -> MemberCard?
  {
    guard let cache else { return nil }
    let maxAge = options.cacheMaxAge
    let found = try? await cache.run { c throws(BackendError) in
      try c.card(for: payload, allowIDFallback: policy.allowIDFallback, maxAge: maxAge, now: now)
    }
    return found?.card
  }

  /// The remembered card brought up to date in one round: the member's record (is the code still
  /// theirs? their name, status, branch), their visits today, and the full record of every plan
  /// that may open the door today, at once. Nil when the answers don't bear the memory out — the
  /// code no longer theirs, a plan gone, or a member the server says holds a plan the card can't
  /// use (one bought since) — and the full lookup must run.
  func refreshedCard(
    _ remembered: MemberCard, payload: ScanPayload, policy: CheckInPolicy, now: Date
  ) async throws(BackendError) -> MemberCard? {
    let id = remembered.member.id
    let today = CalendarDay(now, in: timeZone)
    let current = remembered.subscriptions.filter { $0.mayStillOpen(on: today) }
    async let record = customerResult(id)
    async let visit = lastVisit(memberID: id, day: visitDay(now))
    async let fresh = planRecords(current.map(\.id))

    let customer: CustomerDTO
    switch await record {
    case .success(let value): customer = value
    case .failure(let failure):
      _ = await fresh
      _ = await visit
      throw lookupError(failure, code: payload.displayText)
    }
    guard Self.stillNames(payload, customer, allowIDFallback: policy.allowIDFallback) else {
      _ = await fresh
      _ = await visit
      return nil
    }
    let refreshed: [Int64: Subscription]
    switch await fresh {
    case .success(let plans): refreshed = Dictionary(plans.map { ($0.id, $0) }) { $1 }
    case .failure(let failure):
      _ = await visit
      if failure.saysNotFound { return nil }
      throw lookupError(failure, code: payload.displayText)
    }
    // A plan that has ended, expired or stopped stays so: it is shown as remembered.
    let plans = remembered.subscriptions.compactMap { plan -> Subscription? in
      current.contains { $0.id == plan.id } ? refreshed[plan.id] : plan
    }
    guard plans.count == remembered.subscriptions.count else { return nil }
    noteFetched(customer)
    let card = MemberCard(
      member: ServerMapping.member(from: customer), subscriptions: plans,
      lastVisit: await visit)
    let rule = planRule.withLock { $0 }
    if customer.hasActiveSubscription == true,
      case .failure = rule.pick(from: plans, today: today)
    {
      // The server knows of a plan in force that none of these is: bought since the last scan.
      return nil
    }
    return card
  }

  /// Whether the member's record still makes the scanned code theirs, by the rules of
  /// `CodeResolution` (a regenerated card retires the old code).
  static func stillNames(_ payload: ScanPayload, _ customer: CustomerDTO, allowIDFallback: Bool)
    -> Bool
  {
    let stored = ServerMapping.storedCode(customer)
    switch payload {
    case .member(let id):
      return id == customer.id
    case .code(let code):
      return stored?.lowercased() == code.lowercased()
    case .idForm(let code, let id):
      guard id == customer.id else { return stored?.lowercased() == code.lowercased() }
      return stored?.lowercased() == code.lowercased()
        || (allowIDFallback && CodeResolution.idFallbackAccepts(storedCode: stored, memberID: id))
    }
  }

  /// The full records of `ids`, fetched at once; the first failure ends it.
  func planRecords(_ ids: [Int64]) async -> Result<[Subscription], APIFailure> {
    let timeout = options.lookupTimeout
    let client = self.client
    return await withTaskGroup(of: (Int, Result<SubscriptionDTO, APIFailure>).self) { group in
      for (index, id) in ids.enumerated() {
        group.addTask {
          do throws(APIFailure) {
            let plan: SubscriptionDTO = try await client.send(
              "GET", "/api/subscriptions/\(id)", timeout: timeout)
            return (index, .success(plan))
          } catch {
            return (index, .failure(error))
          }
        }
      }
      var plans: [(Int, Subscription)] = []
      for await (index, result) in group {
        switch result {
        case .success(let dto):
          if let plan = ServerMapping.subscription(from: dto) { plans.append((index, plan)) }
        case .failure(let failure):
          group.cancelAll()
          return .failure(failure)
        }
      }
      return .success(plans.sorted { $0.0 < $1.0 }.map(\.1))
    }
  }

  /// Drops the member's remembered card, so the next scan looks everything up again.
  func forgetCard(of memberID: Int64) async {
    recentPlans.withLock { _ = $0.removeValue(forKey: memberID) }
    _ = try? await cache?.run { c throws(BackendError) in try c.forget(memberID: memberID) }
  }

  /// Keeps the member's record as the server gave it just now, for the outbox's code check.
  func noteFetched(_ customer: CustomerDTO) {
    let now = clock()
    recentCustomers.withLock { recent in
      if recent.count >= 256 { recent.removeAll(keepingCapacity: true) }
      recent[customer.id] = (customer, now)
    }
  }
}

extension Subscription {
  /// Whether the plan may yet open the door today, so its record must be fetched fresh: neither
  /// expired nor stopped (which never change back) nor past its end date.
  func mayStillOpen(on today: CalendarDay) -> Bool {
    (status == .active || status == .frozen) && !hasEnded(on: today)
  }
}
