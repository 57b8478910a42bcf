import CheckInCore
import Testing

@testable import CheckInUI

/// The dialog's colour slots: the highlighted choice is in `.selection`, the other plain, an
/// action not offered muted.
@Suite struct DialogRoleTests {
  let size = Size(width: 80, height: 24)

  @Test func deductIsHighlightedOnASessionsPlan() {
    let frame = Screens.render(Scenes.dialog(Scenes.sara), size: size)
    #expect(frame.roles(of: "▸ Deduct Session ◂") == [.selection])
    #expect(frame.roles(of: "  Check-In Only  ") == [.value])
  }

  @Test func theHighlightFollowsTheArrowKeys() {
    let frame = Screens.render(Scenes.dialog(Scenes.sara, events: [.toggleChoice]), size: size)
    #expect(frame.roles(of: "▸ Check-In Only ◂") == [.selection])
    #expect(frame.roles(of: "  Deduct Session  ") == [.value])
  }

  @Test func deductNotOfferedIsMuted() {
    let frame = Screens.render(Scenes.dialog(Scenes.omar), size: size)
    #expect(frame.roles(of: "▸ Check-In Only ◂") == [.selection])
    #expect(frame.roles(of: "  Deduct Session  ") == [.muted])
    #expect(frame.roles(of: "nothing to deduct") == [.muted])
  }

  @Test func boxTitleAndPlanMarkerHaveTheirSlots() throws {
    let frame = Screens.render(Scenes.dialog(Scenes.mariam, events: [.movePlan(1)]), size: size)
    #expect(frame.roles(of: "┌─") == [.border])
    #expect(frame.roles(of: " 8 PT Sessions (plan 2 of 2) ") == [.title])
    let marker = try #require(frame.find("▸ 8 PT Sessions"))
    #expect(frame[marker.x, marker.y].role == .key)
    #expect(frame[marker.x + 2, marker.y].role == .value)
    #expect(frame.roles(of: "███") == [.barFilled])
    #expect(frame.roles(of: "░░░") == [.barEmpty])
  }
}
