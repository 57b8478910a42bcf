import CheckInCore
import CheckInSQLite
import Foundation
import Testing

/// `void(attendanceID:)`: the visit stays, marked, and the plan gets back what it gave.
@Suite struct VoidTests {
  private func voidedAt(_ fixture: Fixture, _ id: Int64) throws -> Int64? {
    try fixture.store.database.integer("SELECT voided_at FROM attendance WHERE id = ?", id)
  }

  @Test func voidingGivesBackTheDeductedSession() throws {
    try withFixture { fixture in
      let receipt = try fixture.store.checkIn(fixture.request(201))
      #expect(try fixture.remaining(2011) == 2)
      fixture.clock.advance(seconds: 300)
      let undo = try fixture.store.void(attendanceID: receipt.attendanceID)
      #expect(undo.attendanceID == receipt.attendanceID)
      #expect(undo.memberID == 201)
      #expect(undo.memberName == "Sara Nabil")
      #expect(undo.restored == 1)
      #expect(undo.kind == .sessions)
      #expect(undo.remaining == 3)
      #expect(undo.voidedAt == fixture.clock.now)
      #expect(try fixture.remaining(2011) == 3)
      #expect(try fixture.count("attendance") == 1)
      let expected = Int64(fixture.clock.now.timeIntervalSince1970 * 1000)
      #expect(try voidedAt(fixture, receipt.attendanceID) == expected)
      let today = try fixture.store.attendance(
        .day(of: fixture.clock.now, branchID: 1, timeZone: Gym.timeZone))
      #expect(today.map(\.id) == [receipt.attendanceID])
      #expect(today.map(\.isVoided) == [true])
    }
  }

  @Test func voidingACoinVisitGivesTheCoinBack() throws {
    try withFixture { fixture in
      let receipt = try fixture.store.checkIn(fixture.request(301))
      let undo = try fixture.store.void(attendanceID: receipt.attendanceID)
      #expect(undo.restored == 1)
      #expect(undo.kind == .coins)
      #expect(try fixture.remaining(3011) == 2)
    }
  }

  @Test func voidingAVisitThatDeductedNothingGivesNothingBack() throws {
    try withFixture { fixture in
      var anyTime = Gym.policy
      anyTime.duplicateWindow = 0
      let only = try fixture.store.checkIn(
        fixture.request(201, action: .checkInOnly, policy: anyTime))
      let undoOnly = try fixture.store.void(attendanceID: only.attendanceID)
      #expect(undoOnly.restored == 0)
      #expect(undoOnly.remaining == 3)
      #expect(try fixture.remaining(2011) == 3)
      let time = try fixture.store.checkIn(fixture.request(302))
      let undoTime = try fixture.store.void(attendanceID: time.attendanceID)
      #expect(undoTime.restored == 0)
      #expect(undoTime.kind == .time)
      #expect(undoTime.remaining == nil)
      #expect(try fixture.remaining(3021) == nil)
    }
  }

  @Test func aSecondVoidFailsAndGivesNothingBackTwice() throws {
    try withFixture { fixture in
      let receipt = try fixture.store.checkIn(fixture.request(201))
      fixture.clock.set(Gym.at(hour: 10, minute: 5))
      _ = try fixture.store.void(attendanceID: receipt.attendanceID)
      fixture.clock.advance(seconds: 600)
      let error = #expect(throws: BackendError.self) {
        try fixture.store.void(attendanceID: receipt.attendanceID)
      }
      guard case .notFound(let message) = try #require(error) else {
        Issue.record("expected notFound, got \(String(describing: error))")
        return
      }
      #expect(message.contains("already voided"))
      #expect(message.contains("#\(receipt.attendanceID)"))
      #expect(message.contains("2026-03-10 10:05"))
      #expect(try fixture.remaining(2011) == 3)
      let expected = Int64(Gym.at(hour: 10, minute: 5).timeIntervalSince1970 * 1000)
      #expect(try voidedAt(fixture, receipt.attendanceID) == expected)
    }
  }

  @Test func voidingAnUnknownVisitIsNotFound() throws {
    try withFixture { fixture in
      let error = #expect(throws: BackendError.self) {
        try fixture.store.void(attendanceID: 4242)
      }
      guard case .notFound(let message) = try #require(error) else {
        Issue.record("expected notFound, got \(String(describing: error))")
        return
      }
      #expect(message.contains("#4242"))
      #expect(try fixture.count("attendance") == 0)
    }
  }

  @Test func aVoidedVisitNoLongerCountsAsADuplicate() throws {
    try withFixture { fixture in
      let receipt = try fixture.store.checkIn(fixture.request(201))
      _ = try fixture.store.void(attendanceID: receipt.attendanceID)
      fixture.clock.advance(seconds: 10)
      let again = try fixture.store.checkIn(fixture.request(201))
      #expect(again.remaining == 2)
      #expect(again.attendanceID != receipt.attendanceID)
    }
  }
}
