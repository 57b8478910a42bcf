import CheckInCore
import Foundation
import Testing

@testable import CheckInRemote

/// A server that accepts connections and never answers costs the desk one timeout, not one per
/// member: after it, cards come from the offline cache and check-ins go to the outbox at once,
/// while a probe asks the server in the background until it answers again.
@Suite struct RemoteOutageTests {
  /// A probe that asks often, so a test sees the server answer again soon after it does.
  private func options(lookup: Double) -> RemoteOptions {
    RemoteOptions(
      lookupTimeout: lookup, checkInTimeout: 10, otherTimeout: 10, probeInterval: 0.1,
      probeTimeout: 1)
  }

  @Test func aHangingServerCostsOneTimeoutThenTheDeskWorksOffline() async throws {
    let options = options(lookup: 1)
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server, options: options) { desk in
        try await desk.logIn()
        _ = try await desk.lookUp("GYM-116")
        _ = try await desk.lookUp("GYM-118")
        try await server.hang()

        // The first member waits for the lookup's timeout, then gets the offline card.
        let first = try await desk.lookUp("GYM-116")
        #expect(first.cachedAt != nil)
        #expect(desk.remote.outageReason != nil)
        let afterFirst = try await server.state().requests.count

        // Everyone after: no request waits on the server.
        let second = try await desk.lookUp("GYM-118")
        #expect(second.cachedAt != nil)
        let unknown = await outcome { () throws(BackendError) in try await desk.lookUp("GYM-121") }
        guard case .offline(let reason)? = unknown.failure else {
          Issue.record("\(unknown)")
          return
        }
        #expect(reason.contains("down"), "\(reason)")
        let receipt = try await desk.backend.checkIn(desk.request(first, plan: 46, .deduct))
        #expect(receipt.isQueued)
        let during = try await server.state().requests.dropFirst(afterFirst)
        #expect(
          during.allSatisfy { $0.path == "/api/auth/me" }, "only probes: \(describe(Array(during)))"
        )

        // The server answers again: the probe notices, and the outbox goes out.
        try await server.up()
        try await desk.waitUntilAnswering()
        #expect(desk.remote.status.reachable == true)
        let report = await desk.remote.sendQueued()
        #expect(report.sent == 1, "\(report)")
        let online = try await desk.lookUp("GYM-116")
        #expect(online.cachedAt == nil)
        #expect(online.subscriptions.first?.remaining == 19)
      }
    }
  }

  @Test func aRefusedConnectionIsAnOutageToo() async throws {
    let options = options(lookup: 5)
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server, options: options) { desk in
        try await desk.logIn()
        _ = try await desk.lookUp("GYM-116")
        await server.stop()
        let offline = try await desk.lookUp("GYM-116")
        #expect(offline.cachedAt != nil)
        #expect(desk.remote.outageReason != nil)
        #expect(desk.remote.status.reachable == false)
        try await server.restart()
        try await desk.waitUntilAnswering()
        #expect(try await desk.lookUp("GYM-116").cachedAt == nil)
      }
    }
  }

  /// A lookup that runs past its deadline on a server that did answer meanwhile: slow, not down.
  @Test func aSlowServerThatAnswersIsNotAnOutage() async throws {
    // Time enough for the member's record to answer on a busy machine, far below the search's.
    let options = options(lookup: 5)
    try await StandInServer.run(.vAug, transport: .keepAlive) { server in
      try await withDesk(server, cache: false, options: options) { desk in
        try await desk.logIn()
        // "118" is searched for after the member's record answers; the search is slow.
        try await server.fault(.slow(seconds: 30), path: "/api/customers/search")
        let slow = await outcome { () throws(BackendError) in try await desk.lookUp("118") }
        #expect(slow.failure == .timedOut, "\(slow)")
        #expect(desk.remote.outageReason == nil)
      }
    }
  }

  /// What the server's plan list told one run (February's first-active rule) the next run knows
  /// before it lists anything again.
  @Test func theServersPlanRuleIsRemembered() async throws {
    try await StandInServer.run(.vFeb) { server in
      try await withDesk(server) { desk in
        try await desk.logIn()
        _ = try await desk.lookUp("GYM-131")
        #expect(desk.remote.planRule.withLock { $0 } == .firstActive)
        let again = RemoteBackend(
          server: desk.remote.server, sessionFile: SessionFile(path: desk.sessionPath),
          cache: try RemoteCache(
            path: try #require(desk.cachePath), server: desk.remote.server.key))
        #expect(again.planRule.withLock { $0 } == .firstActive)
      }
    }
  }
}
