import CheckInCore
import Foundation
import Testing

@testable import CheckInRemote

/// Finding members by every code format of API.md, and the card built from the server's full
/// subscription records.
@Suite struct RemoteLookupTests {
  /// The cards the seed's members must show in `mode` (dates relative to the server's today):
  /// the same facts, and the rule that server version picks plans by.
  static func expectedCards(_ mode: StandInServer.Mode) -> [Int64: MemberCard] {
    let rule: ServerPlanRule = mode == .vFeb ? .firstActive : .entryLatestEnd
    return seedCards().mapValues { card in
      var card = card
      card.planChoice = .server(rule)
      return card
    }
  }

  private static func seedCards() -> [Int64: MemberCard] {
    let main = (id: Int64(1), name: "Main")
    func member(
      _ id: Int64, _ name: String, _ phone: String, _ code: String?, born: String,
      notes: String? = nil
    ) -> Member {
      Member(
        id: id, fullName: name, phone: phone, qrCode: code, branchID: main.id,
        branchName: main.name, isActive: true, dateOfBirth: CalendarDay(iso: born), notes: notes)
    }
    return [
      115: MemberCard(
        member: member(
          115, "Adel Saad", "01012345115", "GYM-115-9F3A0C1B", born: "1990-04-12",
          notes: "Asthma: inhaler kept at the desk"),
        subscriptions: [
          Subscription(
            id: 45, kind: .sessions, total: 12, remaining: 7, startDate: serverDay(-20),
            endDate: serverDay(40), serviceName: "12 Sessions")
        ]),
      116: MemberCard(
        member: member(116, "Nour Hassan", "01098765116", "GYM-116", born: "1995-05-05"),
        subscriptions: [
          Subscription(
            id: 46, kind: .coins, total: 30, remaining: 20, startDate: serverDay(-10),
            endDate: serverDay(80), serviceName: "30 Coins")
        ]),
      117: MemberCard(
        member: member(117, "Omar Khaled", "01111222117", nil, born: "1988-03-03"),
        subscriptions: [
          Subscription(
            id: 47, kind: .time, startDate: serverDay(-21), endDate: serverDay(9),
            serviceName: "Monthly")
        ]),
      118: MemberCard(
        member: member(118, "Salma Youssef", "01222333118", "GYM-118", born: "1999-09-19"),
        subscriptions: [
          Subscription(
            id: 48, kind: .sessions, total: 8, remaining: 4, startDate: serverDay(-14),
            endDate: serverDay(16), serviceName: "8 Training Sessions")
        ]),
      119: MemberCard(
        member: member(119, "Youssef Ali", "01555444119", "GYM-119", born: "1985-11-30"),
        subscriptions: [
          Subscription(
            id: 49, kind: .sessions, status: .frozen, total: 12, remaining: 10,
            startDate: serverDay(-30), endDate: serverDay(45), serviceName: "12 Sessions",
            freezeReason: "Travelling for work")
        ]),
      120: MemberCard(
        member: member(120, "Mariam Adel", "01033344120", "GYM-120", born: "1993-07-07"),
        subscriptions: [
          // Its status said "active"; the station's own read of the plan expired it.
          Subscription(
            id: 50, kind: .time, status: .expired, startDate: serverDay(-35),
            endDate: serverDay(-5), serviceName: "Monthly"),
          Subscription(
            id: 51, kind: .coins, status: .expired, total: 20, remaining: 3,
            startDate: serverDay(-120), endDate: serverDay(-60), serviceName: "20 Coins"),
        ]),
      125: MemberCard(
        member: member(125, "Khaled Ibrahim", "01099900125", "CUST-125", born: "1983-06-16"),
        subscriptions: [
          Subscription(
            id: 56, kind: .time, startDate: serverDay(-30), endDate: serverDay(60),
            serviceName: "Quarterly")
        ]),
      127: MemberCard(
        member: member(127, "Sherif Mounir", "01111122127", "GYM-127", born: "1991-10-10"),
        subscriptions: [
          Subscription(
            id: 58, kind: .time, startDate: serverDay(-10), endDate: serverDay(20),
            serviceName: "Monthly"),
          Subscription(
            id: 59, kind: .sessions, total: 10, remaining: 6, startDate: serverDay(-10),
            endDate: serverDay(50), serviceName: "10 Sessions"),
        ]),
    ]
  }

  @Test func everyCodeFormFindsItsMemberWithTheFullCard() async throws {
    let codes: [(String, Int64)] = [
      ("GYM-116", 116), ("116", 116), ("customer_id:117", 117), ("CUST-125", 125),
      ("cust-125", 125), ("125", 125), ("GYM-115-9F3A0C1B", 115), ("gym-115-9f3a0c1b", 115),
      ("GYM-118", 118), ("GYM-119", 119), ("GYM-120", 120), ("GYM-127", 127),
      ("١١٦", 116),
    ]
    try await eachMode { server, mode in
      let expected = Self.expectedCards(mode)
      try await withDesk(server, cache: false) { desk in
        try await desk.logIn()
        for (code, id) in codes {
          let before = try await server.state().requests.count
          let found = await outcome { () throws(BackendError) in try await desk.lookUp(code) }
          guard let card = found.value else {
            Issue.record("\(mode) \(code): \(String(describing: found.failure))")
            continue
          }
          #expect(card == expected[id], "\(mode) \(code)")
          #expect(card.cachedAt == nil, "\(mode) \(code)")
          let sent = try await server.state().requests(after: before)
          #expect(sent.allSatisfy { $0.status == 200 }, "\(mode) \(code): \(describe(sent))")
          // The list's items are never trusted: every plan's full record is fetched.
          let details = Set(
            sent.filter { $0.path.hasPrefix("/api/subscriptions/") }.map(\.path))
          let plans = Set(expected[id]?.subscriptions.map { "/api/subscriptions/\($0.id)" } ?? [])
          #expect(details == plans, "\(mode) \(code)")
          if code == "GYM-116" || code == "GYM-115-9F3A0C1B" {
            print("[\(mode)] lookup \(code): \(describe(sent))")
          }
        }
        // A member picked from a search list: by number, no code involved.
        let picked = try await desk.backend.lookUp(.member(115), Desk.policy)
        #expect(picked == expected[115], "\(mode)")
      }
    }
  }

  /// GYM-115-9F3A0C1B retired GYM-115: neither it nor the bare number nor the default
  /// `customer_id:` form lets Adel in, online or from the cache.
  @Test func retiredCodesAreRefusedNotResolvedByTheirDigits() async throws {
    try await eachMode { server, mode in
      try await withDesk(server) { desk in
        try await desk.logIn()
        for code in ["GYM-115", "115", "customer_id:115", "CUST-115", "gym-115"] {
          let found = await outcome { () throws(BackendError) in try await desk.lookUp(code) }
          switch found {
          case .success(let card):
            Issue.record("\(mode) \(code) let member \(card.member.id) in")
          case .failure(.refused(let refusal)):
            #expect(refusal.code == "NOT_FOUND", "\(mode) \(code): \(refusal)")
            #expect(
              refusal == .retiredCode(code: code) || refusal == .notFound(code: code),
              "\(mode) \(code): \(refusal)")
          case .failure(let error):
            Issue.record("\(mode) \(code): \(error)")
          }
        }
        let state = try await server.state()
        #expect(state.requests(to: "/api/attendance", method: "POST").isEmpty, "\(mode)")
      }
    }
  }

  @Test func unknownCodesAreNotFound() async throws {
    try await eachMode { server, mode in
      try await withDesk(server, cache: false) { desk in
        try await desk.logIn()
        for code in ["GYM-999", "999", "customer_id:999", "NOPE-42-XYZ", "GYM-116-00000000"] {
          let found = await outcome { () throws(BackendError) in try await desk.lookUp(code) }
          #expect(found.failure == .refused(.notFound(code: code)), "\(mode) \(code)")
        }
      }
    }
  }

  /// Without the id fallback only stored codes match exactly; bare numbers and `customer_id:`
  /// forms find nobody.
  @Test func withoutIDFallbackOnlyStoredCodesMatch() async throws {
    var policy = Desk.policy
    policy.allowIDFallback = false
    try await eachMode { server, mode in
      let expected = Self.expectedCards(mode)
      try await withDesk(server, cache: false) { desk in
        try await desk.logIn()
        for (code, id) in [("GYM-116", Int64(116)), ("CUST-125", 125), ("GYM-115-9F3A0C1B", 115)] {
          let card = try await desk.lookUp(code, policy: policy)
          #expect(card == expected[id], "\(mode) \(code)")
        }
        for code in ["116", "customer_id:117", "117", "GYM-115", "customer_id:115"] {
          let found = await outcome { () throws(BackendError) in
            try await desk.lookUp(code, policy: policy)
          }
          #expect(found.failure == .refused(.notFound(code: code)), "\(mode) \(code)")
        }
        // Nobody was fetched by number.
        let state = try await server.state()
        let byNumber = state.requests.filter {
          ["/api/customers/116", "/api/customers/117", "/api/customers/115"].contains($0.path)
        }
        #expect(byNumber.isEmpty, "\(mode): \(describe(byNumber))")
      }
    }
  }

  /// Ahmed (123) belongs to branch 2. v-aug and seed-spec hide him ("Access denied"): the
  /// station says "another branch", not "unknown code". v-feb shows him, and the station's own
  /// rules refuse him as OTHER_BRANCH. Either way nothing is recorded.
  @Test func anotherBranchsMemberIsRefusedAsSuch() async throws {
    try await eachMode { server, mode in
      try await withDesk(server, cache: false) { desk in
        try await desk.logIn()
        for code in ["GYM-123", "123", "customer_id:123"] {
          let found = await outcome { () throws(BackendError) in try await desk.lookUp(code) }
          switch mode {
          case .vFeb:
            let card = try #require(found.value, "\(mode) \(code): \(String(describing: found))")
            #expect(card.member.id == 123 && card.member.branchID == 2, "\(mode) \(code)")
            #expect(card.member.branchName == "Downtown", "\(mode) \(code)")
            let verdict = Eligibility.evaluate(
              card, policy: Desk.policy, now: Date(), timeZone: .gmt)
            #expect(
              verdict == .failure(.otherBranch(branchID: 2, branchName: "Downtown")),
              "\(mode) \(code)")
          case .vAug, .seedSpec:
            #expect(found.failure == .refused(.notThisBranch), "\(mode) \(code)")
          }
        }
        // Through the station: a refusal banner coded OTHER_BRANCH, and no check-in sent.
        var station = desk.station()
        await station.send(.scanned("GYM-123"))
        guard case .result(let banner) = station.state.phase,
          case .refused(let refusal, _) = banner.outcome
        else {
          Issue.record("\(mode): \(station.state.phase)")
          return
        }
        #expect(refusal.code == "OTHER_BRANCH", "\(mode): \(refusal)")
        let state = try await server.state()
        #expect(state.requests(to: "/api/attendance", method: "POST").isEmpty, "\(mode)")
        #expect(state.attendance.isEmpty, "\(mode)")
      }
    }
  }
}
