import Foundation
import Testing

@testable import CheckInCore

/// Voiding this station's last check-in.
@Suite struct StationUndoTests {
  @Test func undoWithinTheWindowAsksThenVoids() throws {
    var desk = Desk()
    let receipt = try desk.checkInSara(attendanceID: 41)
    desk.advance(60)
    #expect(desk.send(.undoLast) == [])
    guard case .confirmingUndo(let prompt) = desk.state.phase else {
      Issue.record("expected the undo prompt, got \(desk.state.phase)")
      return
    }
    #expect(prompt.target == VoidTarget(receipt))

    let effects = desk.send(.submit)
    let void = try #require(effects.voids.first)
    #expect(effects == [.void(void.id, attendanceID: 41)])
    #expect(desk.state.phase == .undoing(void.id, VoidTarget(receipt)))

    let voided = Fixture.voidReceipt(of: receipt, at: desk.clock)
    #expect(desk.send(.voided(void.id, .success(voided))) == [])
    #expect(desk.state.today.entries.first { $0.id == 41 }?.isVoided == true)
    #expect(desk.state.phase == .ready)
    #expect(desk.state.lastCheckIn == nil)
    #expect(desk.state.notice == Notice(ResultText.summary(of: voided), tone: .success))
  }

  @Test func undoIsAllowedUpToTheEdgeOfTheWindow() throws {
    var desk = Desk()
    _ = try desk.checkInSara()
    desk.advance(desk.timing.undoWindow)
    desk.send(.undoLast)
    guard case .confirmingUndo = desk.state.phase else {
      Issue.record("expected the undo prompt, got \(desk.state.phase)")
      return
    }
  }

  @Test func undoTooLateOnlyWarns() throws {
    var desk = Desk()
    let receipt = try desk.checkInSara(attendanceID: 41)
    desk.advance(desk.timing.undoWindow + 1)
    #expect(desk.send(.undoLast) == [])
    #expect(desk.state.phase == .ready)
    let notice = try #require(desk.state.notice)
    #expect(notice.tone == .warning)
    #expect(notice.text.contains("checkin void 41"))
    #expect(desk.state.lastCheckIn == receipt)
  }

  @Test func nothingToUndoSaysSo() throws {
    var desk = Desk()
    #expect(desk.send(.undoLast) == [])
    #expect(desk.state.phase == .ready)
    #expect(desk.state.notice?.tone == .warning)
  }

  @Test func failedVoidKeepsTheCheckInUndoable() throws {
    var desk = Desk()
    let receipt = try desk.checkInSara()
    desk.send(.undoLast)
    let void = try #require(desk.send(.submit).voids.first)
    #expect(desk.send(.voided(void.id, .failure(.offline("down")))) == [.signal(.needsStaff)])
    #expect(desk.state.phase == .ready)
    #expect(desk.state.notice?.tone == .error)
    #expect(desk.state.lastCheckIn == receipt)
  }

  @Test func escapeDeclinesTheUndo() throws {
    var desk = Desk()
    let receipt = try desk.checkInSara()
    desk.send(.undoLast)
    #expect(desk.send(.cancel) == [])
    #expect(desk.state.phase == .ready)
    #expect(desk.state.lastCheckIn == receipt)
  }

  /// A scan while the void is being written waits for it, as during a check-in.
  @Test func scanDuringUndoingIsQueued() throws {
    var desk = Desk()
    let receipt = try desk.checkInSara()
    desk.send(.undoLast)
    let void = try #require(desk.send(.submit).voids.first)
    #expect(desk.send(.scanned("GYM-2")) == [])
    #expect(desk.send(.cancel) == [], "the write can't be abandoned")
    let effects = desk.send(
      .voided(void.id, .success(Fixture.voidReceipt(of: receipt, at: desk.clock))))
    let lookUp = try #require(effects.lookUps.first)
    #expect(effects == [.lookUp(lookUp.id, .idForm(code: "GYM-2", memberID: 2))])
  }
}
