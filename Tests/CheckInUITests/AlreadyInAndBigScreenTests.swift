import CheckInCore
import Foundation
import Testing

@testable import CheckInUI

/// The second scan's calm banner, the big terminal's larger letters and nearer dialog, and the
/// wording of each plan kind.
@Suite struct AlreadyInAndBigScreenTests {
  static let big = Size(width: 200, height: 60)

  /// Sara, scanned again five minutes after she checked in.
  static var saraAgain: StationState {
    var card = Scenes.sara
    card.lastVisit = Scenes.now.addingTimeInterval(-100)
    return Scenes.dialog(card)
  }

  @Test func aSecondScanIsACalmBandOverTheCard() throws {
    let frame = Screens.render(Self.saraAgain, size: Size(width: 80, height: 24))
    let line = try #require(
      frame.find("Sara is already in: checked in at 18:30 — nothing recorded"))
    #expect(frame[line.x, line.y].role == .bannerInfo)
    #expect(frame.find("override") == nil, "nothing to let in: she is in")
    #expect(frame.find("REFUSED") == nil)
    #expect(frame.roles(of: "Sara Haddad") == [.title], "her card stays under the band")
    // "ALREADY IN" in block letters: the A's crossbar is a row of five blocks.
    #expect(frame.find("█████") != nil)
  }

  @Test func aSecondScanIsHeardOnceAtTheDesk() {
    #expect(BellPlayer.pattern(for: .alreadyIn) == BellPlayer.pattern(for: .checkedIn))
    #expect(BellPlayer.pattern(for: .alreadyIn).count == 1)
  }

  @Test func aBigTerminalGetsLettersTwiceAsBig() throws {
    let frame = Screens.render(Screens.checkedIn, size: Self.big)
    let rows = frame.lines.filter { $0.contains("██████████") }
    // Five glyph rows, each drawn twice: WELCOME's E has full rows of ten blocks.
    #expect(rows.count >= 4)
    let normal = Screens.render(Screens.checkedIn, size: Size(width: 80, height: 24))
    #expect(normal.lines.allSatisfy { !$0.contains("██████████") })
  }

  @Test func theDialogStandsUnderTheCardOnATallTerminal() throws {
    let frame = Screens.render(Scenes.dialog(Scenes.sara), size: Self.big)
    let name = try #require(frame.find("Sara Haddad"))
    let choice = try #require(frame.find("Check-In Only"))
    #expect(choice.y - name.y <= 10, "the choice is beside the facts, not at the screen's foot")
  }

  @Test func aCoinPlanDeductsACoin() throws {
    let coins = MemberCard(
      member: Scenes.member(2, "Omar Khalil"),
      subscriptions: [
        Subscription(
          id: 1002, kind: .coins, total: 50, remaining: 40, endDate: Scenes.today.adding(days: 90),
          serviceName: "50 Coins")
      ])
    let frame = Screens.render(Scenes.dialog(coins), size: Size(width: 80, height: 24))
    #expect(frame.find("Deduct Coin") != nil)
    #expect(frame.find("Deduct Session") == nil)
  }

  @Test func theWelcomeBannerNamesNoDatabaseID() {
    let frame = Screens.render(Screens.checkedIn, size: Size(width: 80, height: 24))
    #expect(frame.find("#42") == nil)
    #expect(frame.find("Sara Haddad · Deduct Session") != nil)
  }
}
