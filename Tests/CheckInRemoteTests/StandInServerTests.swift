import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

// The stand-in server is what the remote client's tests trust: these tests pin it to API.md,
// mode by mode, so a client test that passes against it means something. They talk HTTP with
// plain URLSession, like any client would, and read the server's own view through its controls.

/// One HTTP answer, with its body as JSON when it is JSON.
private struct Reply: Sendable {
  let status: Int
  let data: Data
  let contentType: String?

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
private struct Wire {
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
      contentType: http.value(forHTTPHeaderField: "Content-Type"))
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
private let passwords = [
  "reception1": "pass-1", "reception2": "pass-2", "manager": "pass-3", "gone": "pass-4",
  "accountant": "pass-5",
]

/// Starts a server in `mode`, logs `username` in (nil: nobody), and runs `body`.
private func withServer(
  _ mode: StandInServer.Mode, as username: String? = "reception1",
  _ body: (StandInServer, Wire) async throws -> Void
) async throws {
  try await StandInServer.run(mode) { server in
    var wire = Wire(server.baseURL)
    if let username {
      try await wire.login(username, passwords[username] ?? "")
    }
    try await body(server, wire)
  }
}

private let allModes = StandInServer.Mode.allCases
private let deployed = StandInServer.Mode.deployed

/// A day as the server writes dates (UTC), `offset` days from today.
private func utcDay(offset: Int = 0) -> String {
  var calendar = Calendar(identifier: .gregorian)
  calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
  let day = calendar.date(byAdding: .day, value: offset, to: Date()) ?? Date()
  let parts = calendar.dateComponents([.year, .month, .day], from: day)
  return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
}

// MARK: - Login and the JWT layer

@Suite struct StandInLoginTests {
  @Test(arguments: allModes)
  func goodLoginAnswersTokensAndTheUser(mode: StandInServer.Mode) async throws {
    try await StandInServer.run(mode) { server in
      let reply = try await Wire(server.baseURL).post(
        "/api/auth/login", ["username": "reception1", "password": "pass-1"])
      #expect(reply.status == 200)
      #expect(reply.json?["success"] == true)
      let data = try #require(reply.payload)
      #expect(data["access_token"]?.string?.isEmpty == false)
      #expect(data["refresh_token"]?.string?.isEmpty == false)
      let user = try #require(data["user"])
      #expect(user["id"] == 1)
      #expect(user["username"] == "reception1")
      #expect(user["full_name"] == "Mona Fathy")
      #expect(user["role"] == "front_desk")
      #expect(user["branch_id"] == 1)
      #expect(user["branch_name"] == "Main")
      #expect(user["is_active"] == true)
      #expect((user["gym_id"] != nil) == (mode != .vFeb))
    }
  }

  @Test(arguments: allModes)
  func wrongPasswordAndUnknownUserAre401(mode: StandInServer.Mode) async throws {
    try await StandInServer.run(mode) { server in
      let wire = Wire(server.baseURL)
      for (username, password) in [("reception1", "nope"), ("nobody", "pass-1")] {
        let reply = try await wire.post(
          "/api/auth/login", ["username": .string(username), "password": .string(password)])
        #expect(reply.status == 401)
        #expect(reply.json?["success"] == false)
        #expect(reply.error == "Invalid username or password")
      }
    }
  }

  @Test(arguments: allModes)
  func inactiveAccountIs401(mode: StandInServer.Mode) async throws {
    try await StandInServer.run(mode) { server in
      let reply = try await Wire(server.baseURL).post(
        "/api/auth/login", ["username": "gone", "password": "pass-4"])
      #expect(reply.status == 401)
      #expect(reply.error == "Account is inactive")
    }
  }

  @Test func managerGetsTheGymInAugustOnly() async throws {
    for mode in deployed {
      try await StandInServer.run(mode) { server in
        let reply = try await Wire(server.baseURL).post(
          "/api/auth/login", ["username": "manager", "password": "pass-3"])
        #expect(reply.payload?["user"]?["role"] == "branch_manager")
        #expect((reply.payload?["gym"]?["primary_color"] != nil) == (mode == .vAug), "\(mode)")
      }
    }
  }

  @Test(arguments: allModes)
  func meAnswersTheUserAndThereIsNoRefresh(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { _, wire in
      let me = try await wire.get("/api/auth/me")
      #expect(me.status == 200)
      #expect(me.payload?["username"] == "reception1")
      let refresh = try await wire.post("/api/auth/refresh", [:])
      #expect(refresh.status == 404)
      #expect(refresh.error == "Resource not found")
    }
  }

  @Test func jwtRefusalsComeInTheLibrarysShape() async throws {
    try await withServer(.vAug) { _, wire in
      let missing = try await wire.send("GET", "/api/auth/me", authorization: "")
      #expect(missing.status == 401)
      #expect(missing.json == ["msg": "Missing Authorization Header"])

      let undecodable = try await wire.send(
        "GET", "/api/auth/me", authorization: "Bearer abc.def.ghi")
      #expect(undecodable.status == 422)
      #expect(undecodable.message?.hasPrefix("Invalid header string: ") == true)
      #expect(undecodable.json?["success"] == nil)

      let padding = try await wire.send("GET", "/api/auth/me", authorization: "Bearer a.b.c")
      #expect(padding.status == 422)
      #expect(padding.message == "Invalid header padding")

      let segments = try await wire.send("GET", "/api/auth/me", authorization: "Bearer abc")
      #expect(segments.status == 422)
      #expect(segments.message == "Not enough segments")

      let token = try #require(wire.token)
      let tampered = try await wire.send(
        "GET", "/api/auth/me", authorization: "Bearer \(token.dropLast(2))xx")
      #expect(tampered.status == 422)
      #expect(tampered.message == "Signature verification failed")
    }
  }

  @Test func refreshTokenIsNotAnAccessToken() async throws {
    try await StandInServer.run(.vAug) { server in
      let wire = Wire(server.baseURL)
      let login = try await wire.post(
        "/api/auth/login", ["username": "reception1", "password": "pass-1"])
      let refresh = try #require(login.payload?["refresh_token"]?.string)
      let reply = try await wire.send("GET", "/api/auth/me", authorization: "Bearer \(refresh)")
      #expect(reply.status == 422)
      #expect(reply.message == "Only non-refresh tokens are allowed")
    }
  }

  @Test(arguments: allModes)
  func expiredTokensAre401UntilTheNextLogin(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { server, wire in
      try await server.expireTokens()
      let expired = try await wire.get("/api/auth/me")
      #expect(expired.status == 401)
      #expect(expired.json == ["msg": "Token has expired"])
      var again = wire
      try await again.login()
      #expect(try await again.get("/api/auth/me").status == 200)
    }
  }

  @Test func augustLimitsLoginsTo30AMinuteAndFebruaryDoesNot() async throws {
    for mode in deployed {
      try await StandInServer.run(mode) { server in
        let wire = Wire(server.baseURL)
        var statuses: [Int] = []
        for _ in 0..<31 {
          statuses.append(
            try await wire.post(
              "/api/auth/login", ["username": "reception1", "password": "pass-1"]
            ).status)
        }
        #expect(statuses.prefix(30).allSatisfy { $0 == 200 }, "\(mode)")
        #expect(statuses.last == (mode == .vAug ? 429 : 200), "\(mode)")
        try await server.reset()
        let afterReset = try await wire.post(
          "/api/auth/login", ["username": "reception1", "password": "pass-1"])
        #expect(afterReset.status == 200, "a reset clears the limiter")
      }
    }
  }
}

// MARK: - Envelope and routes

@Suite struct StandInEnvelopeTests {
  @Test(arguments: allModes)
  func unknownRouteIsTheEnvelope404(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { _, wire in
      let reply = try await wire.get("/api/nothing/here")
      #expect(reply.status == 404)
      #expect(reply.json == ["success": false, "error": "Resource not found"])
    }
  }

  @Test(arguments: allModes)
  func attendanceCannotBeListed(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { _, wire in
      let reply = try await wire.get("/api/attendance")
      #expect(reply.status == 405)
      #expect(reply.json?["success"] == false)
    }
  }

  @Test(arguments: allModes)
  func invalidJSONGetsWerkzeugsMessage(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { _, wire in
      let werkzeug =
        "The browser (or proxy) sent a request that this server could not understand."
      for path in ["/api/attendance", "/api/auth/login"] {
        let reply = try await wire.send("POST", path, raw: Data("{\"customer_id\": 1".utf8))
        #expect(reply.status == 400, "\(path)")
        #expect(reply.error == werkzeug, "\(path)")
      }
    }
  }

  @Test(arguments: deployed)
  func deductEndpointsDoNotExistOnDeployedVersions(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { server, wire in
      for path in ["/api/subscriptions/45/deduct-session", "/api/subscriptions/46/use-coins"] {
        let reply = try await wire.post(path, [:])
        #expect(reply.status == 404, "\(path)")
        #expect(reply.error == "Resource not found", "\(path)")
      }
      let state = try await server.state()
      #expect(state.balance(45)?.remainingSessions == 7)
      #expect(state.balance(46)?.remainingCoins == 20)
    }
  }
}

// MARK: - Members and subscriptions

@Suite struct StandInMemberTests {
  @Test(arguments: allModes)
  func memberRecordCarriesTheStoredOrDefaultCode(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { _, wire in
      let adel = try await wire.get("/api/customers/115")
      #expect(adel.status == 200)
      let data = try #require(adel.payload)
      #expect(data["full_name"] == "Adel Saad")
      #expect(data["qr_code"] == "GYM-115-9F3A0C1B")
      #expect(data["branch_id"] == 1)
      #expect(data["branch_name"] == "Main")
      #expect(data["is_active"] == true)
      #expect(data["has_active_subscription"] == true)
      for key in ["phone", "email", "national_id", "gender", "date_of_birth", "age"] {
        #expect(data[key] != nil, "\(key)")
      }
      #expect(try await wire.get("/api/customers/117").payload?["qr_code"] == "customer_id:117")
      let missing = try await wire.get("/api/customers/999")
      #expect(missing.status == 404)
      #expect(missing.error == "Customer not found")
    }
  }

  @Test func anotherBranchsMemberIsDeniedInAugustOnly() async throws {
    for mode in allModes {
      try await withServer(mode) { _, wire in
        let reply = try await wire.get("/api/customers/123")
        if mode == .vFeb {
          #expect(reply.status == 200, "v-feb checks no branch")
        } else {
          #expect(reply.status == 403, "\(mode)")
          #expect(reply.error == "Access denied", "\(mode)")
        }
      }
    }
  }

  @Test(arguments: allModes)
  func searchMatchesSubstringsOfActiveMembersOfTheBranch(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { _, wire in
      let adel = try await wire.get("/api/customers/search?q=aDeL")
      #expect(adel.status == 200)
      let ids = adel.payload?["items"]?.array?.compactMap { $0["id"]?.int }
      #expect(ids == [115, 120])
      #expect(adel.payload?["total"] == 2)
      #expect(adel.payload?["query"] == "aDeL")

      let byPhone = try await wire.get("/api/customers/search?q=345115")
      #expect(byPhone.payload?["items"]?[0]?["id"] == 115)
      let byCode = try await wire.get("/api/customers/search?q=cust-125")
      #expect(byCode.payload?["items"]?[0]?["id"] == 125)
      let limited = try await wire.get("/api/customers/search?q=GYM&limit=2")
      #expect(limited.payload?["items"]?.array?.count == 2)
      #expect((limited.payload?["total"]?.int ?? 0) > 2)

      let inactive = try await wire.get("/api/customers/search?q=Rania")
      #expect(inactive.payload?["total"] == 0, "inactive members are not found")
      let otherBranch = try await wire.get("/api/customers/search?q=Ahmed")
      #expect(otherBranch.payload?["total"] == 0, "only the receptionist's branch")

      let empty = try await wire.get("/api/customers/search?q=")
      #expect(empty.status == 400)
    }
  }

  @Test(arguments: allModes)
  func phoneLookupFindsOneMember(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { _, wire in
      let found = try await wire.get("/api/customers/phone/01012345115")
      #expect(found.payload?["id"] == 115)
      let unknown = try await wire.get("/api/customers/phone/0000")
      #expect(unknown.status == 404)
    }
  }

  @Test func augustListItemsHaveNullTypeAndCounts() async throws {
    try await withServer(.vAug) { _, wire in
      let reply = try await wire.get("/api/subscriptions?customer_id=115&status=active")
      #expect(reply.status == 200)
      let item = try #require(reply.payload?["items"]?[0])
      #expect(item["id"] == 45)
      #expect(item["status"] == "active")
      for key in ["subscription_type", "remaining_sessions", "remaining_coins", "remaining_days"] {
        #expect(item[key] == .null, "\(key)")
      }
      #expect(reply.payload?["pagination"]?["total"] == 1)
    }
  }

  @Test func februaryListItemsLackTypeAndCountsAndPrintTheEnum() async throws {
    try await withServer(.vFeb) { _, wire in
      let reply = try await wire.get("/api/subscriptions?customer_id=127&status=active")
      let items = try #require(reply.payload?["items"]?.array)
      #expect(items.compactMap { $0["id"]?.int } == [58, 59])
      for item in items {
        #expect(item["status"] == "SubscriptionStatus.ACTIVE")
        for key in ["subscription_type", "remaining_sessions", "remaining_coins"] {
          #expect(item[key] == nil, "\(key)")
        }
      }
    }
  }

  @Test(arguments: allModes)
  func fullRecordHasEverythingThePaneNeeds(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { _, wire in
      let sessions = try #require(try await wire.get("/api/subscriptions/45").payload)
      #expect(sessions["subscription_type"] == "sessions")
      #expect(sessions["status"] == "active")
      #expect(sessions["remaining_sessions"] == 7)
      #expect(sessions["total_sessions"] == 12)
      #expect(sessions["remaining_coins"] == .null)
      #expect(sessions["display_label"] == "7 Sessions")
      #expect(sessions["grants_gym_entry"] == true)
      #expect(sessions["freeze_count"] == 0)

      let time = try #require(try await wire.get("/api/subscriptions/47").payload)
      #expect(time["subscription_type"] == "time_based")
      #expect(time["remaining_days"] == 9)
      #expect(time["display_label"] == "9 days")
      #expect(time["end_date"] == .string(utcDay(offset: 9)))

      let training = try await wire.get("/api/subscriptions/48").payload
      #expect(training?["display_label"] == "4 Training Sessions")
      let coins = try await wire.get("/api/subscriptions/46").payload
      #expect(coins?["remaining_coins"] == 20)
      #expect(coins?["display_label"] == "20 Coins")

      let frozen = try await wire.get("/api/subscriptions/49").payload
      #expect(frozen?["status"] == "frozen")
      #expect(frozen?["freeze_reason"] == "Travelling for work")

      let ended = try #require(try await wire.get("/api/subscriptions/50").payload)
      #expect(ended["status"] == "active", "nothing flips a plan to expired")
      #expect((ended["end_date"]?.string ?? "") < utcDay())
      #expect(ended["remaining_days"] == 0)

      #expect(try await wire.get("/api/subscriptions/999").status == 404)
    }
  }
}

// MARK: - Check-in on the deployed versions

@Suite struct StandInCheckInTests {
  @Test func februaryRequiresTheBranchAndChecksNoBranch() async throws {
    try await withServer(.vFeb) { server, wire in
      let missing = try await wire.post("/api/attendance", ["customer_id": 115])
      #expect(missing.status == 400)
      #expect(missing.error == "branch_id is required")

      let otherBranch = try await wire.checkIn(123, branch: 1)
      #expect(otherBranch.status == 200, "v-feb serves any member at any branch")
      let state = try await server.state()
      #expect(state.attendance.map(\.branchID) == [1])
      #expect(state.balance(54)?.remainingSessions == 4)
    }
  }

  @Test func augustIgnoresTheBranchSentAndHidesOtherBranches() async throws {
    try await withServer(.vAug) { server, wire in
      let noBranch = try await wire.post("/api/attendance", ["customer_id": 115])
      #expect(noBranch.status == 200)
      let wrongBranch = try await wire.checkIn(115, branch: 2)
      #expect(wrongBranch.status == 200)
      let otherBranch = try await wire.checkIn(123, branch: 2)
      #expect(otherBranch.status == 404)
      #expect(otherBranch.error == "Customer not found")
      #expect(try await server.state().attendance.map(\.branchID) == [1, 1])

      var downtown = Wire(server.baseURL)
      try await downtown.login("reception2", "pass-2")
      #expect(try await downtown.checkIn(123, branch: 2).status == 200)
    }
  }

  @Test(arguments: deployed)
  func theServerPicksThePlanAndDeductsByItself(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { server, wire in
      // The receptionist's choice is ignored: "check-in only" still costs a session.
      let sessions = try await wire.checkIn(
        "GYM-115-9F3A0C1B", extra: ["action": "check_in_only", "subscription_id": 999])
      #expect(sessions.status == 200)
      let data = try #require(sessions.payload)
      #expect(data["customer_id"] == 115)
      #expect(data["customer_name"] == "Adel Saad")
      #expect(data["attendance_id"] == data["entry_id"])
      #expect(data["sessions_deducted"] == 1)
      #expect(data["coins_deducted"] == 0)
      #expect(data["remaining_sessions"] == 6)
      #expect(data["remaining_coins"] == .null)
      #expect(data["subscription_type"] == "sessions")
      #expect(data["subscription_end_date"] == .string(utcDay(offset: 40)))
      #expect(data["check_in_time"]?.string?.hasSuffix("Z") == false)

      let coins = try await wire.checkIn("GYM-116").payload
      #expect(coins?["coins_deducted"] == 1)
      #expect(coins?["remaining_coins"] == 19)
      #expect(coins?["remaining_sessions"] == .null)
      let training = try await wire.checkIn(118).payload
      #expect(training?["sessions_deducted"] == 1)
      #expect(training?["remaining_sessions"] == 3)
      let time = try await wire.checkIn("customer_id:117").payload
      #expect(time?["sessions_deducted"] == 0)
      #expect(time?["coins_deducted"] == 0)
      #expect(time?["subscription_type"] == "time_based")
      let both = try await wire.checkIn(127, extra: ["subscription_id": 59]).payload
      #expect(both?["subscription_type"] == "time_based", "the time plan opens the door")

      let state = try await server.state()
      #expect(state.balance(45)?.remainingSessions == 6)
      #expect(state.balance(46)?.remainingCoins == 19)
      #expect(state.balance(48)?.remainingSessions == 3)
      #expect(state.balance(59)?.remainingSessions == 6)
      #expect(state.deductions.map(\.subscriptionID) == [45, 46, 48])
      #expect(state.deductions.allSatisfy { $0.source == "attendance" })
      #expect(state.attendance.map(\.subscriptionID) == [45, 46, 48, 47, 58])
      #expect(state.attendance.first?.action == "check_in_only")
    }
  }

  @Test(arguments: deployed)
  func thereIsNoDuplicateGuard(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { server, wire in
      #expect(try await wire.checkIn(115).status == 200)
      #expect(try await wire.checkIn(115).status == 200)
      let state = try await server.state()
      #expect(state.attendance.count == 2)
      #expect(state.balance(45)?.remainingSessions == 5)
    }
  }

  @Test(arguments: deployed)
  func codesResolveByExactMatchOrCustomerIDPrefix(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { _, wire in
      let expected: [(JSONValue, Int?)] = [
        ("GYM-115-9F3A0C1B", 115), ("customer_id:115", 115), ("GYM-115", nil),
        ("115", nil), ("gym-115-9f3a0c1b", nil), ("CUST-125", 125), ("CUST-115", nil),
        ("customer_id:117", 117), ("GYM-126", 126),
      ]
      for (code, member) in expected {
        let reply = try await wire.checkIn(code)
        if let member {
          #expect(reply.status == 200, "\(code)")
          #expect(reply.payload?["customer_id"] == .number(Double(member)), "\(code)")
        } else {
          #expect(reply.status == 404, "\(code)")
          #expect(reply.error == "Customer not found", "\(code)")
        }
      }
      let arabic = try await wire.checkIn("GYM-126")
      #expect(arabic.payload?["customer_name"] == "ليلى عبد الرحمن")
    }
  }

  @Test(arguments: deployed)
  func eachRefusalHasItsCodeAndCostsNothing(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { server, wire in
      let frozen = try await wire.checkIn(119)
      #expect(frozen.status == 403)
      #expect(frozen.json?["success"] == false)
      #expect(frozen.code == "FROZEN")
      #expect(frozen.json?["errors"]?["customer_name"] == "Youssef Ali")
      #expect(frozen.json?["errors"]?["freeze_reason"] == "Travelling for work")
      #expect(frozen.json?["errors"]?["frozen_date"] == .string(utcDay(offset: -3)))

      let expired = try await wire.checkIn(120)
      #expect(expired.status == 403)
      #expect(expired.code == "NO_SUBSCRIPTION")
      #expect(expired.json?["errors"]?["has_expired_subscription"] == true)
      #expect(
        expired.json?["errors"]?["last_subscription_end_date"] == .string(utcDay(offset: -5)))

      let never = try await wire.checkIn(128)
      #expect(never.code == "NO_SUBSCRIPTION")
      #expect(never.json?["errors"]?["has_expired_subscription"] == false)
      #expect(never.json?["errors"]?["last_subscription_end_date"] == .null)

      let sessions = try await wire.checkIn(121)
      #expect(sessions.status == 403)
      #expect(sessions.code == "NO_SESSIONS")
      #expect(sessions.json?["errors"]?["customer_name"] == "Hany Samir")

      let coins = try await wire.checkIn(122)
      #expect(coins.status == 403)
      #expect(coins.code == "NO_COINS")
      #expect(coins.json?["errors"]?["customer_name"] == "Dina Farouk")

      let state = try await server.state()
      #expect(state.attendance.isEmpty)
      #expect(state.deductions.isEmpty)
    }
  }

  @Test(arguments: deployed)
  func badRequestsAre400(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { _, wire in
      let empty = try await wire.send("POST", "/api/attendance", raw: Data())
      #expect(empty.status == 400)
      #expect(empty.error == "Request body is required")
      #expect(try await wire.post("/api/attendance", [:]).error == "Request body is required")
      let nobody = try await wire.post("/api/attendance", ["branch_id": 1])
      #expect(nobody.status == 400)
      #expect(nobody.error == "Either qr_code or customer_id is required")
      let inactive = try await wire.checkIn(124)
      #expect(inactive.status == 400)
      #expect(inactive.error == "Customer account is inactive")
    }
  }

  @Test(arguments: deployed)
  func onlyDeskRolesMayCheckIn(mode: StandInServer.Mode) async throws {
    try await withServer(mode, as: "accountant") { _, wire in
      let reply = try await wire.checkIn(115)
      #expect(reply.status == 403)
      #expect(reply.error == "Insufficient permissions")
    }
    try await withServer(mode, as: "manager") { _, wire in
      let reply = try await wire.checkIn(115)
      #expect(reply.status == 200)
    }
  }

  @Test(arguments: allModes)
  func entryLogsListTodayNewestFirst(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { _, wire in
      #expect(try await wire.checkIn(115).status / 100 == 2)
      #expect(try await wire.checkIn(117).status / 100 == 2)
      let path = "/api/validation/entry-logs?branch_id=1&from_date=\(utcDay())&per_page=50&page=1"
      let reply = try await wire.get(path)
      #expect(reply.status == 200)
      let entries = try #require(reply.payload?["entries"]?.array)
      #expect(entries.compactMap { $0["customer_id"]?.int } == [117, 115])
      let first = try #require(entries.first)
      for key in [
        "id", "customer_name", "entry_time", "entry_status", "coins_deducted", "subscription_id",
        "branch_id", "branch_name", "entry_type",
      ] {
        #expect(first[key] != nil, "\(key)")
      }
      #expect(first["entry_status"] == "approved")
      let pages = try #require(reply.payload?["pagination"])
      #expect(pages == ["current_page": 1, "pages": 1, "per_page": 50, "total": 2])

      let second = try await wire.get(
        "/api/validation/entry-logs?branch_id=1&from_date=\(utcDay())&per_page=1&page=2")
      #expect(second.payload?["entries"]?[0]?["customer_id"] == 115)
      #expect(second.payload?["pagination"]?["pages"] == 2)
      let tomorrow = try await wire.get(
        "/api/validation/entry-logs?branch_id=1&from_date=\(utcDay(offset: 1))")
      #expect(tomorrow.payload?["entries"]?.array?.isEmpty == true)
    }
  }

  @Test func refusalsAppearInTheEntryLogAsDenied() async throws {
    try await withServer(.vAug) { _, wire in
      #expect(try await wire.checkIn(119).status == 403)
      let reply = try await wire.get("/api/validation/entry-logs?branch_id=1&from_date=\(utcDay())")
      #expect(reply.payload?["entries"]?[0]?["entry_status"] == "denied")
      #expect(reply.payload?["entries"]?[0]?["customer_id"] == 119)
    }
  }
}

// MARK: - Seed-spec mode

@Suite struct StandInSeedSpecTests {
  @Test func attendanceOnlyRecordsWithTheSeedsShape() async throws {
    try await withServer(.seedSpec) { server, wire in
      let reply = try await wire.post(
        "/api/attendance",
        [
          "customer_id": 115, "subscription_id": 45, "action": "check_in_with_deduction",
          "check_in_time": "2026-02-15T14:30:00Z",
        ])
      #expect(reply.status == 201)
      #expect(reply.json?["message"] == "Check-in recorded successfully")
      let attendance = try #require(reply.payload?["attendance"])
      #expect(attendance["customer_id"] == 115)
      #expect(attendance["customer_name"] == "Adel Saad")
      #expect(attendance["check_in_time"] == "2026-02-15T14:30:00")
      #expect(attendance["branch_id"] == 1)
      #expect(attendance["action"] == "check_in_with_deduction")
      #expect(reply.payload?["sessions_deducted"] == nil)

      let state = try await server.state()
      #expect(state.balance(45)?.remainingSessions == 7, "no deduction at check-in")
      #expect(state.deductions.isEmpty)
      #expect(state.attendance.first?.sessionsDeducted == 0)
      #expect(state.attendance.first?.subscriptionID == 45)
    }
  }

  @Test func attendanceChecksNoPlanAndNeedsACustomerID() async throws {
    try await withServer(.seedSpec) { _, wire in
      #expect(try await wire.post("/api/attendance", ["customer_id": 119]).status == 201)
      let byCode = try await wire.post("/api/attendance", ["qr_code": "GYM-116"])
      #expect(byCode.status == 400)
      #expect(byCode.error == "customer_id is required")
    }
  }

  @Test func deductSessionAndUseCoinsDeductAndAnswerTheNewCount() async throws {
    try await withServer(.seedSpec) { server, wire in
      let session = try await wire.post("/api/subscriptions/45/deduct-session")
      #expect(session.status == 200)
      #expect(session.payload?["remaining_sessions"] == 6)
      #expect(try await wire.post("/api/subscriptions/48/deduct-session").status == 200)

      let coins = try await wire.post("/api/subscriptions/46/use-coins", ["amount": 3])
      #expect(coins.status == 200)
      #expect(coins.payload?["remaining_coins"] == 17)
      let one = try await wire.post("/api/subscriptions/46/use-coins")
      #expect(one.payload?["remaining_coins"] == 16, "amount defaults to 1")

      let wrongKind = try await wire.post("/api/subscriptions/46/deduct-session")
      #expect(wrongKind.status == 400)
      let usedUp = try await wire.post("/api/subscriptions/52/deduct-session")
      #expect(usedUp.status == 400)
      #expect(usedUp.code == "NO_SESSIONS")
      let tooMany = try await wire.post("/api/subscriptions/46/use-coins", ["amount": 100])
      #expect(tooMany.code == "NO_COINS")

      let state = try await server.state()
      #expect(state.balance(45)?.remainingSessions == 6)
      #expect(state.balance(48)?.remainingSessions == 3)
      #expect(state.balance(46)?.remainingCoins == 16)
      #expect(
        state.deductions.map(\.source) == [
          "deduct-session", "deduct-session", "use-coins", "use-coins",
        ])
    }
  }
}

// MARK: - Transport and faults

@Suite struct StandInTransportTests {
  @Test func connectionsAreKeptAlive() async throws {
    try await withServer(.vAug) { server, wire in
      _ = try await wire.get("/api/auth/me")
      _ = try await wire.get("/api/customers/115")
      _ = try await wire.get("/api/subscriptions/45")
      let requests = try await server.state().requests
      #expect(requests.count == 4)
      #expect(Set(requests.map(\.connection)).count == 1, "one connection for all requests")
    }
  }

  @Test func requestLogShowsWhatWasSent() async throws {
    try await withServer(.vFeb) { server, wire in
      _ = try await wire.checkIn(115, extra: ["action": "check_in_only"])
      _ = try await wire.get("/api/customers/search?q=adel&limit=5")
      let state = try await server.state()
      let checkIn = try #require(state.requests(to: "/api/attendance", method: "POST").first)
      #expect(checkIn.body?["customer_id"] == 115)
      #expect(checkIn.body?["branch_id"] == 1)
      #expect(checkIn.status == 200)
      #expect(checkIn.fault == nil)
      let search = try #require(state.requests(to: "/api/customers/search").first)
      #expect(search.query == ["q": "adel", "limit": "5"])
    }
  }

  @Test func slowAnswersArriveAndAreLogged() async throws {
    try await withServer(.vAug) { server, wire in
      try await server.fault(.slow(seconds: 0.3), path: "/api/customers")
      let reply = try await wire.get("/api/customers/115")
      #expect(reply.status == 200)
      let request = try #require(try await server.state().requests.last)
      #expect(request.fault == "slow")
      #expect(try await wire.get("/api/customers/115").status == 200)
      #expect(try await server.state().requests.last?.fault == nil, "count defaults to 1")
    }
  }

  @Test func aTimeoutAfterCommitLeavesTheCheckInDone() async throws {
    try await withServer(.vAug) { server, wire in
      try await server.fault(.slowAfterCommit(seconds: 20))
      var impatient = Wire(server.baseURL, session: Wire.freshSession(timeout: 1))
      impatient.token = wire.token
      await #expect(throws: URLError.self) { try await impatient.checkIn(115) }
      let state = try await waitForState(server) { $0.attendance.count == 1 }
      #expect(state.balance(45)?.remainingSessions == 6, "deducted although the client gave up")
      #expect(state.requests(to: "/api/attendance").first?.fault == "slow_after_commit")
    }
  }

  @Test func dropAfterCommitLeavesTheCheckInDone() async throws {
    try await withServer(.vFeb) { server, wire in
      try await server.fault(.dropAfterCommit)
      let fresh = Wire(server.baseURL)
      var dropped = fresh
      dropped.token = wire.token
      await #expect(throws: URLError.self) { try await dropped.checkIn(116) }
      let state = try await server.state()
      #expect(state.balance(46)?.remainingCoins == 19)
      #expect(state.attendance.count == 1)
    }
  }

  @Test func statusFaultAnswersAJSONErrorWithoutReachingTheBackend() async throws {
    try await withServer(.vAug) { server, wire in
      try await server.fault(.status(500), path: "/api/attendance", method: "POST", count: 2)
      #expect(try await wire.get("/api/auth/me").status == 200, "other paths are unaffected")
      for _ in 0..<2 {
        let reply = try await wire.checkIn(115)
        #expect(reply.status == 500)
        #expect(reply.json?["success"] == false)
        #expect(reply.error == "Internal Server Error")
      }
      #expect(try await wire.checkIn(115).status == 200)
      let state = try await server.state()
      #expect(state.attendance.count == 1)
      #expect(state.balance(45)?.remainingSessions == 6)
    }
  }

  /// On a fresh connection. (On a kept-alive one, libcurl resends the request headers-only on a
  /// new connection, which then waits for a body until the client times out: use `count: 2` or
  /// `down()` to make a kept-alive client fail promptly.)
  @Test func dropClosesTheConnectionWithoutAnAnswer() async throws {
    try await withServer(.vAug) { server, wire in
      try await server.fault(.drop, path: "/api/attendance")
      var fresh = Wire(server.baseURL)
      fresh.token = wire.token
      await #expect(throws: URLError.self) { try await fresh.checkIn(115) }
      let state = try await server.state()
      #expect(state.attendance.isEmpty, "a dropped request never reaches the backend")
      let dropped = try #require(state.requests(to: "/api/attendance").first)
      #expect(dropped.fault == "drop")
      #expect(dropped.status == nil)
      #expect(try await fresh.checkIn(115).status == 200)
    }
  }

  @Test func garbageAndWrongShapeAre200sThatAreNotTheEnvelope() async throws {
    try await withServer(.vAug) { server, wire in
      try await server.fault(.garbage)
      let garbage = try await wire.get("/api/customers/115")
      #expect(garbage.status == 200)
      #expect(garbage.json == nil)
      #expect(garbage.contentType?.hasPrefix("text/html") == true)

      try await server.fault(.wrongShape)
      let shape = try await wire.get("/api/customers/115")
      #expect(shape.status == 200)
      #expect(shape.json != nil)
      #expect(shape.json?["success"] == nil)
      #expect(shape.json?["data"] == nil)
    }
  }

  @Test(arguments: allModes)
  func rateLimitFaultRefusesTheNextLogins(mode: StandInServer.Mode) async throws {
    try await StandInServer.run(mode) { server in
      try await server.fault(.rateLimit, count: 2)
      var wire = Wire(server.baseURL)
      #expect(try await wire.get("/api/customers/115").status == 401, "only logins are limited")
      for _ in 0..<2 {
        let reply = try await wire.post(
          "/api/auth/login", ["username": "reception1", "password": "pass-1"])
        #expect(reply.status == 429)
        #expect(reply.json?["success"] == false)
      }
      try await wire.login()
    }
  }

  @Test func downClosesConnectionsUntilUp() async throws {
    try await withServer(.vAug) { server, wire in
      #expect(try await wire.checkIn(115).status == 200)
      try await server.down()
      // On the kept-alive connection too, the failure is prompt: libcurl's automatic resend
      // (headers only) is hung up on as well, rather than left waiting for a body.
      let reused = await failure { try await wire.checkIn(115) }
      #expect(reused != nil && reused != .timedOut, "\(String(describing: reused))")
      let fresh = await failure { try await Wire(server.baseURL).get("/api/auth/me") }
      #expect(fresh != nil && fresh != .timedOut, "\(String(describing: fresh))")
      #expect(try await server.state().down)
      try await server.up()
      #expect(try await wire.checkIn(115).status == 200)
      let state = try await server.state()
      #expect(state.attendance.count == 2)
      #expect(state.balance(45)?.remainingSessions == 5)
      #expect(state.requests.contains { $0.fault == "down" && $0.status == nil })
    }
  }

  @Test func restartOnTheSamePortKeepsDataAndTokens() async throws {
    try await withServer(.vFeb) { server, wire in
      #expect(try await wire.checkIn(115).status == 200)
      await server.stop()
      #expect(await server.isRunning == false)
      let refused = await failure { try await wire.get("/api/auth/me") }
      #expect(refused == .cannotConnectToHost, "\(String(describing: refused))")
      try await server.restart()
      #expect(await server.isRunning)
      #expect(try await wire.get("/api/auth/me").status == 200, "the token survives a restart")
      let missing = try await wire.post("/api/attendance", ["customer_id": 115])
      #expect(missing.error == "branch_id is required", "still v-feb")
      #expect(try await wire.checkIn(115).status == 200)
      let state = try await server.state()
      #expect(state.attendance.map(\.id) == [1, 2])
      #expect(state.balance(45)?.remainingSessions == 5)
    }
  }

  @Test func resetReseedsAndRevokesTokens() async throws {
    try await withServer(.vAug) { server, wire in
      #expect(try await wire.checkIn(115).status == 200)
      try await server.fault(.status(503), count: 5)
      try await server.reset()
      let state = try await server.state()
      #expect(state.attendance.isEmpty)
      #expect(state.requests.isEmpty)
      #expect(state.balance(45)?.remainingSessions == 7)
      let stale = try await wire.get("/api/auth/me")
      #expect(stale.status == 422)
      #expect(stale.message == "Signature verification failed")
      var again = wire
      try await again.login()
      #expect(try await again.get("/api/auth/me").status == 200, "faults are cleared too")
    }
  }

  @Test func resetCanSwitchTheMode() async throws {
    try await StandInServer.run(.vAug) { server in
      try await server.reset(mode: .vFeb)
      #expect(await server.mode == .vFeb)
      #expect(try await server.state().mode == "v-feb")
      var wire = Wire(server.baseURL)
      try await wire.login()
      let reply = try await wire.post("/api/attendance", ["customer_id": 115])
      #expect(reply.error == "branch_id is required")
    }
  }

  @Test func clearFaultsForgetsPendingFaults() async throws {
    try await withServer(.vAug) { server, wire in
      try await server.fault(.status(500), count: 3)
      try await server.clearFaults()
      #expect(try await wire.get("/api/auth/me").status == 200)
    }
  }
}

/// The URLError code `body` fails with; nil when it succeeds (or fails otherwise).
private func failure(_ body: () async throws -> Reply) async -> URLError.Code? {
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
private func waitForState(
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
