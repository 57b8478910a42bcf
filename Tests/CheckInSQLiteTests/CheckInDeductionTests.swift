import CSQLite
import CheckInCore
import CheckInSQLite
import Foundation
import Testing

/// What `checkIn` writes: the visit, the deduction, and what the receipt reports back.
@Suite struct CheckInDeductionTests {
  /// One visit row as stored.
  struct Visit: Equatable {
    var memberID: Int64
    var planID: Int64?
    var branchID: Int64
    var time: Int64
    var action: String
    var deducted: Int
    var station: String
    var overrideRefusal: String?
    var overrideReason: String?
  }

  private func visit(_ fixture: Fixture, _ id: Int64) throws -> Visit? {
    try fixture.store.database.first(
      """
      SELECT customer_id, subscription_id, branch_id, check_in_time, action, deducted, station,
             override_refusal, override_reason
      FROM attendance WHERE id = ?
      """, id
    ) { row in
      Visit(
        memberID: row.int64(0), planID: row.optionalInt64(1), branchID: row.int64(2),
        time: row.int64(3), action: row.text(4), deducted: row.int(5), station: row.text(6),
        overrideRefusal: row.optionalText(7), overrideReason: row.optionalText(8))
    }
  }

  private var morningMilliseconds: Int64 { Int64(Gym.morning.timeIntervalSince1970 * 1000) }

  @Test func deductingASessionRecordsTheVisitAndTheCount() throws {
    try withFixture { fixture in
      let receipt = try fixture.store.checkIn(fixture.request(201))
      #expect(receipt.action == .deduct)
      #expect(receipt.deducted == 1)
      #expect(receipt.remaining == 2)
      #expect(try fixture.remaining(2011) == receipt.remaining)
      #expect(receipt.subscriptionID == 2011)
      #expect(receipt.kind == .sessions)
      #expect(receipt.memberID == 201)
      #expect(receipt.memberName == "Sara Nabil")
      #expect(receipt.checkedInAt == Gym.morning)
      #expect(receipt.discrepancy == nil)
      #expect(receipt.overrideReason == nil)
      let row = try visit(fixture, receipt.attendanceID)
      #expect(
        row
          == Visit(
            memberID: 201, planID: 2011, branchID: 1, time: morningMilliseconds,
            action: "check_in_with_deduction", deducted: 1, station: "desk-1"))
    }
  }

  @Test func deductingACoin() throws {
    try withFixture { fixture in
      let receipt = try fixture.store.checkIn(fixture.request(301))
      #expect(receipt.kind == .coins)
      #expect(receipt.deducted == 1)
      #expect(receipt.remaining == 1)
      #expect(try fixture.remaining(3011) == 1)
      #expect(try visit(fixture, receipt.attendanceID)?.action == "check_in_with_deduction")
    }
  }

  @Test func aTimePlanHasNothingToDeduct() throws {
    try withFixture { fixture in
      let receipt = try fixture.store.checkIn(fixture.request(302, action: .deduct))
      #expect(receipt.action == .checkInOnly)
      #expect(receipt.deducted == 0)
      #expect(receipt.remaining == nil)
      #expect(receipt.kind == .time)
      #expect(receipt.subscriptionID == 3021)
      #expect(receipt.discrepancy?.contains("Nothing to deduct") == true)
      let row = try #require(try visit(fixture, receipt.attendanceID))
      #expect(row.action == "check_in_only")
      #expect(row.deducted == 0)
      #expect(row.planID == 3021)
      #expect(try fixture.remaining(3021) == nil)
    }
  }

  @Test func checkInOnlyOnASessionsPlanDeductsNothing() throws {
    try withFixture { fixture in
      let receipt = try fixture.store.checkIn(fixture.request(201, action: .checkInOnly))
      #expect(receipt.action == .checkInOnly)
      #expect(receipt.deducted == 0)
      #expect(receipt.remaining == 3)
      #expect(receipt.discrepancy == nil)
      #expect(try fixture.remaining(2011) == 3)
      let row = try #require(try visit(fixture, receipt.attendanceID))
      #expect(row.action == "check_in_only")
      #expect(row.deducted == 0)
      #expect(row.planID == 2011)
    }
  }

  @Test func theStorePicksThePlanEndingSoonestUnlessOneIsChosen() throws {
    try withFixture { fixture in
      var anyTime = Gym.policy
      anyTime.duplicateWindow = 0
      let chosen = try fixture.store.checkIn(
        fixture.request(504, subscriptionID: 5042, policy: anyTime))
      #expect(chosen.subscriptionID == 5042)
      #expect(chosen.remaining == 4)
      #expect(try fixture.remaining(5041) == 1)
      let picked = try fixture.store.checkIn(fixture.request(504, policy: anyTime))
      #expect(picked.subscriptionID == 5041)
      #expect(picked.remaining == 0)
      #expect(try fixture.remaining(5042) == 4)
    }
  }

  @Test func aPlanUsedUpByAnotherStationSinceTheDialogIsRefused() throws {
    try withFixture { fixture in
      var anyTime = Gym.policy
      anyTime.duplicateWindow = 0
      let dialog = try fixture.store.lookUp(.member(504), policy: anyTime)
      #expect(dialog.subscriptions.first { $0.id == 5041 }?.remaining == 1)
      let otherStation = try fixture.openStation()
      _ = try otherStation.checkIn(fixture.request(504, subscriptionID: 5041, policy: anyTime))
      #expect(try fixture.remaining(5041) == 0)
      #expect(throws: BackendError.refused(.noSessions)) {
        try fixture.store.checkIn(fixture.request(504, subscriptionID: 5041, policy: anyTime))
      }
      #expect(try fixture.count("attendance") == 1)
      #expect(try fixture.remaining(5041) == 0)
      #expect(try fixture.remaining(5042) == 5)
    }
  }

  @Test func withoutADuplicateWindowEachCheckInDeductsExactlyOnce() throws {
    try withFixture { fixture in
      var anyTime = Gym.policy
      anyTime.duplicateWindow = 0
      var receipts: [Receipt] = []
      for _ in 0..<3 {
        receipts.append(try fixture.store.checkIn(fixture.request(201, policy: anyTime)))
      }
      #expect(receipts.map(\.remaining) == [2, 1, 0])
      #expect(receipts.map(\.deducted) == [1, 1, 1])
      #expect(Set(receipts.map(\.attendanceID)).count == 3)
      #expect(try fixture.count("attendance") == 3)
      #expect(
        try fixture.store.database.integer("SELECT sum(deducted) FROM attendance") == 3)
      #expect(throws: BackendError.refused(.noSessions)) {
        try fixture.store.checkIn(fixture.request(201, policy: anyTime))
      }
      #expect(try fixture.count("attendance") == 3)
      #expect(try fixture.remaining(2011) == 0)
    }
  }

  @Test func aStaffOverrideLetsAFrozenMemberInAndSaysWhy() throws {
    try withFixture { fixture in
      let override = StaffOverride(refusedAs: "FROZEN", reason: "manager approved")
      let receipt = try fixture.store.checkIn(
        fixture.request(404, action: .checkInOnly, subscriptionID: 4041, override: override))
      #expect(receipt.overrideReason == "manager approved")
      #expect(receipt.deducted == 0)
      let row = try #require(try visit(fixture, receipt.attendanceID))
      #expect(row.overrideRefusal == "FROZEN")
      #expect(row.overrideReason == "manager approved")
      #expect(row.planID == 4041)
      #expect(try fixture.remaining(4041) == 8)
    }
  }

  @Test func aStaffOverrideWorksForAMemberWithoutAPlan() throws {
    try withFixture { fixture in
      let override = StaffOverride(refusedAs: "NO_SUBSCRIPTION", reason: "trial day")
      let receipt = try fixture.store.checkIn(fixture.request(403, override: override))
      #expect(receipt.subscriptionID == nil)
      #expect(receipt.deducted == 0)
      let row = try #require(try visit(fixture, receipt.attendanceID))
      #expect(row.planID == nil)
      #expect(row.action == "check_in_only")
      #expect(row.overrideRefusal == "NO_SUBSCRIPTION")
      #expect(row.overrideReason == "trial day")
    }
  }

  @Test func remainingCanNeverGoBelowZero() throws {
    try withFixture { fixture throws in
      let error = #expect(throws: SQLiteError.self) {
        try fixture.store.database.run(
          "UPDATE subscriptions SET remaining = -1 WHERE id = ?", 2011)
      }
      #expect(error?.isConstraint == true)
      #expect(error?.extendedCode == SQLITE_CONSTRAINT | 1 << 8)  // SQLITE_CONSTRAINT_CHECK
      #expect(try fixture.remaining(2011) == 3)
    }
  }
}
