import Foundation
import Testing

@testable import CheckInCore

/// Scans that arrive while the station is busy, and answers that arrive too late.
@Suite struct StationInterruptionTests {
  /// The old member walked away: nothing is recorded for them, the new member is looked up.
  @Test func scanMidDialogStartsOverWithTheNewMember() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-1", card: Fixture.sara)
    let effects = desk.send(.scanned("GYM-2"))
    let lookUp = try #require(effects.lookUps.first)
    #expect(effects == [.lookUp(lookUp.id, .idForm(code: "GYM-2", memberID: 2))])
    #expect(effects.checkIns.isEmpty)

    desk.send(.lookedUp(lookUp.id, .success(Fixture.omar)))
    #expect(desk.state.phase.dialog?.card == Fixture.omar)
    #expect(desk.state.lastCheckIn == nil)
  }

  @Test func scanDuringALookupCancelsIt() throws {
    var desk = Desk()
    let first = try #require(desk.send(.scanned("GYM-1")).lookUps.first)
    let effects = desk.send(.scanned("GYM-2"))
    let second = try #require(effects.lookUps.first)
    #expect(
      effects == [.cancel(first.id), .lookUp(second.id, .idForm(code: "GYM-2", memberID: 2))])

    let before = desk.state
    #expect(desk.send(.lookedUp(first.id, .success(Fixture.sara))) == [])
    #expect(desk.state == before, "the superseded answer changes nothing")
  }

  /// The write may already be committed; the next member waits for its outcome.
  @Test func scanDuringSubmittingIsQueuedAndLookedUpAfterTheAnswer() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-1", card: Fixture.sara)
    let checkIn = try #require(desk.send(.submit).checkIns.first)
    let submitting = desk.state.phase

    #expect(desk.send(.scanned("GYM-2")) == [])
    #expect(desk.state.phase == submitting)
    #expect(desk.state.queuedScan == "GYM-2")

    let receipt = Fixture.receipt(for: checkIn.request, attendanceID: 77)
    #expect(
      desk.send(.checkedIn(checkIn.id, .success(receipt))) == [
        .announce(receipt), .signal(.checkedIn),
      ])
    // The banner has its second on screen first, so the desk sees what was recorded.
    #expect(desk.state.phase.banner != nil)
    #expect(desk.state.queuedScan == "GYM-2")
    #expect(Station.nextDeadline(desk.state, desk.context) == desk.clock + 1)
    desk.advance(1)
    let effects = desk.send(.tick)
    let next = try #require(effects.lookUps.first)
    #expect(effects == [.lookUp(next.id, .idForm(code: "GYM-2", memberID: 2))])
    #expect(desk.state.phase.lookUp?.id == next.id)
    #expect(desk.state.queuedScan == nil)
    #expect(desk.state.lastCheckIn == receipt)
    #expect(desk.state.notice == Notice(ResultText.summary(of: receipt), tone: .success))
  }

  @Test func scanQueuedBehindAFailedWriteIsStillLookedUp() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-1", card: Fixture.sara)
    let checkIn = try #require(desk.send(.submit).checkIns.first)
    desk.send(.scanned("GYM-2"))
    let effects = desk.send(.checkedIn(checkIn.id, .failure(.offline("down"))))
    let next = try #require(effects.lookUps.first)
    #expect(
      effects == [.signal(.needsStaff), .lookUp(next.id, .idForm(code: "GYM-2", memberID: 2))])
    #expect(desk.state.notice?.tone == .error, "the failure stays on the notice line")
  }

  /// The next member's card replaces a refusal banner at once; the notice line must still say
  /// that the first member was not checked in.
  @Test func aRefusalAheadOfAQueuedScanStaysOnTheNoticeLine() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-1", card: Fixture.sara)
    let checkIn = try #require(desk.send(.submit).checkIns.first)
    desk.send(.scanned("GYM-2"))
    desk.send(.checkedIn(checkIn.id, .failure(.refused(.noSessions))))
    desk.advance(1)
    let effects = desk.send(.tick)
    #expect(effects.lookUps.count == 1)
    let notice = try #require(desk.state.notice)
    #expect(notice.tone == .error)
    #expect(notice.text.hasPrefix("Not checked in — "))
    #expect(notice.text.contains("Sara Haddad"))
  }

  /// A login asked for in the middle of a check-in retries it first; the scan behind it waits
  /// for the login, and is looked up once the prompt is dismissed.
  @Test func aQueuedScanWaitsForTheLoginPrompt() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-1", card: Fixture.sara)
    let checkIn = try #require(desk.send(.submit).checkIns.first)
    desk.send(.scanned("GYM-2"))
    let effects = desk.send(.checkedIn(checkIn.id, .failure(.unauthorized)))
    #expect(effects.lookUps.isEmpty)
    guard case .loggingIn = desk.state.phase else {
      Issue.record("expected the login prompt, got \(desk.state.phase)")
      return
    }
    #expect(desk.state.queuedScan == "GYM-2")
    let after = desk.send(.cancel)
    #expect(after.lookUps.map(\.payload) == [.idForm(code: "GYM-2", memberID: 2)])
    #expect(desk.state.queuedScan == nil)
  }

  @Test func staleCheckInAnswerChangesNothing() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-1", card: Fixture.sara)
    let checkIn = try #require(desk.send(.submit).checkIns.first)
    let before = desk.state
    let stale = RequestID(checkIn.id.value + 100)
    let receipt = Fixture.receipt(for: checkIn.request, attendanceID: 1)
    #expect(desk.send(.checkedIn(stale, .success(receipt))) == [])
    #expect(desk.send(.lookedUp(checkIn.id, .success(Fixture.sara))) == [])
    #expect(desk.send(.voided(checkIn.id, .failure(.offline("x")))) == [])
    #expect(desk.send(.searched(checkIn.id, .success(Fixture.page("s")))) == [])
    #expect(desk.state == before)
  }

  /// An answer for an earlier round of the same member must not land on the new dialog.
  @Test func answerToAnEarlierLookupDoesNotReplaceTheDialog() throws {
    var desk = Desk()
    let first = try #require(desk.send(.scanned("GYM-1")).lookUps.first)
    desk.send(.lookedUp(first.id, .success(Fixture.sara)))
    let dialogState = desk.state
    #expect(desk.send(.lookedUp(first.id, .success(Fixture.omar))) == [])
    #expect(desk.state == dialogState)
  }

  @Test func answersInReadyChangeNothing() {
    var desk = Desk()
    let before = desk.state
    let receipt = Fixture.receipt(
      for: CheckInRequest(
        memberID: 1, code: nil, subscriptionID: 11, action: .deduct, policy: desk.policy,
        station: "x", requestedAt: desk.clock), attendanceID: 1)
    let answers: [StationEvent] = [
      .lookedUp(RequestID(1), .success(Fixture.sara)), .checkedIn(RequestID(1), .success(receipt)),
      .searched(RequestID(1), .success(Fixture.page("s"))),
      .voided(RequestID(1), .success(Fixture.voidReceipt(of: receipt, at: desk.clock))),
    ]
    for answer in answers {
      #expect(desk.send(answer) == [])
      #expect(desk.state == before)
    }
  }
}
