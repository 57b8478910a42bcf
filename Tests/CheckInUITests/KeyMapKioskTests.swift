import CheckInCore
import Testing

@testable import CheckInUI

/// At a locked kiosk staff keys do nothing, or let the station explain how to unlock.
@Suite struct KeyMapKioskTests {
  let keys = KeyMap()

  func locked(_ key: KeyEvent, on screen: Screen = .ready, fieldEmpty: Bool = true) -> Intent? {
    keys.intent(
      for: key, on: screen, fieldEmpty: fieldEmpty,
      abilities: DeskAbilities(available: Set(DeskAction.allCases), staffUnlocked: false))
  }

  /// `q` is simply typed (a code may start with it); F10 and Ctrl-C do nothing.
  @Test func quittingIsRefusedSilently() {
    #expect(locked(.character("q")) == .station(.typed("q")))
    #expect(locked(.function(10)) == nil)
    #expect(locked(.control("c")) == nil)
    #expect(locked(.control("c"), on: .result) == nil)
  }

  /// The reducer answers these with "Staff only — press F12 …".
  @Test func staffStationEventsStillReachTheReducer() {
    #expect(locked(.function(9)) == .station(.undoLast))
    #expect(locked(.function(2)) == .station(.openSearch))
    #expect(locked(.control("u")) == .station(.undoLast))
    #expect(locked(.function(3)) == .station(.toggleToday))
    #expect(locked(.function(8), on: .refusal) == .station(.beginOverride))
  }

  @Test func everyoneElsesKeysWork() {
    #expect(locked(.function(12)) == .station(.toggleLock))
    #expect(locked(.character("?")) == .station(.toggleHelp))
    #expect(locked(.enter) == .station(.submit))
    #expect(locked(.control("k")) == .station(.toggleLock))
    #expect(locked(.right, on: .member) == .station(.toggleChoice))
    #expect(locked(.character("G")) == .station(.typed("G")))
    #expect(locked(.character("q"), fieldEmpty: false) == .station(.typed("q")))
  }

  /// The reducer side of the same rule: at a locked kiosk F9 explains, and nothing opens.
  @Test func theReducerExplainsHowToUnlock() {
    let state = Scenes.state([.undoLast], kiosk: Screens.kiosk)
    #expect(state.phase == .ready)
    #expect(state.notice?.text.contains("F12") == true)
  }
}
