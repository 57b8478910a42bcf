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
    #expect(frame.find("Check-In Only") != nil)
    #expect(frame.find("▸ Deduct Session ◂") != nil)
    #expect(frame.find("12 Sessions") != nil)
  }

  /// Six rows for the pane: the second plan, once chosen, must still show with what is left.
  @Test func theChosenPlanShowsAtTheMinimum() throws {
    let state = Scenes.dialog(Scenes.mariam, events: [.movePlan(1)])
    let frame = Screens.render(state, size: StationView.minimumSize)
    Snapshot.expect(frame, named: "member-mariam-second-plan")
    let chosen = try #require(frame.find("▸ 8 PT Sessions"), "the chosen plan is off screen")
    #expect(frame.lines[chosen.y].contains("2/8"))
  }

  /// Staff notes and the birthday must not fall off a small terminal.
  @Test func alertsShowAtTheMinimum() {
    let frame = Screens.render(Scenes.dialog(Scenes.salma), size: StationView.minimumSize)
    Snapshot.expect(frame, named: "member-salma-alerts")
    #expect(frame.find("▸ 12 Sessions") != nil)
    #expect(frame.find("Knee injury") != nil, "the staff note")
    #expect(frame.find("Birthday today") != nil)
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
