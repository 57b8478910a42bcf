import Foundation
import Testing

@testable import CheckInCore

/// A kiosk has a scanner and nothing else: an eligible scan records the rules' default by itself,
/// a refusal sends the member to the desk, and a double scan never records twice.
@Suite struct StationKioskTests {
  static func kiosk(_ action: KioskAction = .standard) -> Desk {
    var desk = Desk()
    desk.kiosk = KioskLock(unlockCode: "4321", action: action)
    return desk
  }

  /// Scans `code` and answers its lookup with `card`; returns the effects of the answer.
  static func scan(_ code: String, finding card: MemberCard, at desk: inout Desk) throws
    -> [StationEffect]
  {
    let lookUp = try #require(desk.send(.scanned(code)).lookUps.first)
    return desk.send(.lookedUp(lookUp.id, .success(card)))
  }

  @Test func aSessionsPlanIsDeductedAtOnce() throws {
    var desk = Self.kiosk()
    let effects = try Self.scan("GYM-1", finding: Fixture.sara, at: &desk)
    let checkIn = try #require(effects.checkIns.first)
    #expect(effects.count == 1)
    #expect(checkIn.request.action == .deduct)
    #expect(checkIn.request.subscriptionID == 11)
    #expect(desk.state.phase.dialog == nil, "no dialog waits for keys the kiosk hasn't got")
  }

  /// Omar holds a time plan and a sessions plan: the time plan opens the door, free.
  @Test func aTimePlanIsCheckInOnlyOnTheBestPlan() throws {
    var desk = Self.kiosk()
    let checkIn = try #require(
      try Self.scan("GYM-2", finding: Fixture.omar, at: &desk).checkIns.first)
    #expect(checkIn.request.action == .checkInOnly)
    #expect(checkIn.request.subscriptionID == 21)
  }

  @Test func checkInOnlyNeverDeducts() throws {
    var desk = Self.kiosk(.checkInOnly)
    let checkIn = try #require(
      try Self.scan("GYM-1", finding: Fixture.sara, at: &desk).checkIns.first)
    #expect(checkIn.request.action == .checkInOnly)
  }

  /// `ask`: the dialog waits its countdown for a receptionist, then records the default.
  @Test func askingTakesTheDefaultAfterTheCountdown() throws {
    var desk = Self.kiosk(.ask(countdown: 5))
    #expect(try Self.scan("GYM-1", finding: Fixture.sara, at: &desk).isEmpty)
    let dialog = try #require(desk.state.phase.dialog)
    #expect(dialog.decidesAt == desk.clock + 5)
    #expect(Station.nextDeadline(desk.state, desk.context) == desk.clock + 5)
    desk.advance(4.9)
    #expect(desk.send(.tick).isEmpty)
    desk.advance(0.1)
    let checkIn = try #require(desk.send(.tick).checkIns.first)
    #expect(checkIn.request.action == .deduct)
  }

  /// Someone at the keys moved the highlight: the choice is theirs, the countdown stops.
  @Test func aPersonsChoiceStopsTheCountdown() throws {
    var desk = Self.kiosk(.ask(countdown: 5))
    _ = try Self.scan("GYM-1", finding: Fixture.sara, at: &desk)
    desk.send(.toggleChoice)
    desk.advance(6)
    #expect(desk.send(.tick).isEmpty)
    #expect(desk.state.phase.dialog?.decidesAt == nil)
  }

  @Test func aRefusalSendsTheMemberToTheDesk() throws {
    var desk = Self.kiosk()
    var card = Fixture.sara
    card.subscriptions = [Fixture.sessions(id: 11, remaining: 0, end: Fixture.day(30))]
    let effects = try Self.scan("GYM-1", finding: card, at: &desk)
    #expect(effects.checkIns.isEmpty)
    #expect(effects == [.signal(.refused)])
    #expect(desk.state.phase.banner != nil)
  }

  /// The same card scanned again while its welcome shows: nothing is looked up or recorded, and
  /// the welcome stays.
  @Test func aDoubleScanRecordsOnce() throws {
    var desk = Self.kiosk()
    let checkIn = try #require(
      try Self.scan("GYM-1", finding: Fixture.sara, at: &desk).checkIns.first)
    let receipt = Fixture.receipt(for: checkIn.request, attendanceID: 9)
    desk.send(.checkedIn(checkIn.id, .success(receipt)))
    for seconds in [0.2, 1.5, 3] {
      desk.advance(seconds)
      #expect(desk.send(.scanned("GYM-1")) == [], "after \(seconds) s")
      #expect(desk.state.phase.banner?.shownAt == desk.clock, "the welcome starts again")
    }
    #expect(desk.state.queuedScan == nil)
  }

  /// Staff who open a member from search at an unlocked kiosk see the card; nothing is recorded.
  @Test func aSearchPickIsShownNotRecorded() throws {
    var desk = Self.kiosk()
    let lookUp = try #require(desk.send(.scanned("GYM-1")).lookUps.first)
    desk.state.phase = .lookingUp(LookUp(id: lookUp.id, payload: .member(1), startedAt: desk.clock))
    #expect(desk.send(.lookedUp(lookUp.id, .success(Fixture.sara))).isEmpty)
    #expect(desk.state.phase.dialog != nil)
  }

  /// Another member right behind: their card waits for the banner's first second.
  @Test func theNextMemberWaitsForTheBannersSecond() throws {
    var desk = Self.kiosk()
    let checkIn = try #require(
      try Self.scan("GYM-1", finding: Fixture.sara, at: &desk).checkIns.first)
    desk.send(
      .checkedIn(checkIn.id, .success(Fixture.receipt(for: checkIn.request, attendanceID: 9))))
    desk.advance(0.3)
    #expect(desk.send(.scanned("GYM-2")) == [])
    #expect(desk.state.queuedScan == "GYM-2")
    desk.advance(0.7)
    let lookUp = try #require(desk.send(.tick).lookUps.first)
    #expect(lookUp.payload == .idForm(code: "GYM-2", memberID: 2))
  }
}
