import Foundation
import Testing

@testable import CheckInCore

/// A scan from start to finish: lookup, dialog, check-in, banner, back to the scan field.
@Suite struct StationCheckInFlowTests {
  @Test func scanLookUpDeductAndReturnToReady() throws {
    var desk = Desk()
    let lookUpEffects = desk.send(.scanned("GYM-1\r\n"))
    let lookUp = try #require(lookUpEffects.lookUps.first)
    #expect(lookUpEffects == [.lookUp(lookUp.id, .idForm(code: "GYM-1", memberID: 1))])
    #expect(desk.state.phase.lookUp?.id == lookUp.id)

    #expect(desk.send(.lookedUp(lookUp.id, .success(Fixture.sara))) == [])
    let dialog = try #require(desk.state.phase.dialog)
    #expect(dialog.card == Fixture.sara)
    #expect(dialog.plan.id == 11)
    #expect(dialog.choice == .deduct, "the rules' default for a plan with sessions left")

    let submitEffects = desk.send(.choose(.deduct))
    let checkIn = try #require(submitEffects.checkIns.first)
    #expect(submitEffects == [.checkIn(checkIn.id, checkIn.request)])
    #expect(checkIn.id != lookUp.id)
    #expect(
      checkIn.request
        == CheckInRequest(
          memberID: 1, code: "GYM-1", subscriptionID: 11, action: .deduct, policy: desk.policy,
          station: "front-desk", requestedAt: desk.clock, memberName: "Sara Haddad",
          kind: .sessions))
    #expect(desk.state.phase.submission?.id == checkIn.id)

    let receipt = Fixture.receipt(for: checkIn.request, attendanceID: 501)
    let answerEffects = desk.send(.checkedIn(checkIn.id, .success(receipt)))
    #expect(answerEffects == [.announce(receipt), .signal(.checkedIn)])
    // The day's list shows the visit at once, without a reload.
    #expect(desk.state.today.entries.first?.id == receipt.attendanceID)
    #expect(desk.state.today.entries.first?.deducted == receipt.deducted)
    let banner = try #require(desk.state.phase.banner)
    #expect(banner.outcome == .checkedIn(receipt))
    #expect(banner.card == Fixture.sara)
    #expect(desk.state.lastCheckIn == receipt)

    desk.advance(desk.timing.result - 0.5)
    #expect(desk.send(.tick) == [])
    #expect(desk.state.phase.banner != nil, "the banner stays for its full time")
    desk.advance(0.5)
    #expect(desk.send(.tick) == [])
    #expect(desk.state.phase == .ready)
  }

  @Test func enterConfirmsTheHighlightedChoice() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-1", card: Fixture.sara)
    desk.send(.toggleChoice)
    let checkIn = try #require(desk.send(.submit).checkIns.first)
    #expect(checkIn.request.action == .checkInOnly)
    #expect(checkIn.request.subscriptionID == 11)
  }

  /// A store that did something other than asked gets the staff's attention.
  @Test func receiptWithDiscrepancySignalsStaff() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-1", card: Fixture.sara)
    let checkIn = try #require(desk.send(.choose(.checkInOnly)).checkIns.first)
    var receipt = Fixture.receipt(for: checkIn.request, attendanceID: 7)
    receipt.discrepancy = "the server deducted a session"
    #expect(
      desk.send(.checkedIn(checkIn.id, .success(receipt)))
        == [.announce(receipt), .signal(.needsStaff)])
  }

  @Test func unknownCodeShowsARefusalBanner() throws {
    var desk = Desk()
    let lookUp = try #require(desk.send(.scanned("GYM-9")).lookUps.first)
    let refusal = Refusal.notFound(code: "GYM-9")
    #expect(desk.send(.lookedUp(lookUp.id, .failure(.refused(refusal)))) == [.signal(.refused)])
    #expect(desk.state.phase.banner?.outcome == .refused(refusal, memberName: nil))
    #expect(desk.state.phase.banner?.card == nil)
  }

  /// The rules refuse a card the store found; the pane keeps showing who it was.
  @Test func ineligibleMemberShowsARefusalWithTheirName() throws {
    var desk = Desk()
    var card = Fixture.sara
    card.subscriptions = [Fixture.sessions(id: 11, status: .frozen)]
    let lookUp = try #require(desk.send(.scanned("GYM-1")).lookUps.first)
    #expect(desk.send(.lookedUp(lookUp.id, .success(card))) == [.signal(.needsStaff)])
    let banner = try #require(desk.state.phase.banner)
    #expect(banner.outcome == .refused(.frozen(reason: nil), memberName: "Sara Haddad"))
    #expect(banner.card == card)
  }

  @Test func invalidScanIsRefusedWithoutALookup() throws {
    var desk = Desk()
    #expect(desk.send(.scanned("GYM 1")) == [.signal(.refused)])
    let banner = try #require(desk.state.phase.banner)
    #expect(banner.outcome == .refused(.invalidCode(.containsSpaces), memberName: nil))
  }

  @Test func blankScanIsIgnored() {
    var desk = Desk()
    desk.send(.typed("12"))
    #expect(desk.send(.scanned("\r\n")) == [])
    #expect(desk.state.phase == .ready)
    #expect(desk.state.scanText == "12")
  }

  @Test func storeRefusingTheCheckInShowsTheRefusal() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-1", card: Fixture.sara)
    let checkIn = try #require(desk.send(.submit).checkIns.first)
    // Another station deducted her last session meanwhile.
    let refusal = Refusal.noSessions
    #expect(desk.send(.checkedIn(checkIn.id, .failure(.refused(refusal)))) == [.signal(.refused)])
    #expect(desk.state.phase.banner?.outcome == .refused(refusal, memberName: "Sara Haddad"))
    #expect(desk.state.phase.banner?.card == Fixture.sara)
    #expect(desk.state.lastCheckIn == nil)
  }

  /// Another station let her in a moment ago: she is in, which is news, not a refusal.
  @Test func storeFindingHerAlreadyInSaysSoCalmly() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-1", card: Fixture.sara)
    let checkIn = try #require(desk.send(.submit).checkIns.first)
    let since = desk.clock - 5
    let answer = desk.send(
      .checkedIn(checkIn.id, .failure(.refused(.duplicate(lastCheckIn: since)))))
    #expect(answer == [.signal(.alreadyIn)])
    #expect(desk.state.phase.banner?.outcome == .alreadyIn(since: since, memberName: "Sara Haddad"))
    #expect(desk.state.lastCheckIn == nil)
  }

  @Test func offlineLookupReturnsToReadyWithAnError() throws {
    var desk = Desk()
    let lookUp = try #require(desk.send(.scanned("GYM-1")).lookUps.first)
    let error = BackendError.offline("connection refused")
    #expect(desk.send(.lookedUp(lookUp.id, .failure(error))) == [.signal(.needsStaff)])
    #expect(desk.state.phase == .ready)
    #expect(desk.state.notice == Notice(error.message, tone: .error))
  }

  @Test func offlineCheckInSaysNothingWasRecorded() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-1", card: Fixture.sara)
    let checkIn = try #require(desk.send(.submit).checkIns.first)
    #expect(desk.send(.checkedIn(checkIn.id, .failure(.timedOut))) == [.signal(.needsStaff)])
    #expect(desk.state.phase == .ready)
    let notice = try #require(desk.state.notice)
    #expect(notice.tone == .error)
    #expect(notice.text.hasPrefix("Not checked in — Sara Haddad"))
    #expect(desk.state.lastCheckIn == nil)
  }

  /// The runtime answers a cancelled lookup with `.cancelled`; that is no error to show.
  @Test func cancelledLookupIsQuiet() throws {
    var desk = Desk()
    let lookUp = try #require(desk.send(.scanned("GYM-1")).lookUps.first)
    #expect(desk.send(.lookedUp(lookUp.id, .failure(.cancelled))) == [])
    #expect(desk.state.phase == .ready)
    #expect(desk.state.notice == nil)
  }

  @Test func todaysListIsSortedNewestFirst() {
    var desk = Desk()
    let entries = [0, 300, 120].map { offset in
      AttendanceEntry(
        id: Int64(offset), memberID: 1, memberName: "Sara",
        checkedInAt: Fixture.now + Double(offset),
        action: .deduct, deducted: 1, subscriptionID: 11, branchID: 1)
    }
    let overview = TodayOverview(
      listing: entries, day: CalendarDay(Fixture.now, in: Fixture.timeZone),
      timeZone: Fixture.timeZone)
    #expect(desk.send(.todayLoaded(.success(overview))) == [])
    #expect(desk.state.today.entries.map(\.id) == [300, 120, 0])
    #expect(desk.state.today.isLoaded)
    desk.send(.todayLoaded(.failure(.offline("down"))))
    #expect(desk.state.today.error == BackendError.offline("down").message)
    #expect(desk.state.today.entries.count == 3, "a failed reload keeps the last good list")
  }
}
