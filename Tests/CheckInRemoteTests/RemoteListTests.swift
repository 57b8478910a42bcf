import CheckInCore
import Foundation
import Testing

@testable import CheckInRemote

/// Search as you type and today's list, from the server.
@Suite struct RemoteListTests {
  @Test func searchFindsActiveMembersOfThisBranch() async throws {
    try await eachMode { server, mode in
      try await withDesk(server, cache: false) { desk in
        try await desk.logIn()
        let nour = try await desk.backend.search("nour", 20)
        #expect(
          nour.hits == [
            MemberSummary(
              id: 116, fullName: "Nour Hassan", phone: "01098765116", qrCode: "GYM-116",
              branchID: 1, isActive: true, branchName: "Main", hasActivePlan: true)
          ], "\(mode)")
        #expect(!nour.hasMore, "\(mode)")

        // A member without a stored code shows none (not the server's `customer_id:` form).
        let omar = try await desk.backend.search("Omar", 20)
        #expect(omar.hits.map(\.id) == [117] && omar.hits.first?.qrCode == nil, "\(mode)")

        // Substrings of codes; the inactive member (124) and branch 2's (123) are not listed.
        let codes = try await desk.backend.search("GYM-11", 20)
        #expect(Set(codes.hits.map(\.id)) == [115, 116, 118, 119], "\(mode)")
        #expect(try await desk.backend.search("Rania", 20).hits.isEmpty, "\(mode)")
        #expect(try await desk.backend.search("Ahmed", 20).hits.isEmpty, "\(mode)")
        let arabic = try await desk.backend.search("ليلى", 20)
        #expect(arabic.hits.map(\.id) == [126], "\(mode)")

        // Cut at the limit, and said so.
        let page = try await desk.backend.search("GYM-11", 3)
        #expect(page.hits.count == 3 && page.hasMore, "\(mode)")
        // A search the server fails (any query matching a member stored with a lower-case
        // gender) says so in one line.
        let failed = await outcome { () throws(BackendError) in
          try await desk.backend.search("Hoda", 20)
        }
        #expect(failed.failure?.message.contains("500") == true, "\(mode): \(failed)")
        #expect(try await desk.backend.search("zzzz", 20).hits.isEmpty, "\(mode)")

        // Nothing typed: nothing asked.
        let before = try await server.state().requests.count
        #expect(try await desk.backend.search("  ", 20).hits.isEmpty, "\(mode)")
        #expect(try await server.state().requests.count == before, "\(mode)")
      }
    }
  }

  /// A phone number in any form reaches the server as its national digits, which every stored
  /// form of it contains: Nour's `01098765116` is found from `+20 109…` and `20109…` too.
  @Test func aPhoneInAnyFormIsSentAsItsNationalDigits() async throws {
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server, cache: false) { desk in
        try await desk.logIn()
        let forms = [
          ("+201098765116", "1098765116"), ("+20 109 876", "109876"),
          ("201098765116", "1098765116"), ("0109 876 5116", "1098765116"),
          ("0020109876", "109876"),
        ]
        for (text, national) in forms {
          let before = try await server.state().requests.count
          let page = try await desk.backend.search(text, 20)
          let sent = try await server.state().requests(after: before)
          #expect(sent.map { $0.query["q"] } == [national], "\(text): \(describe(sent))")
          #expect(page.hits.map(\.id) == [116], "\(text)")
        }
      }
    }
  }

  /// What is typed reaches the server as typed: a `+` is not read as a space, nor `&` or `=` as
  /// the query's own.
  @Test func searchSendsPlusSignsAndSeparatorsAsTyped() async throws {
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server, cache: false) { desk in
        try await desk.logIn()
        for text in ["GYM-11+", "a&limit=1", "ليلى +1"] {
          let before = try await server.state().requests.count
          let page = try await desk.backend.search(text, 20)
          let sent = try await server.state().requests(after: before)
          #expect(sent.map { $0.query["q"] } == [text], "\(text): \(describe(sent))")
          #expect(sent.first?.query["limit"] == "20", "\(text)")
          // Read as "GYM-11 ", it would have found members 115 to 119.
          #expect(page.hits.isEmpty, "\(text): \(page.hits.map(\.id))")
        }
        // Letters outside ASCII still arrive intact.
        #expect(try await desk.backend.search("ليلى", 20).hits.map(\.id) == [126])
      }
    }
  }

  @Test func todaysListComesFromTheEntryLog() async throws {
    try await eachMode { server, mode in
      try await withDesk(server) { desk in
        try await desk.logIn()
        let nour = try await desk.lookUp("GYM-116")
        _ = try await desk.backend.checkIn(desk.request(nour, plan: 46, .deduct))
        let omar = try await desk.lookUp("customer_id:117")
        _ = try await desk.backend.checkIn(desk.request(omar, plan: 47, .checkInOnly))
        // A refusal is logged as "denied" on the deployed servers: not a visit. (The seed's
        // server refuses nobody: it would record it.)
        if mode != .seedSpec {
          let youssef = CheckInRequest(
            memberID: 119, code: "GYM-119", subscriptionID: 49, action: .deduct,
            policy: Desk.policy, station: "desk-1", requestedAt: Date())
          let refused = await outcome { () throws(BackendError) in
            try await desk.backend.checkIn(youssef)
          }
          let february = mode == .vFeb
          #expect(
            refused.failure
              == .refused(february ? .noSubscription : .frozen(reason: "Travelling for work")),
            "\(mode)")
        }

        let before = try await server.state().requests.count
        let entries = try await desk.backend.attendance(
          .day(of: Date(), branchID: 1, timeZone: .gmt))
        let state = try await server.state()
        let sent = state.requests(after: before)
        print("[\(mode)] today's list: \(describe(sent))")
        #expect(sent.allSatisfy { $0.path == "/api/validation/entry-logs" }, "\(mode)")
        #expect(sent.first?.query["branch_id"] == "1", "\(mode)")
        #expect(sent.first?.query["from_date"] == serverDay().description, "\(mode)")

        // Newest first, the server's ids and names.
        #expect(entries.map(\.memberID) == [117, 116], "\(mode)")
        #expect(entries.map(\.memberName) == ["Omar Khaled", "Nour Hassan"], "\(mode)")
        #expect(entries.map(\.id) == state.attendance.reversed().map { Int64($0.id) }, "\(mode)")
        #expect(entries.allSatisfy { $0.branchID == 1 }, "\(mode)")
        // The entry log reports coins only: Nour's coin on the deployed servers.
        let coin = mode == .seedSpec ? 0 : 1
        #expect(entries.last?.deducted == coin, "\(mode)")
        #expect(entries.last?.action == (coin > 0 ? .deduct : .checkInOnly), "\(mode)")
        #expect(entries.first?.deducted == 0, "\(mode)")
      }
    }
  }

  /// A station at UTC+3 at 01:30 on its day D: the server's clock reads 22:30 on D-1, and it
  /// compares the entry log's `from_date` with that. Asked from D, it would leave out every visit
  /// of the station's first three hours — from today's list and from the double-scan guard.
  @Test func aStationEastOfUTCSeesTheFirstHoursOfItsDay() async throws {
    let east = try #require(TimeZone(secondsFromGMT: 3 * 3600))
    // Today's UTC midnight: 03:00 local, so D (local) is today's UTC date.
    let midnight = serverDay().start(in: .gmt)
    let early = midnight.addingTimeInterval(-90 * 60)  // 01:30 local on D
    let lastNight = midnight.addingTimeInterval(-4 * 3600)  // 23:00 local on D-1
    let clock = TestClock()
    clock.advance(by: early.addingTimeInterval(300).timeIntervalSince(Date()))
    // The seed's server records a check-in at the time the station gives, so the visits can be
    // put at these hours whatever the time of the test.
    try await StandInServer.run(.seedSpec) { server in
      try await withDesk(server, cache: false, clock: clock, timeZone: east) { desk in
        try await desk.logIn()
        for (member, time) in [(Int64(116), lastNight), (117, early)] {
          let request = CheckInRequest(
            memberID: member, code: nil, subscriptionID: nil, action: .checkInOnly,
            policy: Desk.policy, station: "desk-1", requestedAt: time)
          _ = try await desk.backend.checkIn(request)
        }
        let before = try await server.state().requests.count
        let today = try await desk.backend.attendance(.day(of: early, branchID: 1, timeZone: east))
        #expect(today.map(\.memberID) == [117], "\(today)")
        let sent = try await server.state().requests(after: before)
        #expect(sent.first?.query["from_date"] == serverDay(-1).description, "\(describe(sent))")

        // At 01:35 local the guard knows of Omar's visit five minutes ago.
        let card = try await desk.lookUp("customer_id:117")
        let last = try #require(card.lastVisit, "the visit at 01:30 local is missing")
        #expect(abs(last.timeIntervalSince(early)) < 1, "\(last) vs \(early)")
        #expect(try await desk.lookUp("GYM-116").lastVisit == nil)
      }
    }
  }
}
