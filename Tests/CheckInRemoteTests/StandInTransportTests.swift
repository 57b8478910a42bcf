import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite struct StandInTransportTests {
  @Test func connectionsAreKeptAlive() async throws {
    try await withServer(.vAug, transport: .keepAlive) { server, wire in
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
      let reused = await transportFailure { try await wire.checkIn(115) }
      #expect(reused != nil && reused != .timedOut, "\(String(describing: reused))")
      let fresh = await transportFailure { try await Wire(server.baseURL).get("/api/auth/me") }
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
      let refused = await transportFailure { try await wire.get("/api/auth/me") }
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

  /// A fault for one page of a listing: the pages before it are answered.
  @Test func aFaultCanWaitForAQueryParameter() async throws {
    try await withServer(.vAug) { server, wire in
      try await server.fault(
        .status(500), path: "/api/validation/entry-logs", query: ["page": "2"])
      let listing = "/api/validation/entry-logs?branch_id=1&per_page=1&page="
      #expect(try await wire.get(listing + "1").status == 200)
      #expect(try await wire.get(listing + "2").status == 500)
      #expect(try await wire.get(listing + "2").status == 200, "used up")
      let bad = try await wire.post(
        "/__control__/fault", ["kind": "status", "query": ["page": 2]])
      #expect(bad.status == 400, "query values are texts")
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
