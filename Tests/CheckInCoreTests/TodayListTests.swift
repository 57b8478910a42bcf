import Foundation
import Testing

@testable import CheckInCore

/// Today's panel in the state: the store's figures, a bounded window of visits, and a new day at
/// the station's midnight without a restart.
@Suite struct TodayListTests {
  func entry(_ id: Int64, at time: Date, voided: Bool = false) -> AttendanceEntry {
    AttendanceEntry(
      id: id, memberID: 1, memberName: "Sara", checkedInAt: time, action: .checkInOnly,
      deducted: 0, subscriptionID: 11, branchID: 1, isVoided: voided)
  }

  /// The store counted 2,551 visits and sent the newest 100: the panel says 2,551.
  func busyDay(_ desk: inout Desk) {
    let counts = VisitCounts(total: 2551, perQuarter: Array(repeating: 0, count: 40) + [2551])
    let tally = DayTally(
      day: Fixture.today, counts: counts, from: Fixture.today.start(in: Fixture.timeZone),
      timeZone: Fixture.timeZone)
    let newest = (0..<100).map { entry(Int64(3000 - $0), at: Fixture.now - Double($0)) }
    desk.send(.todayLoaded(.success(TodayOverview(tally: tally, newest: newest))))
  }

  @Test func theFiguresAreTheStoresNotTheLists() {
    var desk = Desk()
    busyDay(&desk)
    #expect(desk.state.today.tally?.visits == 2551)
    #expect(desk.state.today.tally?.perHour[10] == 2551)
    #expect(desk.state.today.entries.count == 100)
  }

  /// A thousand check-ins at this station later, the state holds the same hundred visits and
  /// counts all of them.
  @Test func thisStationsCheckInsAreCountedAndTheWindowStaysBounded() throws {
    var desk = Desk()
    desk.policy.duplicateWindow = 0
    busyDay(&desk)
    for number in 0..<1000 {
      desk.advance(5)
      desk.send(.tick)
      _ = try desk.checkInSara(attendanceID: Int64(10_000 + number))
    }
    #expect(desk.state.today.tally?.visits == 3551)
    #expect(desk.state.today.entries.count == TodayList.window)
    #expect(desk.state.today.entries.first?.id == 10_999)
    let hours = desk.state.today.tally?.perHour ?? []
    // One every 5 s from 10:00:05: 719 before 11:00, 281 after.
    #expect(hours[10] == 2551 + 719)
    #expect(hours[11] == 281)
  }

  @Test func anUndoneCheckInLeavesTheCount() throws {
    var desk = Desk()
    busyDay(&desk)
    let receipt = try desk.checkInSara(attendanceID: 41)
    #expect(desk.state.today.tally?.visits == 2552)
    desk.send(.undoLast)
    let void = try #require(desk.send(.submit).voids.first)
    desk.send(.voided(void.id, .success(Fixture.voidReceipt(of: receipt, at: desk.clock))))
    #expect(desk.state.today.tally?.visits == 2551)
    #expect(desk.state.today.tally?.perHour[10] == 2551)
    #expect(desk.state.today.entries.first?.isVoided == true)
  }

  /// A reload read before this station's check-in committed, answered after it: the visit
  /// stays on the list and in the count; one the store did list isn't counted twice.
  @Test func aReloadReadBeforeACheckInDoesNotLoseIt() throws {
    var desk = Desk()
    busyDay(&desk)
    desk.advance(30)
    _ = try desk.checkInSara(attendanceID: 5000)
    #expect(desk.state.today.tally?.visits == 2552)
    busyDay(&desk)
    #expect(desk.state.today.tally?.visits == 2552)
    #expect(desk.state.today.entries.first?.id == 5000)

    // The next reload lists it: counted once.
    let counts = VisitCounts(total: 2552, perQuarter: Array(repeating: 0, count: 40) + [2552])
    let tally = DayTally(
      day: Fixture.today, counts: counts, from: Fixture.today.start(in: Fixture.timeZone),
      timeZone: Fixture.timeZone)
    let listed = try #require(desk.state.today.entries.first)
    let newest = [listed] + (0..<99).map { entry(Int64(3000 - $0), at: Fixture.now - Double($0)) }
    desk.send(.todayLoaded(.success(TodayOverview(tally: tally, newest: newest))))
    #expect(desk.state.today.tally?.visits == 2552)
    #expect(desk.state.today.entries.filter { $0.id == 5000 }.count == 1)
  }

  /// At midnight the panel empties and asks for the new day; yesterday's late answer is dropped.
  @Test func theDayRollsOverAtMidnight() {
    var desk = Desk()
    busyDay(&desk)
    desk.clock = Fixture.today.adding(days: 1).start(in: Fixture.timeZone) - 1
    #expect(desk.send(.tick) == [])
    #expect(desk.state.today.tally?.visits == 2551)
    desk.advance(1)
    #expect(desk.send(.tick) == [.loadToday])
    #expect(desk.state.today.day == Fixture.day(1))
    #expect(desk.state.today.tally?.visits == 0)
    #expect(desk.state.today.entries.isEmpty)
    #expect(desk.send(.tick) == [], "one reload per new day")

    // The reload asked for just before midnight answers now: it is about yesterday.
    busyDay(&desk)
    #expect(desk.state.today.tally?.visits == 0)
    #expect(desk.state.today.entries.isEmpty)
  }

  /// A check-in that committed just before midnight and answers after it is yesterday's visit.
  @Test func aVisitFromYesterdayIsNotCountedToday() {
    var list = TodayList()
    list.start(Fixture.day(1))
    list.record(entry(1, at: Fixture.now), timeZone: Fixture.timeZone)
    #expect(list.tally?.visits == 0)
    #expect(list.entries.isEmpty)
  }

  /// A failed reload keeps what was shown, with the reason.
  @Test func aFailedReloadKeepsTheFigures() {
    var desk = Desk()
    busyDay(&desk)
    desk.send(.todayLoaded(.failure(.offline("down"))))
    #expect(desk.state.today.tally?.visits == 2551)
    #expect(desk.state.today.error == BackendError.offline("down").message)
  }
}

/// `DayTally` from quarter-hour counts, in zones whose offsets aren't whole hours.
@Suite struct DayTallyTests {
  /// Kathmandu is UTC+5:45: the quarter starting 00:00 UTC is 05:45 there.
  @Test func aQuarterHourOffsetLandsInTheRightHour() throws {
    let kathmandu = try #require(TimeZone(identifier: "Asia/Kathmandu"))
    let day = try #require(CalendarDay(year: 2026, month: 3, day: 10))
    let from = day.start(in: kathmandu)
    let counts = VisitCounts(
      times: [from + 5 * 3600 + 59 * 60, from + 6 * 3600, from + 86_399, from + 86_400],
      from: from, until: from + 86_400)
    #expect(counts.total == 3)
    let tally = DayTally(day: day, counts: counts, from: from, timeZone: kathmandu)
    #expect(tally.perHour[5] == 1)
    #expect(tally.perHour[6] == 1)
    #expect(tally.perHour[23] == 1)
    #expect(tally.peak == 1)
  }

  @Test func changesOnAnotherDayAreIgnoredAndNothingGoesBelowZero() throws {
    let day = Fixture.today
    var tally = DayTally(day: day)
    tally.add(1, at: Fixture.now, in: Fixture.timeZone)
    tally.add(1, at: Fixture.now + 86_400, in: Fixture.timeZone)
    #expect(tally.visits == 1)
    tally.add(-1, at: Fixture.now, in: Fixture.timeZone)
    tally.add(-1, at: Fixture.now, in: Fixture.timeZone)
    #expect(tally.visits == 0)
    #expect(tally.perHour.allSatisfy { $0 == 0 })
  }
}
