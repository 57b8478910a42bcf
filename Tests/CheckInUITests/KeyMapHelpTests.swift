import CheckInCore
import Testing

@testable import CheckInUI

/// The key table's help: every binding explained, the overlay and the hints drawn from it.
@Suite struct KeyMapHelpTests {
  let keys = KeyMap()
  static let desk = DeskAbilities(available: Set(DeskAction.allCases), staffUnlocked: true)

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
      let here = keys.bindings(on: screen, abilities: Self.desk).flatMap(\.keys)
      #expect(here.contains(.function(1)), "\(screen): no help key")
      #expect(here.contains(.escape), "\(screen): no Esc")
    }
  }

  @Test func theOverlayListsTheBindingsOfTheCurrentScreen() throws {
    for (screen, state) in Self.helpStates {
      #expect(state.showsHelp && Screen(state.phase) == screen, "\(screen) scene")
      let frame = Screens.render(state, size: Size(width: 80, height: 24))
      let box = try #require(frame.find("┌─ Keys"), "\(screen): no overlay")
      for binding in keys.bindings(on: screen, abilities: Screens.abilities(of: state)) {
        let place = frame.find(binding.label, from: box.y)
        #expect(place?.x == box.x + 2, "\(screen): \(binding.label) missing")
        if let place {
          #expect(frame[place.x, place.y].role == .key)
          #expect(frame.find(String(binding.help.prefix(20)), from: place.y)?.y == place.y)
        }
      }
      let offered = keys.bindings(on: screen, abilities: Screens.abilities(of: state))
      let others = keys.bindings.filter { binding in
        !offered.contains { $0.help == binding.help }
      }
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
      let offered = keys.bindings(on: screen, abilities: Screens.abilities(of: state))
      let cut = offered.map(\.help).filter { !shown.contains($0) }
      #expect(cut.isEmpty, "\(size) \(screen): help cut short: \(cut)")
    }
  }

  @Test func aLockedKioskMarksStaffKeysInHelp() throws {
    let state = Scenes.state([.toggleHelp], kiosk: Screens.kiosk)
    let frame = Screens.render(state, size: Size(width: 120, height: 40), kiosk: Screens.kiosk)
    let search = try #require(frame.find("Search members by name"))
    #expect(frame.lines[search.y].contains("(locked)"))
    #expect(frame.lines[search.y].contains("F2 / /"))
    let help = try #require(frame.find("Show or hide this help"))
    let helpLine = frame.lines[help.y]
    #expect(!helpLine.contains("(locked)"))
  }

  @Test func hintsComeFromTheTable() {
    func hints(_ screen: Screen, _ abilities: DeskAbilities) -> [String] {
      keys.hints(on: screen, abilities: abilities).map { "\($0.key) \($0.text)" }
    }
    #expect(
      hints(.ready, Self.desk) == ["F2 Search", "F3 Today", "F9 Undo", "F1 Help", "F10 Quit"])
    let locked = DeskAbilities(available: Self.desk.available, staffUnlocked: false)
    #expect(hints(.ready, locked) == ["F1 Help"])
    #expect(
      hints(.member, locked) == ["Enter Confirm", "← Choose", "↓ Plan", "Esc Back", "F1 Help"])
    #expect(hints(.refusal, Self.desk).contains("F8 Override"))
  }

  /// What can't happen isn't hinted: the core's abilities decide, per screen and store.
  @Test func hintsFollowTheDesksAbilities() {
    let remote = StationContext(
      now: Scenes.now, timeZone: Scenes.timeZone, allowsOverride: false, allowsUndo: false)
    let refused = Scenes.dialog(Scenes.frozenNour)
    let remoteHints = keys.hints(on: Screen(refused.phase), abilities: refused.abilities(remote))
    #expect(!remoteHints.map(\.text).contains("Override"), "\(remoteHints)")
    #expect(!remoteHints.map(\.text).contains("Undo"), "\(remoteHints)")
    let timePlan = Scenes.dialog(Scenes.omar)
    let timeHints = keys.hints(
      on: .member, abilities: timePlan.abilities(Scenes.context())
    ).map(\.text)
    #expect(!timeHints.contains("Choose"), "no Deduct to move to on a time plan: \(timeHints)")
    #expect(timeHints.contains("Confirm"))
  }
}
