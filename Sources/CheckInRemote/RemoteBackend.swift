import CheckInCore
import CheckInSQLite
import Foundation
import Synchronization

/// The `Backend` port on the chain's server (API.md): looks members up and records check-ins
/// there, shows what the server did, and keeps the desk working when it can't be reached.
public final class RemoteBackend: Sendable {
  public let server: ServerAddress
  let client: APIClient
  let cache: Confined<RemoteCache>?
  let options: RemoteOptions
  let sessionFile: SessionFile
  let clock: @Sendable () -> Date
  let timeZone: TimeZone
  let log: @Sendable (String) -> Void
  let session: Mutex<LoginSession?>
  let reachable = Mutex<Bool?>(nil)
  /// Set while the server is taken to be down: why, and the probe asking it in the background.
  let outage = Mutex<Outage?>(nil)
  let outboxCounts = Mutex(OutboxCounts())
  let sync = Mutex<Task<Void, Never>?>(nil)
  /// Whether the outbox is sent by itself when the server answers again (a running station);
  /// one-shot commands send it only when asked.
  let syncsByItself = Mutex(false)
  /// One pass over the outbox at a time, whoever starts it.
  let sending = Mutex(false)
  /// How this server picks the plan it charges, as its plan list last told.
  let planRule = Mutex(ServerPlanRule.entryLatestEnd)
  /// The plans of members looked up lately, to tell from a check-in's answer which was charged.
  let recentPlans = Mutex<[Int64: [Subscription]]>([:])
  /// Members' records as lookups fetched them lately, with when: the outbox's check that a
  /// stored code is still the member's reuses one fetched after the check-in was queued.
  let recentCustomers = Mutex<[Int64: (CustomerDTO, Date)]>([:])
  /// The day's entry log as counted so far, so a reload reads only what is new.
  let entryTally = Mutex<EntryTally?>(nil)

  public init(
    server: ServerAddress, sessionFile: SessionFile, cache: RemoteCache?,
    options: RemoteOptions = RemoteOptions(), clock: @escaping @Sendable () -> Date = { Date() },
    timeZone: TimeZone = .current, log: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    self.server = server
    let saved = sessionFile.load(for: server)
    self.session = Mutex(saved)
    self.client = APIClient(
      server: server, token: saved?.accessToken, transport: options.transport, log: log)
    self.cache = cache.map { Confined($0, label: "checkin.remote-cache") }
    self.options = options
    self.sessionFile = sessionFile
    self.clock = clock
    self.timeZone = timeZone
    self.log = log
    if let cache, let counts = try? cache.counts() { outboxCounts.withLock { $0 = counts } }
    // What the server's plan list told an earlier run: a remembered or offline card is judged by
    // this server's rule before any list is fetched again.
    if let cache, let saved = try? cache.fact("plan_rule"),
      let rule = ServerPlanRule(rawValue: saved)
    {
      planRule.withLock { $0 = rule }
    }
  }

  /// The saved login, if any.
  public var loginSession: LoginSession? { session.withLock { $0 } }

  /// The port the station runs on.
  public var backend: Backend {
    var backend = Backend(
      description: "server \(server.host)",
      lookUp: { payload, policy throws(BackendError) in
        try await self.lookUp(payload, policy: policy)
      },
      checkIn: { request throws(BackendError) in try await self.checkIn(request) },
      search: { query, limit throws(BackendError) in try await self.search(query, limit: limit) },
      attendance: { query throws(BackendError) in try await self.attendance(query) },
      countVisits: { query throws(BackendError) in try await self.countVisits(query) },
      void: { _, _ throws(BackendError) in
        throw .unsupported(
          "The server can't void a check-in from the station — ask a manager to void it there")
      })
    backend.supportsOverride = false
    backend.supportsVoid = false
    backend.login = { password throws(BackendError) in
      guard let username = self.loginSession?.username else {
        throw .unauthorized
      }
      _ = try await self.logIn(username: username, password: password)
    }
    backend.status = { self.status }
    return backend
  }

  public var status: ConnectionStatus {
    let counts = outboxCounts.withLock { $0 }
    return ConnectionStatus(
      reachable: reachable.withLock { $0 } ?? true, queued: counts.queued,
      toReview: counts.review + counts.refused)
  }

  /// Notes what the last request said about the server. A request that got no answer (refused,
  /// timed out) puts the station in an outage: until a background probe hears from the server,
  /// nothing waits on it. When it answers again, the outbox is sent.
  func noteReachable(_ isReachable: Bool, because reason: String = "the server isn't answering") {
    let before = reachable.withLock { value in
      defer { value = isReachable }
      return value
    }
    if isReachable {
      endOutage()
      if before != true && syncsByItself.withLock({ $0 })
        && outboxCounts.withLock({ $0.queued }) > 0
      {
        startSync()
      }
    } else {
      beginOutage(reason)
    }
  }

  func refreshCounts() async {
    guard let cache else { return }
    if let counts = try? await cache.run({ cache throws(BackendError) in try cache.counts() }) {
      outboxCounts.withLock { $0 = counts }
    }
  }
}
