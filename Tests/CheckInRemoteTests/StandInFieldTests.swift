import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The stand-in behaves like the deployed servers where they differ from the specification
/// (API.md): each version's own plan choice, the plan read that expires it, the freeze settled
/// only at v-aug's door, no check of the member's own status, the search that fails on a
/// lower-case gender, one member's entries by `customer_id` — and the field's transport: every
/// connection closed, one request at a time, and a server that accepts and never answers.
@Suite struct StandInFieldTests {
  /// member → (plan charged in v-feb, plan charged in v-aug); nil: refused.
  static let charged: [(Int, Int?, Int?)] = [
    (127, 58, 59), (130, 61, 61), (131, 63, 64), (132, nil, 65), (133, 66, nil),
  ]

  @Test(arguments: StandInServer.Mode.deployed)
  func eachVersionPicksThePlanByItsOwnRule(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { server, wire in
      for (member, february, august) in Self.charged {
        let expected = mode == .vFeb ? february : august
        let before = try await server.state().attendance.count
        let reply = try await wire.checkIn(.number(Double(member)))
        let recorded = try await server.state().attendance.dropFirst(before)
        if let expected {
          #expect(reply.status == 200, "\(mode) \(member): \(reply.text)")
          #expect(recorded.map(\.subscriptionID) == [expected], "\(mode) \(member)")
        } else {
          #expect(reply.status == 403, "\(mode) \(member): \(reply.text)")
          #expect(reply.code == "NO_SUBSCRIPTION", "\(mode) \(member)")
          #expect(recorded.isEmpty, "\(mode) \(member)")
        }
      }
      // The answer names no plan; its type, end date and balance say which one it was.
      let answer = try await wire.checkIn(131)
      #expect(answer.payload?["subscription_type"] == "coins")
      #expect(
        answer.payload?["subscription_end_date"]
          == .string(utcDay(offset: mode == .vFeb ? 20 : 70)))
    }
  }

  @Test(arguments: StandInServer.Mode.deployed)
  func aFinishedFreezeIsSettledOnlyAtAugustsDoor(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { _, wire in
      let before = try await wire.get("/api/subscriptions/65")
      #expect(before.payload?["status"] == "frozen")
      #expect(before.payload?["freeze_end_date"] == .string(utcDay(offset: -2)))
      let door = try await wire.checkIn(132)
      let after = try await wire.get("/api/subscriptions/65")
      if mode == .vAug {
        #expect(door.status == 200, "\(door.text)")
        #expect(door.payload?["remaining_sessions"] == 7)
        #expect(after.payload?["status"] == "active")
      } else {
        #expect(door.code == "NO_SUBSCRIPTION")
        #expect(after.payload?["status"] == "frozen")
      }
    }
  }

  @Test(arguments: StandInServer.Mode.deployed)
  func readingAnEndedPlanExpiresItAndNothingElseDoes(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { _, wire in
      // Unread, the ended plan still lets the member in: the POST doesn't check end dates.
      #expect(try await wire.checkIn(120).status == 200)
      let list = try await wire.get("/api/subscriptions?customer_id=120")
      #expect(
        list.payload?["items"]?[0]?["status"]?.string?.lowercased().hasSuffix("active") == true)
      #expect(try await wire.get("/api/subscriptions/50").payload?["status"] == "expired")
      #expect(try await wire.get("/api/subscriptions/50").payload?["status"] == "expired")
      let refused = try await wire.checkIn(120)
      #expect(refused.code == "NO_SUBSCRIPTION")
    }
  }

  @Test(arguments: StandInServer.Mode.deployed)
  func neitherVersionChecksTheMembersOwnStatus(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { _, wire in
      let inactive = try await wire.checkIn(124)
      #expect(inactive.status == 200, "\(inactive.text)")
      #expect(inactive.payload?["customer_name"] == "Rania Said")
    }
  }

  @Test func oneMembersVisitsAreOneRequest() async throws {
    try await withServer(.vAug) { _, wire in
      for member in [116, 118, 116] { _ = try await wire.checkIn(.number(Double(member))) }
      let day = utcDay(offset: 0)
      let reply = try await wire.get(
        "/api/validation/entry-logs?branch_id=1&from_date=\(day)&customer_id=116&per_page=5")
      let entries = reply.payload?["entries"]?.array ?? []
      #expect(entries.count == 2)
      #expect(entries.allSatisfy { $0["customer_id"] == 116 })
    }
  }

  @Test func searchFailsForAnyQueryMatchingALowerCaseGender() async throws {
    try await withServer(.vAug) { _, wire in
      for query in ["Hoda", "GYM-129", "GYM-12"] {
        let reply = try await wire.get("/api/customers/search?q=\(query)")
        #expect(reply.status == 500, "\(query)")
      }
      #expect(try await wire.get("/api/customers/search?q=Adel").status == 200)
      #expect(try await wire.get("/api/customers/129").status == 200)
    }
  }

  @Test func fieldModeClosesEveryConnectionAndServesOneRequestAtATime() async throws {
    try await withServer(.vAug) { server, wire in
      try await server.field(delay: 0.05)
      var login = Wire(server.baseURL)
      try await login.login()
      let fresh = login
      let before = try await server.state().requests.count
      let replies = try await withThrowingTaskGroup(of: Reply.self) { group in
        for member in [115, 116, 117] {
          group.addTask { try await fresh.get("/api/customers/\(member)") }
        }
        return try await group.reduce(into: []) { $0.append($1) }
      }
      #expect(replies.allSatisfy { $0.status == 200 && $0.connection?.lowercased() == "close" })
      let requests = try await server.state().requests.dropFirst(before)
      #expect(Set(requests.map(\.connection)).count == 3, "one connection per request")
      // One at a time, however they happened to arrive: each one's turn (arrival plus its wait)
      // starts at least the 50 ms of work after the one before it.
      let turns = requests.compactMap { request in
        request.queuedMS.map { Self.secondOfDay(request.time) + $0 / 1000 }
      }.sorted()
      #expect(turns.count == 3)
      for (earlier, later) in zip(turns, turns.dropFirst()) {
        #expect(later - earlier >= 0.045, "\(turns)")
      }
      #expect(wire.token != nil)
    }
  }

  /// Seconds since midnight of the stand-in's naive time text (`2026-12-01T00:08:43.525550`).
  private static func secondOfDay(_ time: String) -> Double {
    let clock = time.split(separator: "T").last?.split(separator: ":").compactMap { Double($0) }
    guard let clock, clock.count == 3 else { return 0 }
    return clock[0] * 3600 + clock[1] * 60 + clock[2]
  }

  @Test func aHangingServerAcceptsAndNeverAnswersUntilLifted() async throws {
    try await withServer(.vAug) { server, wire in
      try await server.hang()
      var impatient = Wire(server.baseURL, session: Wire.freshSession(timeout: 1))
      impatient.token = wire.token
      await #expect(throws: URLError.self) { try await impatient.get("/api/customers/116") }
      let hung = try await server.state().requests.last
      #expect(hung?.fault == "hang" && hung?.status == nil)
      try await server.up()
      #expect(try await wire.get("/api/customers/116").status == 200)
    }
  }
}
