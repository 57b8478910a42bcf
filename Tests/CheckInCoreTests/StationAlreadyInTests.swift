import Foundation
import Testing

@testable import CheckInCore

/// A member scanned again within the duplicate window is in already: the station says so calmly,
/// records nothing, and offers nothing to override.
@Suite struct StationAlreadyInTests {
  /// Sara, who checked in 90 seconds ago (the window is 120 s).
  static func saraInAt(_ time: Date) -> MemberCard {
    var card = Fixture.sara
    card.lastVisit = time
    return card
  }

  @Test func aSecondScanIsInformationWithOneBell() throws {
    var desk = Desk()
    let since = desk.clock - 90
    let lookUp = try #require(desk.send(.scanned("GYM-1")).lookUps.first)
    let effects = desk.send(.lookedUp(lookUp.id, .success(Self.saraInAt(since))))
    #expect(effects == [.signal(.alreadyIn)])
    let banner = try #require(desk.state.phase.banner)
    #expect(banner.outcome == .alreadyIn(since: since, memberName: "Sara Haddad"))
    #expect(banner.card == Self.saraInAt(since), "her card stays under the banner")
  }

  @Test func nothingToOverrideOnASecondScan() throws {
    var desk = Desk()
    let lookUp = try #require(desk.send(.scanned("GYM-1")).lookUps.first)
    desk.send(.lookedUp(lookUp.id, .success(Self.saraInAt(desk.clock - 30))))
    #expect(!desk.state.abilities(desk.context).allows(.override))
    #expect(desk.send(.beginOverride) == [])
    #expect(desk.state.phase.banner?.outcome.isAlreadyIn == true)
  }

  @Test func pastTheWindowSheChecksInAgain() throws {
    var desk = Desk()
    let lookUp = try #require(desk.send(.scanned("GYM-1")).lookUps.first)
    desk.send(.lookedUp(lookUp.id, .success(Self.saraInAt(desk.clock - 121))))
    #expect(desk.state.phase.dialog != nil)
  }

  @Test func theMessageSaysNothingWasRecorded() {
    let since = Fixture.now - 60
    let text = Refusal.duplicate(lastCheckIn: since).message(name: "Sara", timeZone: .gmt)
    #expect(text == "Sara is already in (checked in at 09:59) — nothing recorded")
  }
}

extension Outcome {
  fileprivate var isAlreadyIn: Bool {
    if case .alreadyIn = self { true } else { false }
  }
}
