import Foundation
import Testing

@testable import CheckInCore

/// Plan days: parsing, arithmetic across years and leap days, and the local day of an instant.
@Suite struct CalendarDayTests {
  @Test(arguments: [
    "2024-02-29", "2000-02-29", "2026-12-31", "0001-01-01", "9999-12-31", "1970-01-01",
  ])
  func validDaysRoundTripThroughText(text: String) throws {
    let day = try #require(CalendarDay(iso: text))
    #expect(day.description == text)
  }

  @Test(arguments: [
    "2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
    "0000-01-01",
  ])
  func impossibleDatesAreRejected(text: String) {
    #expect(CalendarDay(iso: text) == nil)
  }

  @Test(arguments: [
    "", "2026", "2026-01", "2026-1-01", "2026-01-1", "26-01-01", "2026/01/01", "2026-01-01-01",
    "2026-01-01T00:00", " 2026-01-01", "2026-01-01\n", "+202-01-01", "2026-0a-01",
    "\u{0662}\u{0660}\u{0662}\u{0666}-01-01", "\u{FF12}\u{FF10}\u{FF12}\u{FF16}-01-01",
  ])
  func badShapesAreRejected(text: String) {
    #expect(CalendarDay(iso: text) == nil)
  }

  @Test func fieldsAreParsed() throws {
    let day = try #require(CalendarDay(iso: "2024-02-29"))
    #expect((day.year, day.month, day.day) == (2024, 2, 29))
  }

  /// Foundation's Gregorian calendar is the reference for every day from 1996 to 2032, and for
  /// samples across four centuries.
  @Test func ordinalMatchesFoundationCalendar() throws {
    let epoch = try #require(CalendarDay(year: 1970, month: 1, day: 1))
    #expect(epoch.ordinal == 0)
    let daily = Array(9_496...22_644)  // 1996-01-01 ... 2031-12-31
    let sampled = Array(stride(from: -135_140, through: 157_000, by: 97))
    var mismatches: [Int] = []
    for offset in daily + sampled {
      // Noon UTC: far from any day boundary.
      let date = Date(timeIntervalSince1970: Double(offset) * 86_400 + 43_200)
      let day = CalendarDay(date, in: .gmt)
      if day.ordinal != offset || epoch.adding(days: offset) != day { mismatches.append(offset) }
    }
    #expect(mismatches.isEmpty, "first mismatching ordinals: \(mismatches.prefix(5))")
  }

  @Test(arguments: [
    ("2024-02-28", 1, "2024-02-29"), ("2024-02-28", 2, "2024-03-01"),
    ("2023-02-28", 1, "2023-03-01"),
    ("2100-02-28", 1, "2100-03-01"), ("2000-02-28", 1, "2000-02-29"),
    ("2025-12-31", 1, "2026-01-01"),
    ("2024-03-01", -1, "2024-02-29"), ("2026-01-01", -1, "2025-12-31"),
    ("2024-01-01", 366, "2025-01-01"),
    ("2023-01-01", 365, "2024-01-01"), ("2026-03-10", 0, "2026-03-10"),
  ])
  func addingCrossesMonthsYearsAndLeapDays(start: String, count: Int, expected: String) throws {
    let day = try #require(CalendarDay(iso: start))
    #expect(day.adding(days: count).description == expected)
    #expect(day.days(until: day.adding(days: count)) == count)
  }

  @Test func addingAndSubtractingRoundTrip() throws {
    let start = try #require(CalendarDay(iso: "2024-02-29"))
    for count in stride(from: -2000, through: 2000, by: 7) {
      let moved = start.adding(days: count)
      #expect(moved.adding(days: -count) == start)
      #expect(start.days(until: moved) == count)
      #expect(moved.days(until: start) == -count)
      #expect((moved < start) == (count < 0))
    }
  }

  /// UTC+3 (Riyadh, Baghdad): 21:30 UTC is already tomorrow.
  @Test func localDayEastOfUTCTurnsAtLocalMidnight() throws {
    let east = try #require(TimeZone(secondsFromGMT: 3 * 3600))
    let midnight = Date(timeIntervalSince1970: 1_773_090_000)  // 2026-03-09 21:00 UTC
    #expect(CalendarDay(midnight - 1, in: east).description == "2026-03-09")
    #expect(CalendarDay(midnight, in: east).description == "2026-03-10")
    #expect(CalendarDay(midnight - 1, in: .gmt).description == "2026-03-09")
    #expect(CalendarDay(midnight + 2 * 3600, in: .gmt).description == "2026-03-09")
  }

  @Test func localDayWestOfUTCLagsBehind() throws {
    let west = try #require(TimeZone(secondsFromGMT: -5 * 3600))
    let early = Date(timeIntervalSince1970: 1_773_118_799)  // 2026-03-10 04:59:59 UTC
    #expect(CalendarDay(early, in: west).description == "2026-03-09")
    #expect(CalendarDay(early + 1, in: west).description == "2026-03-10")
    #expect(CalendarDay(early, in: .gmt).description == "2026-03-10")
  }

  @Test func startIsLocalMidnightOfTheSameDay() throws {
    let east = try #require(TimeZone(secondsFromGMT: 3 * 3600))
    let day = try #require(CalendarDay(iso: "2026-03-10"))
    let start = day.start(in: east)
    #expect(start == Date(timeIntervalSince1970: 1_773_090_000))
    #expect(CalendarDay(start, in: east) == day)
    #expect(CalendarDay(start - 1, in: east) == day.adding(days: -1))
  }

  @Test func orderFollowsTheCalendar() throws {
    let days = try ["2025-12-31", "2026-01-01", "2026-01-02", "2026-02-01", "2027-01-01"].map {
      try #require(CalendarDay(iso: $0))
    }
    #expect(days.sorted() == days)
    #expect(days.reversed().sorted() == days)
    #expect(zip(days, days.dropFirst()).allSatisfy { $0.ordinal < $1.ordinal })
  }
}
