import CheckInCore
import Foundation
import Synchronization
import Testing

@testable import CheckInRemote

// What the remote client's tests share: a desk (a temp folder with the session file and the
// offline cache, and a `RemoteBackend` on the stand-in server), the lines the client logged, and
// readers for the server's own view (`StandInServer.State`).

/// Every line the client handed to its `log:` closure.
final class LogBook: Sendable {
  private let lines = Mutex<[String]>([])

  func write(_ line: String) {
    lines.withLock { $0.append(line) }
  }

  var all: [String] { lines.withLock { $0 } }
}

/// A clock the test moves by hand (for cache ages); starts at the real time.
final class TestClock: Sendable {
  private let offset = Mutex<TimeInterval>(0)

  func advance(by seconds: TimeInterval) {
    offset.withLock { $0 += seconds }
  }

  var now: Date { Date().addingTimeInterval(offset.withLock { $0 }) }
}

/// One station's corner of the disk and its client of the stand-in server.
struct Desk: Sendable {
  let folder: URL
  let remote: RemoteBackend
  let log: LogBook
  let sessionPath: String
  /// nil when the desk runs without the offline cache.
  let cachePath: String?
  let server: StandInServer

  /// The station's branch (reception1's), no double-scan guard: tests check members in twice.
  static let policy = CheckInPolicy(branchID: 1, duplicateWindow: 0)

  var backend: Backend { remote.backend }

  @discardableResult
  func logIn(_ username: String = "reception1", _ password: String = "pass-1")
    async throws(BackendError) -> LoginSession
  {
    try await remote.logIn(username: username, password: password)
  }

  /// Looks `code` up the way the station does (parsed first).
  func lookUp(_ code: String, policy: CheckInPolicy = Desk.policy) async throws(BackendError)
    -> MemberCard
  {
    let payload: ScanPayload
    switch ScanParser.parse(code) {
    case .success(let parsed): payload = parsed
    case .failure(let invalid): throw .refused(.invalidCode(invalid))
    }
    return try await backend.lookUp(payload, policy)
  }

  /// The check-in the dialog would send for `card` on plan `planID`.
  func request(
    _ card: MemberCard, plan planID: Int64?, _ action: CheckInAction, code: String? = nil,
    policy: CheckInPolicy = Desk.policy
  ) -> CheckInRequest {
    let plan = card.subscriptions.first { $0.id == planID }
    return CheckInRequest(
      memberID: card.member.id, code: code, subscriptionID: planID, action: action,
      policy: policy, station: "desk-1", requestedAt: Date(),
      memberName: card.member.fullName, kind: plan?.kind)
  }

  /// Waits (up to a minute, however busy the machine) until the station's background probe has
  /// heard from the server again after an outage.
  func waitUntilAnswering(sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let deadline = ContinuousClock.now + .seconds(60)
    while remote.outageReason != nil {
      guard ContinuousClock.now < deadline else {
        Issue.record("the server never counted as answering again", sourceLocation: sourceLocation)
        return
      }
      try await Task.sleep(for: .milliseconds(20))
    }
  }

  /// The outbox as `checkin outbox` would list it (a second connection to the cache).
  func outbox() throws -> [OutboxEntry] {
    let path = try #require(cachePath, "this desk has no cache")
    return try RemoteCache(path: path, server: remote.server.key).entries()
  }

  /// Runs `sql` on the desk's cache through a connection of its own: a trigger there stands for
  /// what the client can't be made to do on cue (stop between two writes, find the disk full).
  func onCache(_ sql: String) throws {
    let path = try #require(cachePath, "this desk has no cache")
    try RemoteCache(path: path, server: remote.server.key).database.execute(sql)
  }

  /// A headless station on `backend` (default: this desk's), reading the real clock in UTC, the
  /// server's time zone, so plan dates mean the same on both sides.
  func station(_ backend: Backend? = nil, policy: CheckInPolicy = Desk.policy)
    -> HeadlessStation
  {
    HeadlessStation(
      environment: StationEnvironment(backend: backend ?? self.backend),
      context: {
        StationContext(
          now: Date(), timeZone: .gmt, policy: policy, stationName: "desk-1",
          allowsOverride: false)
      })
  }
}

/// Ends the test process, loudly, when a desk's work doesn't finish in time, instead of letting
/// the run hang. `URLSession.data(for:)` deadlocks in FoundationNetworking when the task awaiting
/// it is cancelled just as its transfer completes (swift-corelibs-foundation#5412): every
/// URLSession in the process stops, Swift's cooperative threads block one by one, and no test
/// time limit could fire. The client works around it (`DataTransfer`); this watch, on a thread
/// of its own, catches a regression, and the backtrace after its message shows where.
final class Watchdog: Sendable {
  private let finished = DispatchSemaphore(value: 0)

  init(_ what: String, seconds: Double) {
    let finished = finished
    let thread = Thread {
      if finished.wait(timeout: .now() + seconds) == .success { return }
      fatalError(
        "\(what) did not finish within \(Int(seconds)) s: the process is stuck — most likely "
          + "the URLSession cancellation deadlock described on Watchdog in "
          + "Tests/CheckInRemoteTests/Support/RemoteDesk.swift; see the backtrace")
    }
    thread.name = "watchdog"
    thread.start()
  }

  func finish() {
    finished.signal()
  }
}

/// Timeouts for tests that aren't about timeouts: a test machine starting a dozen stand-in
/// servers at once can hold a request for seconds, which a desk's 5 s lookup would call a
/// timeout.
/// The probe of a server taken to be down asks often, so a test that brings the server back
/// soon sees it answer again (`Desk.waitUntilAnswering`).
let patientOptions = RemoteOptions(
  lookupTimeout: 30, checkInTimeout: 30, otherTimeout: 30, probeInterval: 0.1)

/// Runs `body` with a desk on `server` in a temp folder of its own, removed afterwards. With
/// `under`, the desk's address is that path on the server, where it has no endpoints at all.
/// The desk's days are those of `timeZone` (default the server's, UTC).
func withDesk<Value: Sendable>(
  _ server: StandInServer, under path: String = "", cache: Bool = true,
  options: RemoteOptions = patientOptions, clock: TestClock? = nil, timeZone: TimeZone = .gmt,
  watchdog seconds: Double = 120,
  sourceLocation: SourceLocation = #_sourceLocation, _ body: (Desk) async throws -> Value
) async throws -> Value {
  let watchdog = Watchdog("the desk of the test at \(sourceLocation)", seconds: seconds)
  defer { watchdog.finish() }
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("checkin-remote-\(UUID().uuidString)", isDirectory: true)
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  let sessionPath = folder.appendingPathComponent("config/checkin/session.json").path
  let cachePath = cache ? folder.appendingPathComponent("cache/checkin/remote.sqlite3").path : nil
  let log = LogBook()
  let address = try ServerAddress(server.baseURL.absoluteString + path)
  let remoteCache = try cachePath.map { path throws(BackendError) in
    try RemoteCache(path: path, server: address.key)
  }
  let remote = RemoteBackend(
    server: address, sessionFile: SessionFile(path: sessionPath), cache: remoteCache,
    options: options, clock: { clock?.now ?? Date() }, timeZone: timeZone,
    log: { log.write($0) })
  let desk = Desk(
    folder: folder, remote: remote, log: log, sessionPath: sessionPath, cachePath: cachePath,
    server: server)
  return try await body(desk)
}

/// One stand-in server for the whole test, reset into each of `modes` in turn.
func eachMode(
  _ modes: [StandInServer.Mode] = StandInServer.Mode.allCases,
  _ body: (StandInServer, StandInServer.Mode) async throws -> Void
) async throws {
  let first = try #require(modes.first)
  try await StandInServer.run(first) { server in
    for mode in modes {
      try await server.reset(mode: mode)
      try await body(server, mode)
    }
  }
}

/// The outcome of a typed-throwing call, to compare errors with `==`.
func outcome<Value: Sendable>(_ body: () async throws(BackendError) -> Value) async -> Result<
  Value, BackendError
> {
  do {
    return .success(try await body())
  } catch {
    return .failure(error)
  }
}

extension Result {
  var failure: Failure? {
    if case .failure(let error) = self { return error }
    return nil
  }

  var value: Success? {
    if case .success(let value) = self { return value }
    return nil
  }
}

/// The server's "today": it writes dates in UTC and seeds plans relative to it.
func serverDay(_ offset: Int = 0) -> CalendarDay {
  CalendarDay(Date(), in: .gmt).adding(days: offset)
}

extension StandInServer.State {
  /// Requests after the first `count` (what one operation sent).
  func requests(after count: Int) -> [Request] {
    Array(requests.dropFirst(count))
  }

  func attendance(after count: Int) -> [Attendance] {
    Array(attendance.dropFirst(count))
  }

  func deductions(after count: Int) -> [Deduction] {
    Array(deductions.dropFirst(count))
  }

  /// The remaining count of a counted plan (sessions or coins, whichever it has).
  func left(_ plan: Int) -> Int? {
    balance(plan).flatMap { $0.remainingSessions ?? $0.remainingCoins }
  }
}

extension StandInServer.State.Request {
  /// `POST /api/attendance` style, for printing.
  var line: String { "\(method) \(path)" }
}

/// "3 requests: GET /a, GET /b, …" for the round-trip printouts.
func describe(_ requests: [StandInServer.State.Request]) -> String {
  "\(requests.count) request\(requests.count == 1 ? "" : "s"): "
    + requests.map(\.line).joined(separator: ", ")
}

/// Waits (briefly polling the server) until `condition` holds of its state; false on timeout.
func eventually(
  _ server: StandInServer, within seconds: Double = 10,
  _ condition: (StandInServer.State) -> Bool
) async throws -> Bool {
  let deadline = ContinuousClock.now + .seconds(seconds)
  while ContinuousClock.now < deadline {
    if condition(try await server.state()) { return true }
    try await Task.sleep(for: .milliseconds(20))
  }
  return false
}

extension HeadlessStation {
  /// The receipt on the result banner, when the station shows a check-in.
  var shownReceipt: Receipt? {
    guard case .result(let banner) = state.phase, case .checkedIn(let receipt) = banner.outcome
    else { return nil }
    return receipt
  }
}
