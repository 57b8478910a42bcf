import Foundation

/// A day's visits as the store counts them: the total and how they fall in quarter hours from
/// the start of the range. Quarter hours, not hours, because the store knows instants and the
/// station knows clocks: every time zone's offset is a whole number of quarters, so each quarter
/// lies in one local hour whatever the offset or a daylight-saving change does to the day.
public struct VisitCounts: Hashable, Sendable {
  /// Visits in the range, voided ones left out.
  public var total: Int
  /// Visits per 15 minutes from the range's start; trailing quarters without visits may be
  /// missing.
  public var perQuarter: [Int]

  public init(total: Int, perQuarter: [Int]) {
    self.total = total
    self.perQuarter = perQuarter
  }

  public static let quarter: TimeInterval = 15 * 60

  /// Counts `times` that fall in `from..<until`: for stores that only list visits.
  public init(times: some Sequence<Date>, from: Date, until: Date) {
    self.init(total: 0, perQuarter: [])
    for time in times where time >= from && time < until { add(time, from: from) }
  }

  /// One more visit at `time`, in the range starting at `from` (which it must not precede).
  public mutating func add(_ time: Date, from: Date) {
    let index = max(0, Int(time.timeIntervalSince(from) / Self.quarter))
    if index >= perQuarter.count {
      perQuarter += Array(repeating: 0, count: index - perQuarter.count + 1)
    }
    perQuarter[index] += 1
    total += 1
  }
}

/// The day's figures the station shows: how many visits, and how many in each hour of the clock.
/// On the night the clocks go back the repeated hour holds both of its visits; on the night they
/// go forward the skipped hour holds none.
public struct DayTally: Hashable, Sendable {
  public var day: CalendarDay
  public var visits: Int
  /// Visits per local clock hour, 00 to 23.
  public var perHour: [Int]

  public init(day: CalendarDay) {
    self.day = day
    visits = 0
    perHour = Array(repeating: 0, count: 24)
  }

  /// The store's counts for the range starting at `from`, on the station's clock.
  public init(day: CalendarDay, counts: VisitCounts, from: Date, timeZone: TimeZone) {
    self.init(day: day)
    visits = counts.total
    for (index, count) in counts.perQuarter.enumerated() where count > 0 {
      let start = from.addingTimeInterval(Double(index) * VisitCounts.quarter)
      perHour[ClockText.hour(start, in: timeZone)] += count
    }
  }

  /// The busiest hour's visits.
  public var peak: Int { perHour.max() ?? 0 }

  /// A visit recorded (`+1`) or voided (`-1`) since the store counted, when it falls on this day.
  public mutating func add(_ change: Int, at time: Date, in timeZone: TimeZone) {
    guard CalendarDay(time, in: timeZone) == day else { return }
    visits = max(0, visits + change)
    let hour = ClockText.hour(time, in: timeZone)
    perHour[hour] = max(0, perHour[hour] + change)
  }
}

/// What the station's today panel is loaded with: the day's figures and its newest visits.
public struct TodayOverview: Hashable, Sendable {
  public var tally: DayTally
  /// The newest visits, newest first, at most `TodayList.window` of them.
  public var newest: [AttendanceEntry]

  public init(tally: DayTally, newest: [AttendanceEntry]) {
    self.tally = tally
    self.newest = newest
  }

  /// The day as a list of all its visits shows it: for a store that can only list, and tests.
  public init(listing entries: [AttendanceEntry], day: CalendarDay, timeZone: TimeZone) {
    let from = day.start(in: timeZone)
    let counts = VisitCounts(
      times: entries.lazy.filter { !$0.isVoided }.map(\.checkedInAt), from: from,
      until: day.adding(days: 1).start(in: timeZone))
    self.init(
      tally: DayTally(day: day, counts: counts, from: from, timeZone: timeZone),
      newest: Array(
        entries.sorted { $0.checkedInAt > $1.checkedInAt }.prefix(TodayList.window)))
  }
}
