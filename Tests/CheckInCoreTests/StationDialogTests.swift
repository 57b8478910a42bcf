import Foundation
import Testing

@testable import CheckInCore

/// The member dialog: which actions and plans it offers and what it sends.
@Suite struct StationDialogTests {
  /// Omar's time plan comes first; there is nothing to deduct on it.
  @Test func timePlanOffersCheckInOnly() throws {
    var desk = Desk()
    let dialog = try desk.openDialog(scanning: "GYM-2", card: Fixture.omar)
    #expect(dialog.plans.map(\.id) == [21, 22])
    #expect(dialog.plan.kind == .time)
    #expect(dialog.choice == .checkInOnly)
    #expect(!dialog.canDeduct)
  }

  @Test func deductKeyDoesNothingOnATimePlan() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-2", card: Fixture.omar)
    let before = desk.state
    #expect(desk.send(.choose(.deduct)) == [])
    #expect(desk.state == before)
    #expect(desk.send(.toggleChoice) == [])
    #expect(desk.state == before)
  }

  @Test func checkInOnlyOnATimePlanIsSent() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-2", card: Fixture.omar)
    let checkIn = try #require(desk.send(.submit).checkIns.first)
    #expect(checkIn.request.action == .checkInOnly)
    #expect(checkIn.request.subscriptionID == 21)
    #expect(checkIn.request.memberID == 2)
  }

  @Test func movePlanCyclesAndResetsTheDefaultAction() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-2", card: Fixture.omar)
    desk.send(.movePlan(1))
    #expect(desk.state.phase.dialog?.plan.id == 22)
    #expect(desk.state.phase.dialog?.choice == .deduct)

    desk.send(.toggleChoice)
    #expect(desk.state.phase.dialog?.choice == .checkInOnly)
    desk.send(.movePlan(1))
    #expect(desk.state.phase.dialog?.plan.id == 21, "past the last plan it wraps to the first")
    desk.send(.movePlan(-1))
    #expect(desk.state.phase.dialog?.plan.id == 22, "before the first plan it wraps to the last")
    #expect(desk.state.phase.dialog?.choice == .deduct, "moving restores the plan's default")
    desk.send(.movePlan(5))
    #expect(desk.state.phase.dialog?.plan.id == 21)
  }

  @Test func deductOnTheSecondPlanNamesThatPlan() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-2", card: Fixture.omar)
    desk.send(.movePlan(1))
    let checkIn = try #require(desk.send(.choose(.deduct)).checkIns.first)
    #expect(checkIn.request.action == .deduct)
    #expect(checkIn.request.subscriptionID == 22)
  }

  @Test func singlePlanDoesNotMove() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-1", card: Fixture.sara)
    let before = desk.state
    desk.send(.movePlan(1))
    desk.send(.movePlan(-1))
    #expect(desk.state == before)
  }

  @Test func toggleSwitchesBothWaysWhereDeductIsOffered() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-1", card: Fixture.sara)
    desk.send(.toggleChoice)
    #expect(desk.state.phase.dialog?.choice == .checkInOnly)
    desk.send(.toggleChoice)
    #expect(desk.state.phase.dialog?.choice == .deduct)
  }

  @Test func dialogKeysOutsideTheDialogDoNothing() {
    var desk = Desk()
    for event: StationEvent in [
      .choose(.deduct), .choose(.checkInOnly), .toggleChoice, .movePlan(1),
    ] {
      #expect(desk.send(event) == [])
      #expect(desk.state == StationState())
    }
  }

  /// The scanned code travels with the check-in, as typed after trimming.
  @Test func requestCarriesTheScannedCode() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: " cust-1\t", card: Fixture.sara)
    let checkIn = try #require(desk.send(.submit).checkIns.first)
    #expect(checkIn.request.code == "cust-1")
  }

  /// A second confirmation while the first is being written must not write again.
  @Test func confirmingTwiceSendsOneCheckIn() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-1", card: Fixture.sara)
    #expect(desk.send(.submit).checkIns.count == 1)
    #expect(desk.send(.submit) == [])
    #expect(desk.send(.choose(.deduct)) == [])
    #expect(desk.send(.choose(.checkInOnly)) == [])
  }
}
