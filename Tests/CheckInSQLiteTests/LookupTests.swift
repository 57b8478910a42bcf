import CheckInCore
import CheckInSQLite
import Foundation
import Testing

/// `lookUp(_:policy:)`: exact stored codes first, the id fallback only where it is safe.
@Suite struct LookupTests {
  private func scanned(_ text: String) throws -> ScanPayload {
    try ScanParser.parse(text).get()
  }

  @Test(arguments: ["GYM-115-9F3A0C1B", "gym-115-9f3a0c1b", "Gym-115-9F3a0C1b"])
  func aStoredCodeIsFoundWhateverItsCase(code: String) throws {
    try withFixture { fixture in
      let card = try fixture.store.lookUp(try scanned(code), policy: Gym.policy)
      #expect(card.member.id == 115)
      #expect(card.member.qrCode == "GYM-115-9F3A0C1B")
    }
  }

  @Test(arguments: ["customer_id:201", "GYM-201", "gym-201", "CUST-201", "201"])
  func idFormsFindAMemberWithoutAStoredCode(code: String) throws {
    try withFixture { fixture in
      let card = try fixture.store.lookUp(try scanned(code), policy: Gym.policy)
      #expect(card.member.id == 201)
    }
  }

  @Test(arguments: ["customer_id:202", "CUST-202", "202", "gym-202"])
  func idFormsFindAMemberWhoseOwnCodeIsIDShaped(code: String) throws {
    try withFixture { fixture in
      let card = try fixture.store.lookUp(try scanned(code), policy: Gym.policy)
      #expect(card.member.id == 202)
    }
  }

  @Test func anExactStoredCodeWinsOverTheIDItLooksLike() throws {
    try withFixture { fixture in
      // Member 204's card reads CUST-501; member 501 has no stored code.
      let exact = try fixture.store.lookUp(try scanned("CUST-501"), policy: Gym.policy)
      #expect(exact.member.id == 204)
      let fallback = try fixture.store.lookUp(try scanned("GYM-501"), policy: Gym.policy)
      #expect(fallback.member.id == 501)
    }
  }

  @Test(arguments: ["GYM-115", "115", "customer_id:115", "CUST-115"])
  func aRegeneratedCodeRetiresTheIDForms(code: String) throws {
    try withFixture { fixture in
      let payload = try scanned(code)
      #expect(throws: BackendError.refused(.retiredCode(code: code))) {
        try fixture.store.lookUp(payload, policy: Gym.policy)
      }
    }
  }

  @Test func aCodeOfAnotherShapeAlsoRetiresTheIDForms() throws {
    try withFixture { fixture in
      #expect(throws: BackendError.refused(.retiredCode(code: "GYM-203"))) {
        try fixture.store.lookUp(try scanned("GYM-203"), policy: Gym.policy)
      }
      let card = try fixture.store.lookUp(try scanned("card-7781"), policy: Gym.policy)
      #expect(card.member.id == 203)
    }
  }

  @Test func aGymCanTurnTheIDFallbackOff() throws {
    try withFixture { fixture throws in
      var policy = Gym.policy
      policy.allowIDFallback = false
      for code in ["GYM-201", "201", "customer_id:202", "GYM-115"] {
        #expect(throws: BackendError.refused(.notFound(code: code))) {
          try fixture.store.lookUp(try scanned(code), policy: policy)
        }
      }
      // Stored codes still match exactly.
      #expect(try fixture.store.lookUp(try scanned("gym-202"), policy: policy).member.id == 202)
    }
  }

  @Test(arguments: ["NOPE-1", "GYM-115-00000000", "GYM-99999", "customer_id:99999", "99999"])
  func unknownCodesAreNotFound(code: String) throws {
    try withFixture { fixture in
      #expect(throws: BackendError.refused(.notFound(code: code))) {
        try fixture.store.lookUp(try scanned(code), policy: Gym.policy)
      }
    }
  }

  @Test func aMemberPickedFromSearchIsFoundByID() throws {
    try withFixture { fixture in
      let card = try fixture.store.lookUp(.member(115), policy: Gym.policy)
      #expect(card.member.fullName == "Omar Haddad")
      #expect(card.member.branchName == "Downtown")
      #expect(card.member.notes == "knee injury")
      #expect(throws: BackendError.refused(.notFound(code: "#99999"))) {
        try fixture.store.lookUp(.member(99_999), policy: Gym.policy)
      }
    }
  }

  @Test func theCardHoldsThePlansAsStored() throws {
    try withFixture { fixture in
      let mariam = try fixture.store.lookUp(.member(504), policy: Gym.policy)
      #expect(
        mariam.subscriptions == [
          Subscription(
            id: 5041, kind: .sessions, total: 10, remaining: 1, endDate: Gym.day(2026, 6, 30)),
          Subscription(
            id: 5042, kind: .sessions, total: 10, remaining: 5, endDate: Gym.day(2026, 12, 31)),
        ])
      let khaled = try fixture.store.lookUp(.member(404), policy: Gym.policy)
      #expect(khaled.subscriptions.map(\.status) == [.frozen])
      #expect(khaled.subscriptions.map(\.freezeReason) == ["injury"])
      let youssef = try fixture.store.lookUp(.member(302), policy: Gym.policy)
      #expect(youssef.subscriptions.map(\.kind) == [.time])
      #expect(youssef.subscriptions.map(\.remaining) == [nil])
      #expect(youssef.subscriptions.map(\.startDate) == [Gym.day(2026, 1, 1)])
      let rania = try fixture.store.lookUp(.member(403), policy: Gym.policy)
      #expect(rania.subscriptions.isEmpty)
      #expect(rania.lastVisit == nil)
    }
  }

  @Test func theLastVisitIgnoresVoidedVisits() throws {
    try withFixture { fixture in
      let store = fixture.store
      let first = fixture.clock.now
      _ = try store.checkIn(fixture.request(201))
      fixture.clock.advance(seconds: 600)
      let second = try store.checkIn(fixture.request(201))
      #expect(try store.lookUp(.member(201), policy: Gym.policy).lastVisit == fixture.clock.now)
      _ = try store.void(attendanceID: second.attendanceID)
      #expect(try store.lookUp(.member(201), policy: Gym.policy).lastVisit == first)
    }
  }
}
