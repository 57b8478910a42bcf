import CheckInCore
import Testing

@testable import CheckInUI

/// Below 60×16 the station says so; at 60×16 it still draws the whole layout.
@Suite struct MinimumSizeSnapshotTests {
  @Test(arguments: [Size(width: 59, height: 16), Size(width: 60, height: 15)])
  func tooSmall(size: Size) {
    let frame = Screens.render(Scenes.dialog(Scenes.sara), size: size)
    Snapshot.expect(frame, named: "too-small")
    #expect(frame.find("Terminal too small (\(size))") != nil)
    #expect(frame.find("Sara") == nil, "no layout is drawn in a terminal too small for it")
  }

  @Test func memberDialogAtTheMinimum() {
    let frame = Screens.render(Scenes.dialog(Scenes.sara), size: StationView.minimumSize)
    Snapshot.expect(frame, named: "member-sara")
    #expect(frame.find("Sara Haddad") != nil)
    #expect(frame.find("[1] Check-In Only") != nil)
    #expect(frame.find("[2] Deduct Session") != nil)
    #expect(frame.find("12 Sessions") != nil)
  }

  /// At the narrowest the plan line has no room for the whole end date: it must not show a
  /// date cut in half ("to 2027-01-0"), which reads as another day.
  @Test func noDateIsCutInHalfAtTheMinimum() throws {
    let frame = Screens.render(Scenes.dialog(Scenes.sara), size: StationView.minimumSize)
    let plan = try #require(frame.find("▸ 12 Sessions"))
    let line = frame.lines[plan.y]
    #expect(line.contains("to 2027-01-04") || !line.contains("· to"), "\(line)")
  }
}
