import CheckInCore
import Foundation
import Testing

@testable import CheckInRemote

/// When the server can't be reached, members seen recently are shown from the station's cache,
/// marked as such; nobody else is.
@Suite struct RemoteOfflineLookupTests {
  @Test func aCardSeenBeforeIsShownFromTheCache() async throws {
    let clock = TestClock()
    let options = RemoteOptions(
      lookupTimeout: 30, checkInTimeout: 30, otherTimeout: 30, cacheMaxAge: 3 * 86_400)
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server, options: options, clock: clock) { desk in
        try await desk.logIn()
        var online: [String: MemberCard] = [:]
        for code in ["GYM-116", "GYM-115-9F3A0C1B", "customer_id:117"] {
          let card = try await desk.lookUp(code)
          #expect(card.cachedAt == nil, "\(code)")
          online[code] = card
        }

        await server.stop()
        let fetchedBefore = clock.now
        for (code, card) in online {
          let cached = try await desk.lookUp(code)
          let at = try #require(cached.cachedAt, "\(code)")
          #expect(at <= fetchedBefore, "\(code)")
          var same = cached
          same.cachedAt = nil
          #expect(same == card, "\(code)")
        }
        #expect(desk.remote.status.reachable == false)

        // The other forms of a cached member's code work as online, by the same rules.
        #expect(try await desk.lookUp("116").member.id == 116)
        #expect(try await desk.lookUp("gym-116").member.id == 116)
        #expect(try await desk.lookUp("gym-115-9f3a0c1b").member.id == 115)
        #expect(try await desk.backend.lookUp(.member(117), Desk.policy).cachedAt != nil)
        // A retired code stays refused offline: Adel's cached card is not reached by digits.
        for code in ["GYM-115", "115", "customer_id:115"] {
          let result = await outcome { () throws(BackendError) in try await desk.lookUp(code) }
          #expect(result.value == nil, "\(code) found \(String(describing: result.value))")
        }
        // Never seen: the server is out of reach, and that is what the desk is told.
        for code in ["GYM-118", "GYM-999", "ZZ-1-ABCDEF"] {
          let result = await outcome { () throws(BackendError) in try await desk.lookUp(code) }
          guard case .offline? = result.failure else {
            Issue.record("\(code): \(result)")
            continue
          }
        }

        // Too old: after the configured age the cached card is not used.
        clock.advance(by: 4 * 86_400)
        let stale = await outcome { () throws(BackendError) in try await desk.lookUp("GYM-116") }
        guard case .offline? = stale.failure else {
          Issue.record("a card older than the cache age was used: \(stale)")
          return
        }
      }
    }
  }

  /// Without a cache there is nothing to fall back on: offline, plainly.
  @Test func withoutACacheAnUnreachableServerIsOffline() async throws {
    try await StandInServer.run(.vFeb) { server in
      try await withDesk(server, cache: false) { desk in
        try await desk.logIn()
        _ = try await desk.lookUp("GYM-116")
        await server.stop()
        let result = await outcome { () throws(BackendError) in try await desk.lookUp("GYM-116") }
        guard case .offline? = result.failure else {
          Issue.record("\(result)")
          return
        }
        // A check-in can't be queued without the outbox: it says so and records nothing.
        let request = CheckInRequest(
          memberID: 116, code: "GYM-116", subscriptionID: 46, action: .deduct,
          policy: Desk.policy, station: "desk-1", requestedAt: Date())
        let checkIn = await outcome { () throws(BackendError) in
          try await desk.backend.checkIn(request)
        }
        guard case .offline? = checkIn.failure else {
          Issue.record("\(checkIn)")
          return
        }
      }
    }
  }
}
