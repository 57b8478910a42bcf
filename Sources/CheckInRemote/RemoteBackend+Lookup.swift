import CheckInCore
import Foundation

extension RemoteBackend {
  /// Finds the member a scan names and builds their card from the server's fields only. When
  /// the server can't be reached, the card last fetched for the member (if recent enough) is
  /// used, marked as cached.
  func lookUp(_ payload: ScanPayload, policy: CheckInPolicy) async throws(BackendError)
    -> MemberCard
  {
    let now = clock()
    if let down = outageError() {
      return try await cachedCard(payload, policy: policy, now: now, failure: down)
    }
    let started = ContinuousClock.now
    do {
      var card = try await withinDeadline(options.lookupTimeout) {
        [self] () throws(BackendError) -> MemberCard in
        try await fetchCard(payload, policy: policy, now: now)
      }
      noteReachable(true)
      let memberID = card.member.id
      card.planChoice = .server(planRule.withLock { $0 })
      remember(plans: card.subscriptions, of: memberID)
      // This station's own visits count too: the server's log may lag or miss another branch.
      if let local = try? await cache?.run({ c throws(BackendError) in
        try c.lastVisit(memberID: memberID)
      }) ?? nil {
        card.lastVisit = max(card.lastVisit ?? local, local)
      }
      let remembered = card
      _ = try? await cache?.run { c throws(BackendError) in try c.remember(remembered, at: now) }
      return card
    } catch .offline(let reason) {
      return try await cachedCard(payload, policy: policy, now: now, failure: .offline(reason))
    } catch .timedOut {
      // The lookup's deadline may end it before any single request times out. A server that
      // answered meanwhile is slow, not down: only one that answered nothing starts an outage.
      if !client.answered(since: started) { noteReachable(false) }
      return try await cachedCard(payload, policy: policy, now: now, failure: .timedOut)
    }
  }

  private func cachedCard(
    _ payload: ScanPayload, policy: CheckInPolicy, now: Date, failure: BackendError
  ) async throws(BackendError) -> MemberCard {
    guard let cache else { throw failure }
    let maxAge = options.cacheMaxAge
    let cached = try await cache.run { c throws(BackendError) in
      try c.card(for: payload, allowIDFallback: policy.allowIDFallback, maxAge: maxAge, now: now)
    }
    guard var card = cached?.card, let fetchedAt = cached?.fetchedAt else { throw failure }
    card.cachedAt = fetchedAt
    card.planChoice = .server(planRule.withLock { $0 })
    let memberID = card.member.id
    if let local = try await cache.run({ c throws(BackendError) in
      try c.lastVisit(memberID: memberID)
    }) {
      card.lastVisit = max(card.lastVisit ?? local, local)
    }
    return card
  }

  /// The card from the server. A member this station has seen before costs one round: their
  /// record, their visits today and the records of the plans that may open the door, all at
  /// once, with what is remembered checked against the answers (`refreshedCard`). Anyone else,
  /// or a remembered card the answers don't bear out, takes the full way (`discoveredCard`).
  private func fetchCard(_ payload: ScanPayload, policy: CheckInPolicy, now: Date)
    async throws(BackendError) -> MemberCard
  {
    if let remembered = await rememberedCard(payload, policy: policy, now: now),
      let card = try await refreshedCard(remembered, payload: payload, policy: policy, now: now)
    {
      return card
    }
    return try await discoveredCard(payload, policy: policy, now: now)
  }

  /// The card of a member not seen before: their record (by number where the code holds one,
  /// else through the search), the plan list, today's visits, then every plan's full record.
  private func discoveredCard(_ payload: ScanPayload, policy: CheckInPolicy, now: Date)
    async throws(BackendError) -> MemberCard
  {
    let day = visitDay(now)
    var guess: Int64?
    switch payload {
    case .member(let id), .idForm(_, let id): guess = id
    case .code: guess = nil
    }
    async let guessedVisits = lastVisit(memberID: guess, day: day)
    async let guessedPlans = plans(memberID: guess)

    let customer: CustomerDTO
    do {
      customer = try await resolve(payload, policy: policy)
    } catch {
      // Waited for, not cancelled: a cancelled transfer may still reach the server after the
      // station has moved on, and every request it sends should be done when a lookup is.
      _ = await guessedPlans
      _ = await guessedVisits
      throw error
    }
    let plans: Result<[Subscription], APIFailure>
    let visit: Date?
    if let guess, guess == customer.id, let early = await guessedPlans {
      plans = early
      visit = await guessedVisits
    } else {
      _ = await guessedPlans
      _ = await guessedVisits
      async let lateVisits = lastVisit(memberID: customer.id, day: day)
      plans = await self.plans(memberID: customer.id) ?? .success([])
      visit = await lateVisits
    }
    noteFetched(customer)
    let subscriptions: [Subscription]
    switch plans {
    case .success(let value): subscriptions = value
    case .failure(let failure): throw lookupError(failure, code: payload.displayText)
    }
    return MemberCard(
      member: ServerMapping.member(from: customer), subscriptions: subscriptions,
      lastVisit: visit)
  }

  /// The customer record a payload names, by the rules of `CodeResolution`.
  private func resolve(_ payload: ScanPayload, policy: CheckInPolicy) async throws(BackendError)
    -> CustomerDTO
  {
    switch payload {
    case .member(let id):
      return try await customer(id, code: "#\(id)")
    case .code(let code):
      guard let exact = try await searchExact(code) else {
        throw .refused(.notFound(code: code))
      }
      return exact
    case .idForm(let code, let id):
      // The member the number names, first: when their own stored code is the one scanned, no
      // search is needed. Otherwise an exact stored code on anyone wins over the number.
      let byID = policy.allowIDFallback ? await customerResult(id) : nil
      // (The server reports `customer_id:N` for a member with no code of their own.)
      if case .success(let customer)? = byID, customer.qrCode?.lowercased() == code.lowercased() {
        return customer
      }
      let exactResult = await searchExactResult(code)
      if case .success(let found?) = exactResult { return found }
      if case .failure(let failure) = exactResult {
        // The deployed search fails (500) for every query that matches a member stored with a
        // lower-case gender: the number in an id-shaped code still finds the member, under the
        // same rule that retires older codes.
        if failure.isServerFault, case .success(let customer)? = byID,
          CodeResolution.idFallbackAccepts(
            storedCode: ServerMapping.storedCode(customer), memberID: id)
        {
          return customer
        }
        throw lookupError(failure, code: code)
      }
      guard let byIDResult = byID else { throw .refused(.notFound(code: code)) }
      let customer: CustomerDTO
      switch byIDResult {
      case .success(let value): customer = value
      case .failure(let failure): throw lookupError(failure, code: code)
      }
      guard
        CodeResolution.idFallbackAccepts(
          storedCode: ServerMapping.storedCode(customer), memberID: id)
      else {
        throw .refused(.retiredCode(code: code))
      }
      return customer
    }
  }

  private func customer(_ id: Int64, code: String) async throws(BackendError) -> CustomerDTO {
    switch await customerResult(id) {
    case .success(let customer): return customer
    case .failure(let failure): throw lookupError(failure, code: code)
    }
  }

  func customerResult(_ id: Int64) async -> Result<CustomerDTO, APIFailure> {
    do {
      return .success(
        try await client.send("GET", "/api/customers/\(id)", timeout: options.lookupTimeout))
    } catch {
      return .failure(error)
    }
  }

  /// The active member of this login's branches whose stored code is exactly `code` (codes are
  /// matched without regard to case, as at the local store). The server's search matches
  /// substrings, so its hits are filtered here.
  private func searchExact(_ code: String) async throws(BackendError) -> CustomerDTO? {
    do {
      return try await searchExactResult(code).get()
    } catch {
      throw lookupError(error, code: code)
    }
  }

  private func searchExactResult(_ code: String) async -> Result<CustomerDTO?, APIFailure> {
    do {
      let data: SearchData = try await client.send(
        "GET", "/api/customers/search",
        query: [URLQueryItem(name: "q", value: code), URLQueryItem(name: "limit", value: "50")],
        timeout: options.lookupTimeout)
      let lowered = code.lowercased()
      return .success(data.items.first { ServerMapping.storedCode($0)?.lowercased() == lowered })
    } catch {
      return .failure(error)
    }
  }

  /// Every plan of the member, each as its full record: the list's items are incomplete in both
  /// server versions, so they only give the ids (and, in how a status is spelled, the version).
  func plans(memberID: Int64?) async -> Result<[Subscription], APIFailure>? {
    guard let memberID else { return nil }
    let list: SubscriptionListData
    do {
      list = try await client.send(
        "GET", "/api/subscriptions",
        query: [
          URLQueryItem(name: "customer_id", value: String(memberID)),
          URLQueryItem(name: "per_page", value: "50"),
        ], timeout: options.lookupTimeout)
    } catch {
      return .failure(error)
    }
    if let rule = ServerMapping.planRule(listStatuses: list.items.map(\.status)),
      planRule.withLock({ current in
        defer { current = rule }
        return current != rule
      })
    {
      _ = try? await cache?.run { c throws(BackendError) in
        try c.setFact("plan_rule", rule.rawValue)
      }
    }
    return await planRecords(list.items.map(\.id))
  }

  /// The day a double scan is looked for in: the station's today, from its first instant.
  func visitDay(_ now: Date) -> (from: Date, until: Date) {
    let day = CalendarDay(now, in: timeZone)
    return (day.start(in: timeZone), day.adding(days: 1).start(in: timeZone))
  }

  /// The member's latest approved visit today at any branch this login covers, in one request
  /// however busy the day (the entry log by `customer_id`). Nil when there is none, or when the
  /// log can't be read: it only sharpens the double-scan guard.
  func lastVisit(memberID: Int64?, day: (from: Date, until: Date)) async -> Date? {
    guard let memberID else { return nil }
    let entries = try? await entryLog(
      filter: .member(memberID), from: day.from, until: day.until, limit: 5,
      timeout: options.lookupTimeout)
    // Only this member's: a server (or proxy) that ignored the filter must not make everyone a
    // double scan.
    return entries?.filter { $0.customerID == memberID }
      .compactMap { ServerTime.instant($0.entryTime) }.max()
  }

  /// Gives a failed lookup its meaning: the server's "Customer not found" is an unknown code, its
  /// "Access denied" another branch's member; other 404s and 403s are the server's or the
  /// login's problem, whatever the code.
  func lookupError(_ failure: APIFailure, code: String) -> BackendError {
    noteFailure(failure)
    if failure.saysCustomerNotFound { return .refused(.notFound(code: code)) }
    if failure.saysAccessDenied { return .refused(.notThisBranch) }
    return failure.notAboutTheMember(service: "member lookups", act: "look members up")
      ?? failure.backendError
  }

  /// Keeps the plans a card showed, for reading the answer to its check-in; a few hundred
  /// members at most, the desk's last hour or so.
  func remember(plans: [Subscription], of memberID: Int64) {
    recentPlans.withLock { recent in
      if recent.count >= 256 { recent.removeAll(keepingCapacity: true) }
      recent[memberID] = plans
    }
  }
}
