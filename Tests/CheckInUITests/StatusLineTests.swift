import CheckInCore
import Testing

@testable import CheckInUI

/// The header and the status line: their slots, and the key hints drawn from the key map.
@Suite struct StatusLineTests {
  let size = Size(width: 80, height: 24)

  @Test func headerAndStatusLineAreInTheStatusBarSlot() {
    let frame = Screens.render(Screens.ready, size: size)
    for x in 0..<size.width {
      #expect(frame[x, 0].role == .statusBar, "header column \(x)")
      #expect([.statusBar, .statusKey].contains(frame[x, size.height - 1].role), "column \(x)")
    }
    #expect(frame.roles(of: "F2") == [.statusKey])
    #expect(frame.roles(of: " Search  ") == [.statusBar])
    #expect(frame.roles(of: " ● demo.sqlite3 · 13 today") == [.statusBar])
  }

  @Test func theDialogHintsItsKeys() {
    let frame = Screens.render(Scenes.dialog(Scenes.sara), size: size)
    let bottom = frame.lines[size.height - 1]
    #expect(bottom.contains("Enter Confirm  ← Choose  Esc Back"), "\(bottom)")
    #expect(!bottom.contains("Plan"), "Sara holds one plan: no plan key to hint")
  }

  /// A locked kiosk hints no staff key and hides the day's count.
  @Test func aLockedKioskHintsNoStaffKeys() {
    let state = Scenes.state([], kiosk: Screens.kiosk)
    let frame = Screens.render(state, size: size, kiosk: Screens.kiosk)
    let bottom = frame.lines[size.height - 1]
    #expect(bottom.contains("F1 Help"))
    for staff in ["Search", "Today", "Undo", "Quit", "today"] {
      #expect(!bottom.contains(staff), "\(staff) at a locked kiosk")
    }
    #expect(frame.lines[0].contains("· kiosk"))
  }

  /// F8 lets a refused member in, but only a member the station knows: after an unreadable code
  /// there is nobody to let in, so the status line must not offer it.
  @Test func overrideIsHintedOnlyWhenItCanHappen() {
    let known = Screens.render(Screens.seeDesk, size: size)
    #expect(known.lines[size.height - 1].contains("F8 Override"))
    let unknown = Screens.render(Screens.invalidCode, size: size)
    #expect(!unknown.lines[size.height - 1].contains("F8 Override"))
  }
}
