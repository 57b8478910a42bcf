import CheckInCore
import Testing

@testable import CheckInUI

/// The alerts the desk must not miss, each in its own slot.
@Suite struct AlertRoleTests {
  let frame = Screens.render(Scenes.dialog(Scenes.salma), size: Size(width: 80, height: 24))

  @Test func birthday() {
    #expect(frame.roles(of: "★ Birthday today (32)") == [.alertBirthday])
  }

  @Test func staffNotes() {
    #expect(frame.roles(of: "✎ Knee injury — no jumping classes") == [.alertNotes])
  }

  @Test func planEndingWithinAWeek() {
    #expect(frame.roles(of: "⏳ 12 Sessions ends in 5 days") == [.alertEnding])
    #expect(frame.roles(of: " · to 2026-11-29 (5 d)") == [.alertEnding])
  }

  @Test func lastSessions() {
    #expect(frame.roles(of: "⚠ 12 Sessions: 3 sessions left") == [.alertLowBalance])
    #expect(frame.roles(of: " 3/12 sessions") == [.warning])
  }

  /// Sara has plenty left, a plan far from its end, no notes and no birthday: no alert slot.
  @Test func aMemberWithoutAlertsShowsNone() {
    let plain = Screens.render(Scenes.dialog(Scenes.sara), size: Size(width: 80, height: 24))
    let alertRoles: Set<Role> = [.alertBirthday, .alertNotes, .alertEnding, .alertLowBalance]
    let used = Set(plain.cells.map(\.role))
    #expect(used.isDisjoint(with: alertRoles))
  }
}
