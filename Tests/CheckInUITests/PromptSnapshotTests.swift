import CheckInCore
import Testing

@testable import CheckInUI

/// The boxes that ask one thing: undo, staff override, kiosk unlock; at 80×24 and 120×40.
@Suite struct PromptSnapshotTests {
  @Test(arguments: Screens.sizes)
  func undo(size: Size) {
    Snapshot.expect(Screens.render(Screens.undoPrompt, size: size), named: "prompt-undo")
  }

  @Test(arguments: Screens.sizes)
  func staffOverride(size: Size) {
    Snapshot.expect(Screens.render(Screens.overridePrompt, size: size), named: "prompt-override")
  }

  /// The unlock code is masked; a locked kiosk shows no list of other members.
  @Test(arguments: Screens.sizes)
  func kioskUnlock(size: Size) {
    let frame = Screens.render(Screens.unlockPrompt, size: size, kiosk: Screens.kiosk)
    Snapshot.expect(frame, named: "prompt-unlock")
    #expect(frame.find("4321") == nil, "the typed code must never be shown")
    #expect(frame.find("••••█") != nil)
  }
}

/// The override's pick list: the highlighted reason is marked and coloured, the others aren't.
@Suite struct OverrideReasonListTests {
  @Test func theHighlightedPresetIsMarkedAndColoured() throws {
    let state = Scenes.dialog(
      Scenes.frozenNour, events: [.beginOverride, .moveSelection(1), .moveSelection(1)])
    let frame = Screens.render(state, size: Size(width: 80, height: 24))
    #expect(frame.find("▸ Day pass") != nil)
    #expect(frame.roles(of: "Day pass") == [.selection])
    #expect(frame.find("  Forgot card") != nil)
    #expect(frame.roles(of: "Forgot card") == [.value])
    #expect(frame.find("Another reason ▸ type it") != nil, "the typed row says it takes typing")
  }
}
