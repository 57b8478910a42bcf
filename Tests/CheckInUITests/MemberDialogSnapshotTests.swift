import CheckInCore
import Testing

@testable import CheckInUI

/// The member pane and the Check-In Only / Deduct Session dialog, pictured at 80×24 and 120×40.
@Suite struct MemberDialogSnapshotTests {
  @Test(arguments: Screens.sizes)
  func sessionsPlan(size: Size) {
    Snapshot.expect(Screens.render(Scenes.dialog(Scenes.sara), size: size), named: "member-sara")
  }

  /// Birthday, staff notes, a plan ending within a week and the last sessions: four alerts.
  @Test(arguments: Screens.sizes)
  func alerts(size: Size) {
    Snapshot.expect(Screens.render(Scenes.dialog(Scenes.salma), size: size), named: "member-salma")
  }

  /// Deduct Session isn't offered on a time plan.
  @Test(arguments: Screens.sizes)
  func timePlan(size: Size) {
    Snapshot.expect(
      Screens.render(Scenes.dialog(Scenes.omar), size: size), named: "member-time-plan")
  }

  /// Mariam's second plan picked with Tab: the PT sessions, where Deduct is the default.
  @Test(arguments: Screens.sizes)
  func secondPlanPicked(size: Size) {
    let state = Scenes.dialog(Scenes.mariam, events: [.movePlan(1)])
    Snapshot.expect(Screens.render(state, size: size), named: "member-mariam-plan-2")
  }

  @Test(arguments: Screens.sizes)
  func submitting(size: Size) {
    Snapshot.expect(Screens.render(Screens.submitting, size: size), named: "submitting")
  }
}
