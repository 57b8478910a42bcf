import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

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

  @Test(arguments: deployedModes)
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
