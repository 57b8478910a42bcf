import CheckInCore
import Foundation
import Testing

@testable import CheckInRemote

/// What a scan costs the server: the deployed servers close every connection and serve one
/// request at a time (API.md), so every request is paid in full. A member seen before costs
/// three requests in one round — no more than the chain's own app — and what the station
/// remembers is checked against them, not trusted.
@Suite struct RemoteRequestCountTests {
  private func sent(_ server: StandInServer, during body: () async throws -> Void) async throws
    -> [StandInServer.State.Request]
  {
    let before = try await server.state().requests.count
    try await body()
    return try await server.state().requests(after: before)
  }

  /// code → member, plan: an id form whose stored code is the one scanned, a code with a suffix
  /// only search can resolve, a bare number, a member without a stored code.
  static let members: [(String, Int64, Int64)] = [
    ("GYM-116", 116, 46), ("GYM-115-9F3A0C1B", 115, 45), ("118", 118, 48),
    ("customer_id:117", 117, 47),
  ]

  @Test func aMemberSeenBeforeCostsThreeRequestsAndNoSearch() async throws {
    try await eachMode(StandInServer.Mode.deployed) { server, mode in
      try await withDesk(server) { desk in
        try await desk.logIn()
        for (code, member, plan) in Self.members {
          let label = "\(mode) \(code)"
          let first = try await sent(server) { _ = try await desk.lookUp(code) }
          // The visits today are one request by member, however busy the branch's day.
          let logs = first.filter { $0.path == "/api/validation/entry-logs" }
          #expect(logs.count == 1, "\(label): \(describe(first))")
          #expect(logs.first?.query["customer_id"] == String(member), "\(label)")
          #expect(logs.first?.query["branch_id"] == nil, "\(label)")
          // Only a code the number can't vouch for is searched for.
          let searched = first.contains { $0.path == "/api/customers/search" }
          #expect(searched == (code == "GYM-115-9F3A0C1B" || code == "118"), "\(label)")
          #expect(first.count <= 5, "\(label): \(describe(first))")

          let again = try await sent(server) {
            let card = try await desk.lookUp(code)
            #expect(card.member.id == member && card.subscriptions.map(\.id) == [plan], "\(label)")
          }
          #expect(
            Set(again.map(\.path))
              == [
                "/api/customers/\(member)", "/api/subscriptions/\(plan)",
                "/api/validation/entry-logs",
              ], "\(label): \(describe(again))")
          #expect(again.count == 3, "\(label): \(describe(again))")
          #expect(again.allSatisfy { $0.status == 200 }, "\(label)")
        }
      }
    }
  }

  /// What is remembered is checked: a code regenerated since is refused at once, and the plan's
  /// balance is the server's of now, not the one remembered.
  @Test func aRememberedCardIsCheckedNotTrusted() async throws {
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server) { desk in
        try await desk.logIn()
        let card = try await desk.lookUp("GYM-116")
        _ = try await desk.backend.checkIn(desk.request(card, plan: 46, .deduct))
        let after = try await desk.lookUp("GYM-116")
        #expect(after.subscriptions.first?.remaining == 19)
        #expect(after.lastVisit != nil)

        try await server.recode(116, to: "GYM-116-7C1D2E3F")
        let retired = await outcome { () throws(BackendError) in try await desk.lookUp("GYM-116") }
        #expect(retired.failure == .refused(.retiredCode(code: "GYM-116")), "\(retired)")
        let renewed = try await desk.lookUp("GYM-116-7C1D2E3F")
        #expect(renewed.member.id == 116)
      }
    }
  }

  /// A plan bought since the last scan that the remembered card can't show: the server's answer
  /// to the check-in names a plan the card doesn't have, so the card is dropped and the next
  /// scan looks everything up again.
  @Test func aCardTheServersAnswerBeliesIsLookedUpAfresh() async throws {
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server) { desk in
        try await desk.logIn()
        let full = try await desk.lookUp("GYM-127")
        #expect(full.subscriptions.map(\.id) == [58, 59])
        // As if the sessions plan had been bought after the station last saw Sherif.
        var older = full
        older.subscriptions.removeAll { $0.id == 59 }
        let cache = try RemoteCache(
          path: try #require(desk.cachePath), server: desk.remote.server.key)
        try cache.remember(older, at: Date())

        let remembered = try await desk.lookUp("GYM-127")
        #expect(remembered.subscriptions.map(\.id) == [58])
        let receipt = try await desk.backend.checkIn(
          desk.request(remembered, plan: 58, .checkInOnly))
        #expect(receipt.kind == .sessions && receipt.deducted == 1)
        #expect(receipt.discrepancy?.contains("sessions plan") == true, "\(receipt)")

        let relearned = try await sent(server) {
          let card = try await desk.lookUp("GYM-127")
          #expect(card.subscriptions.map(\.id) == [58, 59])
        }
        #expect(relearned.contains { $0.path == "/api/subscriptions" }, "\(describe(relearned))")
      }
    }
  }
}
