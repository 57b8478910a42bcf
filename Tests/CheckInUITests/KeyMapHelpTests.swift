import CheckInCore
import Testing

@testable import CheckInUI

/// The key table's help: every binding explained, the overlay and the hints drawn from it.
@Suite struct KeyMapHelpTests {
  let keys = KeyMap()

  /// The screens with the help overlay open over each of them.
  static let helpStates: [(Screen, StationState)] = [
    (.ready, Scenes.state([.toggleHelp])),
    (.member, Scenes.dialog(Scenes.sara, events: [.toggleHelp])),
    (.searching, Scenes.state([.openSearch, .toggleHelp])),
    (.refusal, Scenes.dialog(Scenes.frozenNour, events: [.toggleHelp])),
    (
      .result,
      Scenes.dialog(
        Scenes.sara,
        events: [
          .choose(.deduct), .checkedIn(RequestID(2), .success(Scenes.receipt(Scenes.sara))),
          .toggleHelp,
        ])
    ),
  ]

  @Test func everyBindingHasKeysAndHelp() {
    for binding in keys.bindings {
      #expect(!binding.keys.isEmpty)
      #expect(!binding.screens.isEmpty, "\(binding.label) works nowhere")
      #expect(binding.help.count >= 10, "\(binding.label): “\(binding.help)”")
      #expect(binding.help == binding.help.trimmingCharacters(in: .whitespaces))
    }
  }

  @Test func everyScreenHasHelpAndAWayBack() {
    for screen in Screen.allCases {
      let here = keys.bindings(on: screen).flatMap(\.keys)
      #expect(here.contains(.function(1)), "\(screen): no help key")
      #expect(here.contains(.escape), "\(screen): no Esc")
    }
  }

  @Test func theOverlayListsTheBindingsOfTheCurrentScreen() throws {
    for (screen, state) in Self.helpStates {
      #expect(state.showsHelp && Screen(state.phase) == screen, "\(screen) scene")
      let frame = Screens.render(state, size: Size(width: 80, height: 24))
      let box = try #require(frame.find("┌─ Keys"), "\(screen): no overlay")
      for binding in keys.bindings(on: screen) {
        let place = frame.find(binding.label, from: box.y)
        #expect(place?.x == box.x + 2, "\(screen): \(binding.label) missing")
        if let place {
          #expect(frame[place.x, place.y].role == .key)
          #expect(frame.find(String(binding.help.prefix(20)), from: place.y)?.y == place.y)
        }
      }
      let others = keys.bindings.filter { !$0.screens.contains(screen) }
      for binding in others {
        #expect(frame.find(String(binding.help.prefix(24))) == nil, "\(screen): \(binding.help)")
      }
    }
  }

  /// Help that is cut mid-sentence helps nobody: each line must be readable to its end, on as
  /// many rows as it needs.
  @Test(arguments: Screens.sizes)
  func theOverlayShowsEveryHelpTextWhole(size: Size) throws {
    for (screen, state) in Self.helpStates {
      let frame = Screens.render(state, size: size)
      let box = try #require(frame.find("┌─ Keys"))
      let right = try #require(frame.columns(showing: "┐", row: box.y).first { $0 > box.x })
      var rows: [String] = []
      var y = box.y + 1
      while y < size.height, frame[box.x, y].text == "│" {
        rows += frame.text(in: Rect(x: box.x + 1, y: y, width: right - box.x - 1, height: 1))
        y += 1
      }
      let shown = rows.joined(separator: " ").split(separator: " ").joined(separator: " ")
      let cut = keys.bindings(on: screen).map(\.help).filter { !shown.contains($0) }
      #expect(cut.isEmpty, "\(size) \(screen): help cut short: \(cut)")
    }
  }

  @Test func aLockedKioskMarksStaffKeysInHelp() throws {
    let state = Scenes.state([.toggleHelp], kiosk: Screens.kiosk)
    let frame = Screens.render(state, size: Size(width: 120, height: 40), kiosk: Screens.kiosk)
    let undo = try #require(frame.find("Undo this station's last check-in"))
    let undoLine = frame.lines[undo.y]
    #expect(undoLine.contains("(locked)"))
    let help = try #require(frame.find("Show or hide this help"))
    let helpLine = frame.lines[help.y]
    #expect(!helpLine.contains("(locked)"))
  }

  @Test func hintsComeFromTheTable() {
    let ready = keys.hints(on: .ready, staff: true).map { "\($0.key) \($0.text)" }
    #expect(ready == ["F2 Search", "F3 Today", "F9 Undo", "F1 Help", "F10 Quit"])
    let kiosk = keys.hints(on: .ready, staff: false).map { "\($0.key) \($0.text)" }
    #expect(kiosk == ["F1 Help"])
    let member = keys.hints(on: .member, staff: false).map { "\($0.key) \($0.text)" }
    #expect(member == ["1 Check-In Only", "2 Deduct", "Tab Plan", "Esc Back", "F1 Help"])
    let refusal = keys.hints(on: .refusal, staff: true).map(\.text)
    #expect(refusal.contains("Override"))
    #expect(!keys.hints(on: .result, staff: true).map(\.text).contains("Override"))
  }
}
