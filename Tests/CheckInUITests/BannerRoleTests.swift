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

  @Test func frozenNeedsStaff() {
    #expect(bannerRoles(Screens.seeDesk) == [.bannerStaff])
  }

  @Test func noSessionsIsRefused() {
    #expect(bannerRoles(Screens.refused) == [.bannerRefused])
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
