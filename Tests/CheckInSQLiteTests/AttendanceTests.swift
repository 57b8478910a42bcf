import CheckInCore
import CheckInSQLite
import Foundation
import Testing

/// `attendance(_:)`: one branch, one time range, newest first, voided visits included and marked.
@Suite struct AttendanceTests {
  @Test func theListHoldsOnlyTheBranchAndDayAskedFor() throws {
    try withFixture { fixture in
      let store = fixture.store
      var branchTwo = Gym.policy
      branchTwo.branchID = 2
      func visit(_ memberID: Int64, at time: Date, policy: CheckInPolicy = Gym.policy) throws
        -> Int64
      {
        fixture.clock.set(time)
        return try store.checkIn(fixture.request(memberID, policy: policy)).attendanceID
      }
      _ = try visit(201, at: Gym.at(hour: 23, minute: 59, days: -1))  // yesterday
      let first = try visit(202, at: Gym.at(hour: 0))  // the first instant of today
      let laila = try visit(203, at: Gym.at(hour: 9))
      _ = try visit(402, at: Gym.at(hour: 9, minute: 30), policy: branchTwo)
      let mona = try visit(301, at: Gym.at(hour: 10))
      let omar = try visit(115, at: Gym.at(hour: 11))
      _ = try visit(501, at: Gym.at(hour: 0, days: 1))  // the first instant of tomorrow
      _ = try store.void(attendanceID: mona)

      let today = try store.attendance(.day(of: Gym.morning, branchID: 1, timeZone: Gym.timeZone))
      #expect(today.map(\.id) == [omar, mona, laila, first])
      #expect(today.map(\.memberID) == [115, 301, 203, 202])
      #expect(today.map(\.isVoided) == [false, true, false, false])
      #expect(today.allSatisfy { $0.branchID == 1 })
      #expect(today.map(\.checkedInAt) == [11, 10, 9, 0].map { Gym.at(hour: $0) })
      let omarEntry = try #require(today.first)
      #expect(omarEntry.memberName == "Omar Haddad")
      #expect(omarEntry.action == .deduct)
      #expect(omarEntry.deducted == 1)
      #expect(omarEntry.subscriptionID == 1151)
      #expect(omarEntry.station == "desk-1")
      // What the visit took off, in its unit, and which station may undo it after a restart.
      #expect(omarEntry.kind == .sessions)
      #expect(omarEntry.deductedText == "−1 session")

      let other = try store.attendance(.day(of: Gym.morning, branchID: 2, timeZone: Gym.timeZone))
      #expect(other.map(\.memberID) == [402])
      let newest = try store.attendance(
        .day(of: Gym.morning, branchID: 1, timeZone: Gym.timeZone, limit: 2))
      #expect(newest.map(\.id) == [omar, mona])
    }
  }

  @Test func visitsAtTheSameInstantListTheLatestFirst() throws {
    try withFixture { fixture in
      var anyTime = Gym.policy
      anyTime.duplicateWindow = 0
      let ids = try (0..<3).map { _ in
        try fixture.store.checkIn(fixture.request(201, policy: anyTime)).attendanceID
      }
      let today = try fixture.store.attendance(
        .day(of: Gym.morning, branchID: 1, timeZone: Gym.timeZone))
      #expect(today.map(\.id) == ids.reversed())
    }
  }

  @Test func anOverrideReasonShowsInTheList() throws {
    try withFixture { fixture in
      let override = StaffOverride(refusedAs: "FROZEN", reason: "manager approved")
      _ = try fixture.store.checkIn(fixture.request(404, subscriptionID: 4041, override: override))
      let today = try fixture.store.attendance(
        .day(of: Gym.morning, branchID: 1, timeZone: Gym.timeZone))
      #expect(today.map(\.overrideReason) == ["manager approved"])
    }
  }
}
