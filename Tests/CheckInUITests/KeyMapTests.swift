import CheckInCore
import Testing

@testable import CheckInUI

/// What a key asks for, screen by screen, at a staffed desk.
@Suite struct KeyMapTests {
  let keys = KeyMap()

  func intent(_ key: KeyEvent, on screen: Screen, fieldEmpty: Bool = true) -> Intent? {
    keys.intent(for: key, on: screen, fieldEmpty: fieldEmpty, abilities: Self.desk)
  }

  static let desk = DeskAbilities(available: Set(DeskAction.allCases), staffUnlocked: true)

  /// No printable key answers the dialog: digits and letters start the next code, so neither a
  /// scanner's code nor a code typed by hand can record a visit for the member on screen.
  @Test func theMemberDialog() {
    for character: Character in ["1", "2", "G", "c", "d"] {
      #expect(
        intent(.character(character), on: .member) == .station(.typed(String(character))),
        "\(character)")
    }
    #expect(intent(.left, on: .member) == .station(.toggleChoice))
    #expect(intent(.right, on: .member) == .station(.toggleChoice))
    #expect(intent(.character(" "), on: .member) == .station(.toggleChoice))
    #expect(intent(.tab, on: .member) == nil, "Tab ends scanners' codes: never a dialog key")
    #expect(intent(.down, on: .member) == .station(.movePlan(1)))
    #expect(intent(.up, on: .member) == .station(.movePlan(-1)))
    #expect(intent(.enter, on: .member) == .station(.submit))
    #expect(intent(.escape, on: .member) == .station(.cancel))
    #expect(
      intent(.character("x"), on: .member) == .station(.typed("x")),
      "another key starts typing the next code")
    #expect(intent(.character("?"), on: .member, fieldEmpty: false) == .station(.toggleHelp))
  }

  /// Digits are part of a code everywhere.
  @Test func digitsAreTypedEverywhere() {
    for screen in [Screen.ready, .result, .refusal, .searching, .overriding, .unlocking, .member] {
      #expect(intent(.character("1"), on: screen) == .station(.typed("1")), "\(screen)")
      #expect(intent(.character("2"), on: screen) == .station(.typed("2")), "\(screen)")
    }
  }

  @Test func printableKeysAreTypedIntoTheFocusedField() {
    #expect(intent(.character("G"), on: .ready) == .station(.typed("G")))
    #expect(intent(.character("ب"), on: .searching) == .station(.typed("ب")))
    #expect(intent(.character(" "), on: .overriding) == .station(.typed(" ")))
    #expect(intent(.backspace, on: .ready) == .station(.erase))
    #expect(intent(.backspace, on: .unlocking) == .station(.erase))
    #expect(intent(.backspace, on: .member) == nil)
    // The next code may start while a lookup or a write is under way.
    #expect(intent(.character("a"), on: .lookingUp) == .station(.typed("a")))
    #expect(intent(.character("a"), on: .submitting) == .station(.typed("a")))
    #expect(intent(.character("a"), on: .confirmingUndo) == .station(.typed("a")))
  }

  @Test func commandLettersActOnlyWhenTheFieldIsEmpty() {
    #expect(intent(.character("q"), on: .ready) == .quit)
    #expect(intent(.character("/"), on: .ready) == .station(.openSearch))
    #expect(intent(.character("?"), on: .ready) == .station(.toggleHelp))
    #expect(intent(.character("t"), on: .ready) == .station(.toggleToday))
    for letter: Character in ["q", "/", "?", "t"] {
      #expect(
        intent(.character(letter), on: .ready, fieldEmpty: false)
          == .station(.typed(String(letter))), "\(letter) typed into a code")
    }
    #expect(intent(.character("?"), on: .searching) == .station(.toggleHelp))
    #expect(intent(.character("?"), on: .searching, fieldEmpty: false) == .station(.typed("?")))
    #expect(intent(.character("q"), on: .searching) == .station(.typed("q")), "a name has a q")
  }

  @Test func functionKeysWorkWhateverWasTyped() {
    #expect(intent(.function(2), on: .ready, fieldEmpty: false) == .station(.openSearch))
    #expect(intent(.function(1), on: .searching, fieldEmpty: false) == .station(.toggleHelp))
    #expect(intent(.function(10), on: .ready, fieldEmpty: false) == .quit)
    #expect(intent(.control("l"), on: .member) == .redraw)
    #expect(intent(.control("c"), on: .ready, fieldEmpty: false) == .quit)
  }

  @Test func escapeClearsTheFieldOrGoesBack() {
    #expect(intent(.escape, on: .ready) == .station(.cancel))
    #expect(
      keys.bindings(on: .ready, abilities: Self.desk).first { $0.keys == [.escape] }?.help
        == "Clear the scan field")
    for screen in Screen.allCases where screen != .ready {
      #expect(intent(.escape, on: screen) == .station(.cancel), "\(screen)")
    }
  }

  @Test func searchMovesTheHighlight() {
    #expect(intent(.up, on: .searching) == .station(.moveSelection(-1)))
    #expect(intent(.down, on: .searching) == .station(.moveSelection(1)))
    #expect(intent(.enter, on: .searching) == .station(.submit))
  }

  /// F8 lets a refused member in: on the refusal banner only.
  @Test func overrideOnlyOnARefusal() {
    #expect(intent(.function(8), on: .refusal) == .station(.beginOverride))
    #expect(intent(.control("o"), on: .refusal) == .station(.beginOverride))
    for screen in Screen.allCases where screen != .refusal {
      #expect(intent(.function(8), on: screen) == nil, "\(screen)")
    }
  }

  /// VT100 has no F5–F12 and VT220 no F1–F5: every staff action has a key without them.
  @Test func everyStaffActionHasAKeyWithoutFunctionKeys() {
    for action in DeskAction.allCases where action != .confirm {
      let bindings = keys.bindings.filter { $0.action == action }
      let plain = bindings.flatMap(\.keys).filter {
        if case .function = $0 { return false }
        return true
      }
      #expect(!plain.isEmpty, "\(action) needs a function key")
    }
    #expect(intent(.control("u"), on: .ready) == .station(.undoLast))
    #expect(intent(.control("k"), on: .ready) == .station(.toggleLock))
  }

  /// A scanner set to end codes with Tab: Tab looks the typed code up.
  @Test func tabSubmitsTheScanField() {
    #expect(intent(.tab, on: .ready, fieldEmpty: false) == .station(.submit))
    #expect(intent(.tab, on: .result, fieldEmpty: false) == .station(.submit))
  }

  /// Quitting is for the idle screens; in a dialog or a prompt Ctrl-C and F10 do nothing.
  @Test func quitOnlyFromIdleScreens() {
    for screen in Screen.allCases {
      let idle = [Screen.ready, .result, .refusal].contains(screen)
      #expect((intent(.function(10), on: screen) == .quit) == idle, "\(screen)")
      #expect((intent(.control("c"), on: screen) == .quit) == idle, "\(screen)")
    }
  }

  /// One key means one thing on one screen.
  @Test func noKeyIsBoundTwiceOnAScreen() {
    for screen in Screen.allCases {
      var seen: Set<KeyEvent> = []
      for binding in keys.bindings(on: screen, abilities: Self.desk) {
        for key in binding.keys {
          #expect(seen.insert(key).inserted, "\(key.label) bound twice on \(screen)")
        }
      }
    }
  }

  @Test func screensFollowThePhase() {
    #expect(Screen(Screens.ready.phase) == .ready)
    #expect(Screen(Screens.lookingUp.phase) == .lookingUp)
    #expect(Screen(Scenes.dialog(Scenes.sara).phase) == .member)
    #expect(Screen(Screens.submitting.phase) == .submitting)
    #expect(Screen(Screens.checkedIn.phase) == .result)
    #expect(Screen(Screens.seeDesk.phase) == .refusal)
    #expect(Screen(Screens.refused.phase) == .refusal)
    #expect(Screen(Screens.searchHits.phase) == .searching)
    #expect(Screen(Screens.undoPrompt.phase) == .confirmingUndo)
    #expect(Screen(Screens.overridePrompt.phase) == .overriding)
    #expect(Screen(Screens.unlockPrompt.phase) == .unlocking)
    let undoing = Scenes.dialog(
      Scenes.sara,
      events: [
        .choose(.deduct), .checkedIn(RequestID(2), .success(Scenes.receipt(Scenes.sara))),
        .undoLast, .submit,
      ])
    #expect(Screen(undoing.phase) == .submitting)
  }
}
