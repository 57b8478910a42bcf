import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

// The stand-in server is what the remote client's tests trust: these tests pin it to API.md,
// mode by mode, so a client test that passes against it means something. They talk HTTP with
// plain URLSession, like any client would, and read the server's own view through its controls.

/// One HTTP answer, with its body as JSON when it is JSON.
struct Reply: Sendable {
  let status: Int
  let data: Data
  let contentType: String?
  /// The `Connection` header: `close` from the deployed servers (and field mode).
  var connection: String? = nil

  /// The body as JSON, or nil when it is not JSON.
  var json: JSONValue? { try? JSONDecoder().decode(JSONValue.self, from: data) }
  var text: String { String(decoding: data, as: UTF8.self) }

  /// `data` of a success envelope.
  var payload: JSONValue? { json?["data"] }
  /// `error` of a failure envelope.
  var error: String? { json?["error"]?.string }
  /// `msg` of a JWT-layer refusal.
  var message: String? { json?["msg"]?.string }
  /// `errors.code` of a refused check-in.
  var code: String? { json?["errors"]?["code"]?.string }
}

/// A minimal client of the stand-in: raw requests, a token once logged in.
struct Wire {
  let base: URL
  let session: URLSession
  var token: String?

  init(_ base: URL, session: URLSession = Wire.freshSession()) {
    self.base = base
    self.session = session
  }

  /// A session of its own, so its connections are its own.
  static func freshSession(timeout: Double = 30) -> URLSession {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.urlCache = nil
    return URLSession(configuration: configuration)
  }

  func send(
    _ method: String, _ path: String, json: JSONValue? = nil, raw: Data? = nil,
    authorization: String? = nil
  ) async throws -> Reply {
    let url = try #require(URL(string: base.absoluteString + path))
    var request = URLRequest(url: url)
    request.httpMethod = method
    if let json {
      request.httpBody = try JSONEncoder().encode(json)
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    } else if let raw {
      request.httpBody = raw
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    if let header = authorization ?? token.map({ "Bearer \($0)" }) {
      request.setValue(header, forHTTPHeaderField: "Authorization")
    }
    let (data, response) = try await session.data(for: request)
    let http = try #require(response as? HTTPURLResponse)
    return Reply(
      status: http.statusCode, data: data,
      contentType: http.value(forHTTPHeaderField: "Content-Type"),
      connection: http.value(forHTTPHeaderField: "Connection"))
  }

  func get(_ path: String) async throws -> Reply { try await send("GET", path) }

  func post(_ path: String, _ json: JSONValue? = nil) async throws -> Reply {
    try await send("POST", path, json: json)
  }

  /// Logs in (or fails the test) and keeps the token.
  mutating func login(_ username: String = "reception1", _ password: String = "pass-1")
    async throws
  {
    let reply = try await send(
      "POST", "/api/auth/login",
      json: ["username": .string(username), "password": .string(password)])
    #expect(reply.status == 200, "login \(username): \(reply.text)")
    token = try #require(reply.payload?["access_token"]?.string)
  }

  /// A check-in as the station sends it (branch 1 unless said).
  func checkIn(_ member: JSONValue, branch: Int = 1, extra: [String: JSONValue] = [:])
    async throws -> Reply
  {
    var body = extra
    body["branch_id"] = .number(Double(branch))
    if let number = member.int {
      body["customer_id"] = .number(Double(number))
    } else {
      body["qr_code"] = member
    }
    return try await post("/api/attendance", .object(body))
  }
}

/// The seed's staff accounts (see the fixture's docstring).
let passwords = [
  "reception1": "pass-1", "reception2": "pass-2", "manager": "pass-3", "gone": "pass-4",
  "accountant": "pass-5",
]

/// Starts a server in `mode`, logs `username` in (nil: nobody), and runs `body`.
func withServer(
  _ mode: StandInServer.Mode, as username: String? = "reception1",
  transport: StandInServer.Transport = .deployed,
  _ body: (StandInServer, Wire) async throws -> Void
) async throws {
  try await StandInServer.run(mode, transport: transport) { server in
    var wire = Wire(server.baseURL)
    if let username {
      try await wire.login(username, passwords[username] ?? "")
    }
    try await body(server, wire)
  }
}

let allModes = StandInServer.Mode.allCases
let deployedModes = StandInServer.Mode.deployed

/// A day as the server writes dates (UTC), `offset` days from today.
func utcDay(offset: Int = 0) -> String {
  var calendar = Calendar(identifier: .gregorian)
  calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
  let day = calendar.date(byAdding: .day, value: offset, to: Date()) ?? Date()
  let parts = calendar.dateComponents([.year, .month, .day], from: day)
  return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
}

/// The URLError code `body` fails with; nil when it succeeds (or fails otherwise).
func transportFailure(_ body: () async throws -> Reply) async -> URLError.Code? {
  do {
    _ = try await body()
    return nil
  } catch let error as URLError {
    return error.code
  } catch {
    return nil
  }
}

/// Polls the state until `condition` holds (the server may still be committing).
func waitForState(
  _ server: StandInServer, seconds: Double = 30,
  until condition: (StandInServer.State) -> Bool
) async throws -> StandInServer.State {
  let deadline = Date().addingTimeInterval(seconds)
  var state = try await server.state()
  while !condition(state) && Date() < deadline {
    try await Task.sleep(for: .milliseconds(50))
    state = try await server.state()
  }
  return state
}
