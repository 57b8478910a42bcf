import CheckInCore
import Foundation
import Testing

@testable import CheckInUI

/// The result banner fills its area in one slot: good, refused or needs-staff.
@Suite struct BannerRoleTests {
  let size = Size(width: 80, height: 24)
  /// The body between the scan field's rule and the status line, inside the one-column margins.
  let body = Rect(x: 1, y: 5, width: 78, height: 18)

  func bannerRoles(_ state: StationState, size: Size? = nil, body: Rect? = nil) -> Set<Role> {
    let frame = Screens.render(state, size: size ?? self.size)
    let area = body ?? self.body
    var roles: Set<Role> = []
    for y in area.y..<area.maxY {
      for x in area.x..<area.maxX { roles.insert(frame[x, y].role) }
    }
    return roles
  }

  @Test func checkInIsGood() {
    #expect(bannerRoles(Screens.checkedIn) == [.bannerGood])
  }

  /// A refusal of a known member is a band over the member's card: the band in the outcome's
  /// colour down to its last row, then the card in the pane's own colours.
  func bandAndCard(_ state: StationState) -> (band: Set<Role>, rows: Int, below: ScreenBuffer) {
    let frame = Screens.render(state, size: size)
    var rows = 0
    while rows < body.height, frame[body.x, body.y + rows].role != .normal { rows += 1 }
    let band = bannerRoles(
      state, body: Rect(x: body.x, y: body.y, width: body.width, height: rows))
    return (band, rows, frame)
  }

  @Test func frozenNeedsStaffOverTheCard() throws {
    let (band, rows, frame) = bandAndCard(Screens.seeDesk)
    #expect(band == [.bannerStaff])
    #expect(rows == 11, "the block word, a blank, three lines and a margin row each side")
    let name = try #require(frame.find("Nour Adel   #7"))
    #expect(name.y == body.y + rows + 1)
    #expect(frame.roles(of: "FROZEN") == [.danger])
  }

  @Test func noSessionsIsRefusedOverTheCard() throws {
    let (band, rows, frame) = bandAndCard(Screens.refused)
    #expect(band == [.bannerRefused])
    let plans = try #require(frame.find("Plans"))
    #expect(plans.y > body.y + rows)
    #expect(frame.roles(of: "USED UP") == [.danger])
  }

  @Test func anInvalidCodeIsRefused() {
    #expect(bannerRoles(Screens.invalidCode) == [.bannerRefused])
  }

  /// A store that did something else than asked: the desk must look, so the staff colour.
  @Test func aDiscrepancyNeedsStaff() {
    var receipt = Scenes.receipt(Scenes.sara, deducted: 1, remaining: 7)
    receipt.action = .deduct
    receipt.discrepancy = "the server deducted although Check-In Only was chosen"
    let state = Scenes.dialog(
      Scenes.sara, events: [.choose(.checkInOnly), .checkedIn(RequestID(2), .success(receipt))])
    #expect(bannerRoles(state) == [.bannerStaff])
    let frame = Screens.render(state, size: size)
    #expect(frame.find("! the server deducted") != nil)
  }

  /// On a wide screen the banner stays left of the today panel.
  @Test func theBannerLeavesTheTodayPanelAlone() {
    let wide = Size(width: 120, height: 40)
    let left = Rect(x: 1, y: 5, width: 81, height: 34)
    #expect(bannerRoles(Screens.checkedIn, size: wide, body: left) == [.bannerGood])
    let frame = Screens.render(Screens.checkedIn, size: wide)
    #expect(frame[83, 10].role == .border)
    // The check-in just made has joined the list: 13 before it, 14 now.
    #expect(frame.roles(of: "Today · 14 check-ins") == [.title])
  }
}
