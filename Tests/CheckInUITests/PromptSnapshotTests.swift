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

/// Eight reasons on a terminal with room for a few: the list scrolls with the highlight.
@Suite struct OverrideReasonWindowTests {
  @Test func theWindowHoldsTheChoiceAndScrollsAsLittleAsItCan() {
    #expect(PickWindow(count: 4, choice: 0, rows: 6).range == 0..<4)
    #expect(PickWindow(count: 8, choice: 0, rows: 4).range == 0..<4)
    #expect(PickWindow(count: 8, choice: 5, rows: 4).range == 3..<7)
    #expect(PickWindow(count: 8, choice: 7, rows: 4).range == 4..<8)
    #expect(PickWindow(count: 8, choice: 8, rows: 4).range == 4..<8, "the typed row ends the list")
    #expect(PickWindow(count: 8, choice: 3, rows: 0).range == 3..<4, "one row at the least")
  }

  @Test func eightReasonsAt60x16ShowTheHighlightedOneAndTheTypedRow() throws {
    let reasons = (1...8).map { "Reason number \($0)" }
    var state = Scenes.dialog(Scenes.frozenNour, events: [])
    var context = Scenes.context(at: Scenes.now)
    context.overrideReasons = reasons
    _ = Station.reduce(into: &state, .beginOverride, context)
    for _ in 0..<6 { _ = Station.reduce(into: &state, .moveSelection(1), context) }
    let frame = Screens.render(state, size: Size(width: 60, height: 16))
    #expect(frame.find("▸ Reason number 7") != nil)
    #expect(frame.find("Another reason ▸ type it") != nil)
    #expect(frame.find("↑ ↓ pick · Enter record it · Esc cancel") != nil)
    #expect(frame.find("Reason number 1") == nil, "scrolled past")
    #expect(frame.find("of 8)") != nil, "the question says which of the reasons are shown")
    Snapshot.expect(frame, named: "prompt-override-eight-reasons")
  }
}

/// A refusal at a locked kiosk keeps the card for the member, but not their whole phone number
/// for whoever queues behind them.
@Suite struct KioskCardPrivacyTests {
  @Test func aLockedKioskShowsOnlyThePhonesLastDigits() {
    let events: [StationEvent] = [
      .scanned("GYM-7"), .lookedUp(RequestID(1), .success(Scenes.frozenNour)),
    ]
    let size = Size(width: 100, height: 30)
    let kiosk = Screens.render(
      Scenes.state(events, kiosk: Screens.kiosk), size: size, kiosk: Screens.kiosk)
    #expect(kiosk.find("Nour Adel") != nil)
    #expect(kiosk.find("+20 100 123 4507") == nil)
    #expect(kiosk.find("phone …507") != nil)

    let desk = Screens.render(Scenes.state(events), size: size)
    #expect(desk.find("+20 100 123 4507") != nil, "the desk sees the number to call")
  }
}
