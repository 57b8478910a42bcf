import CheckInCore
import Testing

@testable import CheckInUI

/// The big result banners, pictured at 80×24 and 120×40.
@Suite struct ResultBannerSnapshotTests {
  @Test(arguments: Screens.sizes)
  func checkedIn(size: Size) {
    Snapshot.expect(Screens.render(Screens.checkedIn, size: size), named: "result-welcome")
  }

  /// A frozen plan: the member is sent to the desk.
  @Test(arguments: Screens.sizes)
  func seeDesk(size: Size) {
    Snapshot.expect(Screens.render(Screens.seeDesk, size: size), named: "result-see-desk")
  }

  /// No sessions left: a plain refusal.
  @Test(arguments: Screens.sizes)
  func refused(size: Size) {
    Snapshot.expect(Screens.render(Screens.refused, size: size), named: "result-refused")
  }

  @Test(arguments: Screens.sizes)
  func invalidCode(size: Size) {
    Snapshot.expect(Screens.render(Screens.invalidCode, size: size), named: "result-invalid-code")
  }
}
