import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

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
    for mode in deployedModes {
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
    for mode in deployedModes {
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
