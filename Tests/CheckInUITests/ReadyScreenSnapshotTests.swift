import CheckInCore
import Testing

@testable import CheckInUI

/// The scan field screens, pictured at 80×24 and 120×40.
@Suite struct ReadyScreenSnapshotTests {
  @Test(arguments: Screens.sizes)
  func idle(size: Size) {
    Snapshot.expect(Screens.render(Screens.ready, size: size), named: "ready")
  }

  @Test(arguments: Screens.sizes)
  func typedCodeWithNotice(size: Size) {
    Snapshot.expect(Screens.render(Screens.readyTyped, size: size), named: "ready-typed")
  }

  @Test(arguments: Screens.sizes)
  func lookingUp(size: Size) {
    Snapshot.expect(Screens.render(Screens.lookingUp, size: size), named: "looking-up")
  }

  @Test(arguments: Screens.sizes)
  func helpOverlay(size: Size) {
    Snapshot.expect(Screens.render(Screens.help, size: size), named: "help")
  }

  @Test(arguments: Screens.sizes)
  func todayToggled(size: Size) {
    Snapshot.expect(Screens.render(Screens.todayToggled, size: size), named: "today")
  }
}
