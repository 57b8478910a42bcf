import CheckInCore
import CheckInSQLite
import Foundation
import Testing

/// `countVisits(_:)` and `overview(_:timeZone:)`: today's figures counted by the store, whatever
/// the day's size, never from a capped list.
@Suite struct VisitCountTests {
  /// Writes visits straight into the file, as other stations would have: `times` at `branch`.
  private func insertVisits(
    _ store: LocalStore, at times: [Date], branch: Int64 = 1, voided: Bool = false
  ) throws {
    let database = store.database
    try database.transaction {
      for time in times {
        try database.run(
          """
          INSERT INTO attendance (customer_id, subscription_id, branch_id, check_in_time, action,
                                  deducted, station, voided_at)
          VALUES (201, NULL, ?, ?, 'check_in_only', 0, 'other-desk', ?)
          """, branch, time.storedMilliseconds,
          voided ? Optional(time.storedMilliseconds) : nil)
      }
    }
  }

  /// 5,000 visits between 06:00 and 22:00 (one every 11.52 s), with voided visits, another
  /// branch, and yesterday's and tomorrow's edges around them.
  @Test func aDayOfFiveThousandVisitsIsCountedWhole() throws {
    try withFixture { fixture in
      let store = fixture.store
      let start = Gym.at(hour: 6)
      let times = (0..<5000).map { start.addingTimeInterval(Double($0) * 11.52) }
      try insertVisits(store, at: times)
      try insertVisits(store, at: (0..<40).map { Gym.at(hour: 12, minute: $0) }, voided: true)
      try insertVisits(store, at: (0..<300).map { Gym.at(hour: 9, minute: $0 / 10) }, branch: 2)
      try insertVisits(
        store, at: [Gym.at(hour: 23, minute: 59, days: -1), Gym.at(hour: 0, days: 1)])

      let query = AttendanceQuery.day(of: Gym.morning, branchID: 1, timeZone: Gym.timeZone)
      let counts = try store.countVisits(query)
      #expect(counts.total == 5000)
      #expect(counts.perQuarter.reduce(0, +) == 5000)
      let overview = try store.overview(query, timeZone: Gym.timeZone)
      #expect(overview.tally.visits == 5000)
      var expected = Array(repeating: 0, count: 24)
      for time in times { expected[ClockText.hour(time, in: Gym.timeZone)] += 1 }
      #expect(overview.tally.perHour == expected)
      #expect(overview.tally.peak == 313)
      #expect(overview.newest.count == TodayList.window)
      #expect(overview.newest.first?.checkedInAt == times.last)
    }
  }

  @Test func voidingAVisitTakesItOutOfTheCount() throws {
    try withFixture { fixture in
      let store = fixture.store
      let receipt = try store.checkIn(fixture.request(201))
      let query = AttendanceQuery.day(of: Gym.morning, branchID: 1, timeZone: Gym.timeZone)
      #expect(try store.countVisits(query).total == 1)
      _ = try store.void(attendanceID: receipt.attendanceID)
      #expect(try store.countVisits(query) == VisitCounts(total: 0, perQuarter: []))
    }
  }

  /// A visit every 20 minutes of `day` in New York, from its first instant to its last, as the
  /// store counts them; and how long the day is.
  private func everyTwentyMinutes(on day: CalendarDay) throws -> (hours: Double, tally: DayTally) {
    let newYork = try #require(TimeZone(identifier: "America/New_York"))
    return try withFixture { fixture in
      let midnight = day.start(in: newYork)
      let until = day.adding(days: 1).start(in: newYork)
      let length = until.timeIntervalSince(midnight)
      let times = (0..<Int(length / 1200)).map { midnight.addingTimeInterval(Double($0) * 1200) }
      try insertVisits(fixture.store, at: times)
      let query = AttendanceQuery(branchID: 1, day: day, from: midnight, until: until)
      let counts = try fixture.store.countVisits(query)
      return (length / 3600, DayTally(day: day, counts: counts, from: midnight, timeZone: newYork))
    }
  }

  /// The night the clocks go back in New York (2026-11-01): 01:00–02:00 happens twice, and the
  /// day is 25 hours long. Its hour holds both hours' visits; the last hour is still 23.
  @Test func theNightTheClocksGoBackCountsTheRepeatedHourTwice() throws {
    let (hours, tally) = try everyTwentyMinutes(on: Gym.day(2026, 11, 1))
    #expect(hours == 25)
    #expect(tally.visits == 75)
    #expect(tally.perHour[1] == 6)
    #expect(tally.perHour.enumerated().allSatisfy { $0.offset == 1 || $0.element == 3 })
  }

  /// The night they go forward (2026-03-08): 02:00–03:00 never happens, the day is 23 hours.
  @Test func theNightTheClocksGoForwardHasNoSecondHour() throws {
    let (hours, tally) = try everyTwentyMinutes(on: Gym.day(2026, 3, 8))
    #expect(hours == 23)
    #expect(tally.visits == 69)
    #expect(tally.perHour[2] == 0)
    #expect(tally.perHour.enumerated().allSatisfy { $0.offset == 2 || $0.element == 3 })
  }
}
