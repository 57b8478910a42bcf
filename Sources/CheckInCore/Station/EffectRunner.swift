import Foundation

/// What effects act on besides the store: the check-in hook and the sound.
public struct StationEnvironment: Sendable {
  public var backend: Backend
  /// Runs after every committed check-in (door relay, bell, spreadsheet); must not fail it.
  public var announce: @Sendable (Receipt) async -> Void
  public var signal: @Sendable (Signal) -> Void
  public var log: @Sendable (String) -> Void

  public init(
    backend: Backend, announce: @escaping @Sendable (Receipt) async -> Void = { _ in },
    signal: @escaping @Sendable (Signal) -> Void = { _ in },
    log: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    self.backend = backend
    self.announce = announce
    self.signal = signal
    self.log = log
  }
}

/// Performs one effect and turns its outcome into the event that reports it. Cancelling is the
/// runtime's business (it owns the tasks), so `.cancel` answers nothing here.
public enum EffectRunner {
  public static func perform(
    _ effect: StationEffect, in environment: StationEnvironment, context: StationContext
  ) async -> StationEvent? {
    let backend = environment.backend
    switch effect {
    case .lookUp(let id, let payload):
      return .lookedUp(
        id,
        await result { () throws(BackendError) in
          try await backend.lookUp(payload, context.policy)
        })
    case .checkIn(let id, let request):
      return .checkedIn(
        id,
        await result { () throws(BackendError) in
          try await backend.checkIn(request)
        })
    case .search(let id, let query, let limit, let delay):
      if delay > 0 {
        do {
          try await Task.sleep(for: .milliseconds(Int(delay * 1000)))
        } catch {
          return .searched(id, .failure(.cancelled))
        }
      }
      return .searched(
        id,
        await result { () throws(BackendError) in
          try await backend.search(query, limit)
        })
    case .loadVisits(let id, let request):
      if request.delay > 0 {
        do {
          try await Task.sleep(for: .milliseconds(Int(request.delay * 1000)))
        } catch {
          return .visitsLoaded(id, .failure(.cancelled))
        }
      }
      return .visitsLoaded(
        id,
        await result { () throws(BackendError) in
          try await visits(request, backend: backend, context: context)
        })
    case .loadToday:
      let query = AttendanceQuery.day(
        of: context.now, branchID: context.policy.branchID, timeZone: context.timeZone,
        limit: TodayList.window)
      return .todayLoaded(
        await result { () throws(BackendError) in
          // Counted first: a visit landing between the two reads is then in the list and, at
          // worst, missing from the count until the next reload, never counted twice.
          let counts = try await backend.countVisits(query)
          let newest = try await backend.attendance(query)
          let tally = DayTally(
            day: query.day, counts: counts, from: query.from, timeZone: context.timeZone)
          return TodayOverview(tally: tally, newest: newest)
        })
    case .void(let id, let attendanceID):
      return .voided(
        id,
        await result { () throws(BackendError) in
          try await backend.void(attendanceID, context.now)
        })
    case .login(let id, let password):
      guard let login = backend.login else {
        return .loggedIn(id, .failure(.unsupported("This store has no login")))
      }
      return .loggedIn(
        id,
        await result { () throws(BackendError) in
          try await login(password)
          return LoginAccepted()
        })
    case .announce(let receipt):
      await environment.announce(receipt)
      return nil
    case .signal(let signal):
      environment.signal(signal)
      return nil
    case .log(let line):
      environment.log(line)
      return nil
    case .cancel:
      return nil
    }
  }

  /// The members a query names (as member search finds them), then their visits today; all of
  /// today's visits for an empty query. The store pages; one more than asked tells if more follow.
  private static func visits(
    _ request: VisitsRequest, backend: Backend, context: StationContext
  ) async throws(BackendError) -> VisitsPage {
    var query = AttendanceQuery.day(
      of: context.now, branchID: context.policy.branchID, timeZone: context.timeZone,
      limit: request.limit + 1)
    query.offset = request.offset
    let typed = request.query.trimmingCharacters(in: .whitespaces)
    if !typed.isEmpty {
      let found = try await backend.search(typed, visitsSearchMembers)
      if found.hits.isEmpty {
        return VisitsPage(query: request.query, entries: [], offset: 0, hasMore: false)
      }
      query.members = found.hits.map(\.id)
    }
    let entries = try await backend.attendance(query)
    return VisitsPage(
      query: request.query, entries: Array(entries.prefix(request.limit)),
      offset: request.offset, hasMore: entries.count > request.limit)
  }

  /// Members a query in the visits panel is matched against: a name shared by more is typed on.
  static let visitsSearchMembers = 50

  private static func result<Value>(
    _ operation: () async throws(BackendError) -> Value
  ) async -> Result<Value, BackendError> {
    do {
      return .success(try await operation())
    } catch {
      return .failure(error)
    }
  }
}
