import CheckInCore
import Foundation
import Testing

@testable import CheckInUI

/// `v` (F4): today's visits, a page at a time, searchable by name or code, at any volume.
@Suite struct TodaysVisitsTests {
  static let pageDown = "\u{1B}[6~"
  static let pageUp = "\u{1B}[5~"

  @Test func theDaysVisitsPageByPage() throws {
    let day = try BusyDay()
    let desk = try day.desk()
    desk.send("v", at: 1)
    desk.advance(to: 1.5)
    #expect(desk.screenText.contains("Today's visits ▸"))
    #expect(desk.screenText.contains("1–20, newest first · PgDn older"), "\(desk.screen)")
    // The newest visit is the 5,000th: member 50 at 18:29.
    #expect(desk.screen.contains { $0.contains("▸ 18:29  Member 50  #50") })
    desk.send(Self.pageDown, at: 2)
    desk.advance(to: 2.5)
    #expect(desk.screenText.contains("21–40, newest first · PgDn older · PgUp newer"))
    // The 21st newest is the 4,980th visit: 18:29:51 − 20 × 9 s = 18:26:51, member 30.
    #expect(desk.screen.contains { $0.contains("▸ 18:26  Member 30  #30") })
    desk.send(Self.pageUp, at: 3)
    desk.advance(to: 3.5)
    #expect(desk.screenText.contains("1–20, newest first · PgDn older"))
    #expect(!desk.screenText.contains("PgUp newer"))
  }

  /// "Did she come in this morning?": the name narrows 5,000 visits to hers (100 of them).
  @Test func aNameFindsHerVisitsAmongThousands() throws {
    let day = try BusyDay()
    let desk = try day.desk()
    desk.send("v", at: 1)
    desk.advance(to: 1.5)
    for (index, character) in "member 7".enumerated() {
      desk.send(String(character), at: 2 + Double(index) * 0.2)
    }
    desk.advance(to: 5)
    let rows = desk.screen.filter { $0.contains("  Member ") && $0.contains(":") }
    #expect(!rows.isEmpty)
    #expect(rows.allSatisfy { $0.contains("Member 7  #7") }, "\(rows)")
    #expect(desk.screenText.contains("1–20, newest first · PgDn older"))
    // Enter looks up the member of the highlighted visit, as a scan of her card would (she holds
    // no plan in this file, so her card comes with the refusal).
    desk.send("\r", at: 6)
    desk.advance(to: 6.5)
    guard case .result(let banner) = desk.state.phase else {
      Issue.record("expected her card, got \(desk.state.phase)")
      return
    }
    #expect(banner.card?.member.id == 7)
  }

  @Test func aNameNobodyHasSaysSo() throws {
    let day = try BusyDay()
    let desk = try day.desk()
    desk.send("v", at: 1)
    for (index, character) in "zed".enumerated() {
      desk.send(String(character), at: 2 + Double(index) * 0.2)
    }
    desk.advance(to: 4)
    #expect(desk.screenText.contains("No visit today matches “zed”"), "\(desk.screen)")
    desk.send("\u{1B}", at: 5)
    desk.advance(to: 6)
    #expect(desk.state.phase == .ready)
  }

  /// The list shows names: a locked kiosk keeps it shut.
  @Test func aLockedKioskKeepsTheListShut() {
    let desk = FakeDesk(
      cards: StationLoopTests.cards, kiosk: KioskLock(unlockCode: "4321"),
      size: Size(width: 120, height: 40))
    desk.send("v", at: 1)
    desk.advance(to: 2)
    // Without the staff key, `v` is the start of a code like any other.
    #expect(!desk.screenText.contains("Today's visits ▸"))
    if case .searching = desk.state.phase { Issue.record("the visits list opened") }
  }
}
