import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The stand-in for the gym chain's backend (`Tests/Fixtures/gym_server.py`, Python + Flask), one
/// process per instance on a free loopback port, in one of the three modes of API.md.
///
/// Use it through `StandInServer.run(_:_:)`, which stops the process whatever the test does:
///
///     try await StandInServer.run(.vAug) { server in
///       try await server.fault(.status(500), path: "/api/attendance")
///       … the client under test talks to server.baseURL …
///       #expect(try await server.state().balance(45)?.remainingSessions == 6)
///     }
///
/// "Server down" two ways: `down()`/`up()` keep the process and its port but close every API
/// connection unanswered (URLSession on Linux: `URLError.badServerResponse`, "Empty reply from
/// server"); `stop()`/`restart()` end the process and start it again on the same port, with the
/// same members, balances, attendance, request log and valid tokens (in between:
/// `URLError.cannotConnectToHost`). The control calls use their own URLSession, so they never
/// share a connection with the client under test, and they are not logged.
///
/// On a kept-alive connection closed without an answer, libcurl resends the request on a new
/// connection, headers only (no body). `down()` hangs up on that resend too; a single `.drop`
/// lets it wait for its body until the client times out — use `count: 2` or `down()` when the
/// client should fail promptly.
actor StandInServer {
  /// The backend version to imitate (see the fixture's docstring and API.md).
  enum Mode: String, Sendable, CaseIterable, CustomStringConvertible {
    case vFeb = "v-feb"
    case vAug = "v-aug"
    case seedSpec = "seed-spec"

    var description: String { rawValue }

    /// The two deployed versions: they check in and deduct in one call.
    static let deployed: [Mode] = [.vFeb, .vAug]
  }

  /// A misbehaviour for the next matching API requests (`fault(_:path:method:count:)`).
  enum Fault: Sendable {
    /// Sleep, then answer normally.
    case slow(seconds: Double)
    /// Check in (and deduct) first, then sleep: a client that times out can't know the outcome.
    /// Applies to `POST /api/attendance` unless another path is given.
    case slowAfterCommit(seconds: Double)
    /// Answer this status with a JSON error envelope; the request never reaches the backend.
    case status(Int)
    /// Close the connection without answering; nothing happens on the server.
    case drop
    /// Check in (and deduct) first, then close the connection without answering.
    case dropAfterCommit
    /// Answer 200 with an HTML page.
    case garbage
    /// Answer 200 with JSON that is not the envelope.
    case wrongShape
    /// Answer logins 429, as v-aug's rate limit does.
    case rateLimit
    /// Answer `status` (300-399) with a `Location` header; the request never reaches the backend.
    case redirect(status: Int = 307, to: String)
    /// Expire every token issued so far, at once (`count`, `path` and `method` are ignored).
    case expireTokens

    var json: [String: JSONValue] {
      switch self {
      case .slow(let seconds): ["kind": "slow", "seconds": .number(seconds)]
      case .slowAfterCommit(let seconds):
        ["kind": "slow_after_commit", "seconds": .number(seconds)]
      case .status(let code): ["kind": "status", "code": .number(Double(code))]
      case .drop: ["kind": "drop"]
      case .dropAfterCommit: ["kind": "drop_after_commit"]
      case .garbage: ["kind": "garbage"]
      case .wrongShape: ["kind": "wrong_shape"]
      case .rateLimit: ["kind": "rate_limit"]
      case .redirect(let status, let location):
        ["kind": "redirect", "code": .number(Double(status)), "location": .string(location)]
      case .expireTokens: ["kind": "expire_tokens"]
      }
    }
  }

  /// Why the stand-in could not be used. Tests fail with this message; they never skip.
  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  /// How the stand-in talks HTTP. The deployed servers close every connection and serve one
  /// request at a time (API.md, Speed), so that is what the client is tested against unless a
  /// test is about keep-alive itself; a delay per request is for measuring.
  enum Transport: Sendable, Equatable {
    case field(delay: Double)
    case keepAlive

    static let deployed = Transport.field(delay: 0)

    var arguments: [String] {
      switch self {
      case .field(let delay): ["--field", "--delay-ms", String(delay * 1000)]
      case .keepAlive: []
      }
    }
  }

  /// `http://127.0.0.1:PORT`, the same across `restart()`.
  nonisolated let baseURL: URL
  nonisolated let port: Int
  private(set) var mode: Mode
  private(set) var transport: Transport
  private var process: Process?
  private let directory: URL
  private let controls: URLSession

  private init(
    mode: Mode, transport: Transport, port: Int, process: Process, directory: URL
  ) throws {
    guard let url = URL(string: "http://127.0.0.1:\(port)") else {
      throw Failure(description: "no URL for port \(port)")
    }
    self.baseURL = url
    self.port = port
    self.mode = mode
    self.transport = transport
    self.process = process
    self.directory = directory
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = 60
    configuration.urlCache = nil
    self.controls = URLSession(configuration: configuration)
  }

  deinit {
    // Normally `close()` has run; if not (a crash in the test), don't leave the server behind.
    // The fixture also exits by itself when this test process is gone (--parent-pid).
    if let process, process.isRunning { process.terminate() }
    try? FileManager.default.removeItem(at: directory)
  }

  // MARK: - Life cycle

  /// Starts a server in `mode` and runs `body` with it, stopping the process afterwards even
  /// when `body` throws.
  static func run<Value: Sendable>(
    _ mode: Mode, transport: Transport = .deployed, _ body: (StandInServer) async throws -> Value
  ) async throws -> Value {
    // Swift Testing starts every test at once: dozens of Python servers starting together on two
    // cores miss any deadline. A few at a time finish sooner, and no test's timing depends on
    // how many others run.
    await StandInGate.shared.enter()
    do {
      let server = try await start(mode, transport: transport)
      do {
        let result = try await body(server)
        await server.close()
        await StandInGate.shared.leave()
        return result
      } catch {
        await server.close()
        throw error
      }
    } catch {
      await StandInGate.shared.leave()
      throw error
    }
  }

  /// Starts a server; the caller must `close()` it (prefer `run(_:_:)`).
  static func start(_ mode: Mode, transport: Transport = .deployed) async throws -> StandInServer {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("gym-stand-in-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    do {
      let (process, port) = try await launch(
        mode: mode, transport: transport, port: 0, directory: directory)
      return try StandInServer(
        mode: mode, transport: transport, port: port, process: process, directory: directory)
    } catch {
      try? FileManager.default.removeItem(at: directory)
      throw error
    }
  }

  /// Ends the process (SIGTERM: it saves its state for `restart()`; SIGKILL if it lingers).
  /// Clients then get "connection refused".
  func stop() async {
    guard let process else { return }
    self.process = nil
    if process.isRunning { process.terminate() }
    if await Self.waitForExit(process, seconds: 15) { return }
    kill(process.processIdentifier, SIGKILL)
    _ = await Self.waitForExit(process, seconds: 5)
  }

  /// Starts the process again on the same port with the state it had when stopped: the same
  /// members, balances, attendance, request log and valid tokens.
  func restart() async throws {
    await stop()
    let (process, _) = try await Self.launch(
      mode: mode, transport: transport, port: port, directory: directory)
    self.process = process
  }

  /// Stops the process for good and removes its files.
  func close() async {
    await stop()
    controls.invalidateAndCancel()
    try? FileManager.default.removeItem(at: directory)
  }

  /// Whether the process runs (false after `stop()`).
  var isRunning: Bool { process?.isRunning ?? false }

  /// What the fixture printed (errors only, unless started with --verbose).
  var log: String {
    (try? String(contentsOf: directory.appendingPathComponent("server.log"), encoding: .utf8))
      ?? ""
  }

  // MARK: - Controls

  /// Re-seeds the data (optionally in another mode); clears attendance, faults, the request log
  /// and rate limits, and makes every token issued so far invalid (422, log in again).
  func reset(mode newMode: Mode? = nil, transport newTransport: Transport? = nil) async throws {
    var body: [String: JSONValue] = [:]
    if let newMode { body["mode"] = .string(newMode.rawValue) }
    if case .field(let delay) = newTransport ?? transport {
      body["field"] = true
      body["delay_ms"] = .number(delay * 1000)
    }
    _ = try await control("POST", "reset", body: body)
    if let newMode { mode = newMode }
    if let newTransport { transport = newTransport }
  }

  /// The deployed servers' transport from now on, each request after `delay` seconds of work.
  /// Re-seeds like `reset`.
  func field(delay: Double = 0.025) async throws {
    try await reset(mode: mode, transport: .field(delay: delay))
  }

  /// Accepts every API request and never answers it, until `up()`.
  func hang() async throws {
    _ = try await control("POST", "hang", body: [:])
  }

  /// Queues `fault` for the next `count` requests whose path starts with `path` (default: any
  /// API path, or the fault's own default), if given whose method is `method`, and whose query
  /// has each of `query`'s parameters with that value (`["page": "2"]`: a listing's second page).
  func fault(
    _ fault: Fault, path: String? = nil, method: String? = nil, query: [String: String] = [:],
    count: Int = 1
  ) async throws {
    var body = fault.json
    body["count"] = .number(Double(count))
    if let path { body["path"] = .string(path) }
    if let method { body["method"] = .string(method) }
    if !query.isEmpty { body["query"] = .object(query.mapValues { .string($0) }) }
    _ = try await control("POST", "fault", body: body)
  }

  /// The ids `addEntries` gave the entries it added, oldest first.
  struct AddedEntries: Sendable, Equatable {
    let first: Int64
    let last: Int64

    var ids: ClosedRange<Int64> { first...last }
  }

  /// Appends `count` entries to the entry log in one call, as that many check-ins (or, with
  /// `approved: false`, refusals) of `member` at `branch` would have: the first at `start`, each
  /// next one `step` seconds later, with the next ids.
  @discardableResult
  func addEntries(
    branch: Int64 = 1, member: Int64 = 116, count: Int, start: Date, step: Double = 0,
    approved: Bool = true
  ) async throws -> AddedEntries {
    let data = try await control(
      "POST", "entries",
      body: [
        "branch_id": .number(Double(branch)), "customer_id": .number(Double(member)),
        "count": .number(Double(count)), "start": .string(Self.isoTime(start)),
        "step_seconds": .number(step), "status": .string(approved ? "approved" : "denied"),
      ])
    let answer = try JSONDecoder().decode(JSONValue.self, from: data)
    guard answer["added"]?.int == count, let first = answer["first_id"]?.int,
      let last = answer["last_id"]?.int
    else {
      throw Failure(description: "the stand-in added no entries as asked: \(answer)")
    }
    return AddedEntries(first: Int64(first), last: Int64(last))
  }

  /// `2026-06-14T22:00:00.000Z`.
  private static func isoTime(_ date: Date) -> String {
    let format = ISO8601DateFormatter()
    format.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return format.string(from: date)
  }

  /// Forgets every pending fault.
  func clearFaults() async throws {
    _ = try await control("POST", "clear-faults", body: [:])
  }

  /// Every token issued so far answers 401 "Token has expired" from now on.
  func expireTokens() async throws {
    try await fault(.expireTokens)
  }

  /// Closes every API connection unanswered until `up()`; control calls still work.
  /// Gives member `id` a new stored code, retiring the old one.
  func recode(_ id: Int64, to code: String) async throws {
    _ = try await control(
      "POST", "recode", body: ["customer_id": .number(Double(id)), "qr_code": .string(code)])
  }

  func down() async throws {
    _ = try await control("POST", "down", body: [:])
  }

  /// Answers API requests again after `down()`.
  func up() async throws {
    _ = try await control("POST", "up", body: [:])
  }

  /// Balances, attendance, deductions and the request log, as the server holds them now.
  func state() async throws -> State {
    let data = try await control("GET", "state", body: nil)
    do {
      return try JSONDecoder().decode(State.self, from: data)
    } catch {
      throw Failure(description: "the stand-in's state did not decode: \(error)")
    }
  }

  private func control(_ method: String, _ name: String, body: [String: JSONValue]?)
    async throws -> Data
  {
    var request = URLRequest(url: baseURL.appendingPathComponent("__control__/\(name)"))
    request.httpMethod = method
    if let body {
      request.httpBody = try JSONEncoder().encode(JSONValue.object(body))
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    let (data, response) = try await controls.data(for: request)
    guard let http = response as? HTTPURLResponse, http.statusCode == 200 else {
      let text = String(decoding: data, as: UTF8.self)
      throw Failure(description: "stand-in control \(method) \(name) failed: \(text)")
    }
    return data
  }

  // MARK: - Launching

  /// `Tests/Fixtures/gym_server.py`, found from this file's place in the source tree.
  static let script = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // CheckInRemoteTests
    .deletingLastPathComponent()  // Tests
    .appendingPathComponent("Fixtures/gym_server.py")

  /// How long a start may take on a busy machine before the test fails. Generous: on two busy
  /// cores the test's own polling may not run for a long while (other tests' processes block
  /// the cooperative threads), and the port is looked for once more when it does.
  static let startDeadline: Double = 120

  /// `python3` from PATH, or a clear error.
  static func python() throws -> URL {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for directory in path.split(separator: ":") where !directory.isEmpty {
      let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("python3")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    throw Failure(
      description: "python3 is not on PATH (\(path)): the remote tests need Python 3 with "
        + "Flask 3 for the stand-in server Tests/Fixtures/gym_server.py "
        + "(install python3, then: python3 -m pip install 'flask>=3')")
  }

  /// Starts the fixture and waits for it to publish its port.
  private static func launch(mode: Mode, transport: Transport, port: Int, directory: URL)
    async throws -> (
      Process, Int
    )
  {
    guard FileManager.default.fileExists(atPath: script.path) else {
      throw Failure(description: "the stand-in server is missing: \(script.path)")
    }
    let portFile = directory.appendingPathComponent("port")
    let logFile = directory.appendingPathComponent("server.log")
    try? FileManager.default.removeItem(at: portFile)
    if !FileManager.default.fileExists(atPath: logFile.path),
      !FileManager.default.createFile(atPath: logFile.path, contents: nil)
    {
      throw Failure(description: "could not create \(logFile.path)")
    }
    let log = try FileHandle(forWritingTo: logFile)
    defer { try? log.close() }  // the child has its own copy
    log.seekToEndOfFile()

    let process = Process()
    process.executableURL = try python()
    process.arguments =
      [
        script.path, "--mode", mode.rawValue, "--port", String(port),
        "--port-file", portFile.path,
        "--state-file", directory.appendingPathComponent("state.json").path,
        "--parent-pid", String(getpid()),
      ] + transport.arguments
    var environment = ProcessInfo.processInfo.environment
    environment["PYTHONDONTWRITEBYTECODE"] = "1"
    environment["PYTHONUNBUFFERED"] = "1"
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = log
    process.standardError = log
    do {
      try process.run()
    } catch {
      throw Failure(description: "could not start \(script.path) with python3: \(error)")
    }

    let deadline = Date().addingTimeInterval(startDeadline)
    while true {
      // Read before the clock is checked: a poll starved past the deadline still finds a port
      // published meanwhile.
      if let text = try? String(contentsOf: portFile, encoding: .utf8),
        let published = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return (process, published)
      }
      if Date() >= deadline { break }
      if !process.isRunning {
        let output =
          (try? String(contentsOf: logFile, encoding: .utf8))?
          .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        throw Failure(
          description: "the stand-in server exited (status \(process.terminationStatus)) "
            + "before listening: \(output.isEmpty ? "no output" : output)")
      }
      try await Task.sleep(for: .milliseconds(50))
    }
    process.terminate()
    _ = await waitForExit(process, seconds: 5)
    throw Failure(
      description: "the stand-in server did not publish its port within \(Int(startDeadline)) s")
  }

  private static func waitForExit(_ process: Process, seconds: Double) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning && Date() < deadline {
      try? await Task.sleep(for: .milliseconds(20))
    }
    return !process.isRunning
  }
}

// MARK: - State

extension StandInServer {
  /// `GET /__control__/state`.
  struct State: Decodable, Sendable {
    let mode: String
    /// Whether `down()` is in force.
    let down: Bool
    /// How many TCP connections the server has accepted (control calls included).
    let connections: Int
    /// Balances by subscription id (as text: JSON object keys).
    let subscriptions: [String: Balance]
    /// Approved check-ins in order (refusals appear only in the entry log).
    let attendance: [Attendance]
    /// Every change to a balance, by check-in or by a deduct endpoint.
    let deductions: [Deduction]
    /// Every API request in arrival order (control calls excluded).
    let requests: [Request]

    func balance(_ subscriptionID: Int) -> Balance? { subscriptions[String(subscriptionID)] }

    /// Requests to `path` (exactly), optionally with `method`.
    func requests(to path: String, method: String? = nil) -> [Request] {
      requests.filter { $0.path == path && (method == nil || $0.method == method) }
    }

    struct Balance: Decodable, Sendable, Equatable {
      let remainingSessions: Int?
      let remainingCoins: Int?

      enum CodingKeys: String, CodingKey {
        case remainingSessions = "remaining_sessions"
        case remainingCoins = "remaining_coins"
      }
    }

    struct Attendance: Decodable, Sendable, Equatable {
      let id: Int
      let customerID: Int
      let subscriptionID: Int?
      let sessionsDeducted: Int
      let coinsDeducted: Int
      let branchID: Int?
      let checkInTime: String
      let action: String?

      enum CodingKeys: String, CodingKey {
        case id, action
        case customerID = "customer_id"
        case subscriptionID = "subscription_id"
        case sessionsDeducted = "sessions_deducted"
        case coinsDeducted = "coins_deducted"
        case branchID = "branch_id"
        case checkInTime = "check_in_time"
      }
    }

    struct Deduction: Decodable, Sendable, Equatable {
      let subscriptionID: Int
      let sessions: Int
      let coins: Int
      /// `attendance`, `deduct-session` or `use-coins`.
      let source: String
      let time: String

      enum CodingKeys: String, CodingKey {
        case sessions, coins, source, time
        case subscriptionID = "subscription_id"
      }
    }

    struct Request: Decodable, Sendable {
      let method: String
      let path: String
      let query: [String: String]
      /// The body as JSON, or as a string when it was not JSON; nil when empty.
      let body: JSONValue?
      /// nil when no answer was sent (a dropped connection, or still sleeping).
      let status: Int?
      let time: String
      /// Which TCP connection carried it: equal numbers mean a reused connection.
      let connection: Int
      /// The fault that applied (`down` while down, `hang` while hanging), if any.
      let fault: String?
      /// In field mode, how long it waited for the requests before it (milliseconds).
      let queuedMS: Double?

      enum CodingKeys: String, CodingKey {
        case method, path, query, body, status, time, connection, fault
        case queuedMS = "queued_ms"
      }
    }
  }
}

// MARK: - JSON

/// Any JSON value: request bodies for the stand-in and answers read by the tests.
enum JSONValue: Codable, Sendable, Equatable, ExpressibleByStringLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByNilLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  init(stringLiteral value: String) { self = .string(value) }
  init(integerLiteral value: Int) { self = .number(Double(value)) }
  init(booleanLiteral value: Bool) { self = .bool(value) }
  init(floatLiteral value: Double) { self = .number(value) }
  init(nilLiteral: ()) { self = .null }
  init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .number(let value):
      if value == value.rounded(), abs(value) < 1e15 {
        try container.encode(Int(value))
      } else {
        try container.encode(value)
      }
    case .string(let value): try container.encode(value)
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    }
  }

  /// A member of an object; nil when absent (or when this is not an object).
  subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { return members[key] }
    return nil
  }

  /// An element of an array; nil when out of range.
  subscript(index: Int) -> JSONValue? {
    if case .array(let elements) = self, elements.indices.contains(index) {
      return elements[index]
    }
    return nil
  }

  var string: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  var int: Int? {
    if case .number(let value) = self, value == value.rounded() { return Int(value) }
    return nil
  }

  var bool: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }

  var array: [JSONValue]? {
    if case .array(let value) = self { return value }
    return nil
  }

  var object: [String: JSONValue]? {
    if case .object(let value) = self { return value }
    return nil
  }

  var isNull: Bool { self == .null }
}

/// Lets a few stand-in servers run at once.
actor StandInGate {
  static let shared = StandInGate(slots: 2)

  private var free: Int
  private var waiting: [CheckedContinuation<Void, Never>] = []

  init(slots: Int) {
    free = slots
  }

  func enter() async {
    if free > 0 {
      free -= 1
      return
    }
    await withCheckedContinuation { waiting.append($0) }
  }

  func leave() {
    if waiting.isEmpty {
      free += 1
    } else {
      waiting.removeFirst().resume()
    }
  }
}
