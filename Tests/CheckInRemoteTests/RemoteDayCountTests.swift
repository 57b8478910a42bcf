import CheckInCore
import Foundation
import Testing

@testable import CheckInRemote

/// Today's visit count and hours from the server, at any volume (issue 14): the station counts
/// the branch's entry log itself — the whole day once, then only what is new — and pages today's
/// list without a cap. Busy days are put in the stand-in's log with one control call
/// (`addEntries`), not thousands of check-ins.
///
/// The station is at UTC+2: its day D runs from 22:00 UTC on D-1 to 22:00 UTC on D, two UTC
/// dates, and the server is asked from D-1, whose first 22 hours are the day before.
@Suite struct RemoteDayCountTests {
  /// UTC+2 (a whole number of hours is always a time zone; were it UTC, every `from_date`
  /// expectation below would fail).
  static let east = TimeZone(secondsFromGMT: 2 * 3600) ?? .gmt
  /// 15 June 2026, a day in the past, so nothing the test does not put there is in it.
  static let day = CalendarDay(Date(timeIntervalSince1970: 1_781_481_600), in: .gmt)
  static let from = day.start(in: east)
  static let until = day.adding(days: 1).start(in: east)

  /// The station's whole day at branch `branch`, as the today panel asks for it.
  static func query(
    branch: Int64 = 1, limit: Int = TodayList.window, offset: Int = 0
  ) -> AttendanceQuery {
    AttendanceQuery(
      branchID: branch, day: day, from: from, until: until, limit: limit, offset: offset)
  }

  /// `minutes` after the day's start (negative: before it).
  static func at(minutes: Double) -> Date { from.addingTimeInterval(minutes * 60) }

  /// Quarter-hour counts compared without the empty quarters at the end, which a store may
  /// leave out.
  static func trimmed(_ quarters: [Int]) -> [Int] {
    var quarters = quarters
    while quarters.last == 0 { quarters.removeLast() }
    return quarters
  }

  /// What a list of instants in the day makes per quarter hour.
  static func quarters(_ times: some Sequence<Date>) -> [Int] {
    var counts = Array(repeating: 0, count: 96)
    for time in times {
      counts[Int(time.timeIntervalSince(from)) / (15 * 60)] += 1
    }
    return trimmed(counts)
  }

  /// The visit times of the busy day: 5,000 check-ins, one every 17 s from the day's first
  /// instant to 23:36 local, across the UTC midnight at 02:00 local.
  static let busyTimes = (0..<5000).map { at(minutes: Double($0) * 17 / 60) }

  /// Branch 1's busy day with everything around it that must not count: the UTC day before
  /// (not even listed), the same UTC date before the station's midnight (listed, the last a
  /// second before), refusals, branch 2's visits, and visits from the station's next midnight
  /// on (the first exactly at it) and on the next UTC date.
  static func seedBusyDay(_ server: StandInServer) async throws {
    try await server.addEntries(count: 20, start: at(minutes: -34 * 60), step: 60)
    try await server.addEntries(count: 40, start: at(minutes: -120), step: 60)
    try await server.addEntries(count: 1, start: from.addingTimeInterval(-1))
    try await server.addEntries(count: 5000, start: from, step: 17)
    try await server.addEntries(
      member: 119, count: 300, start: at(minutes: 8 * 60), step: 30, approved: false)
    try await server.addEntries(
      branch: 2, member: 123, count: 200, start: at(minutes: 120), step: 60)
    try await server.addEntries(count: 25, start: until, step: 60)
    try await server.addEntries(count: 5, start: until.addingTimeInterval(3 * 3600), step: 60)
  }

  private func sent(_ server: StandInServer, during body: () async throws -> Void) async throws
    -> [StandInServer.State.Request]
  {
    let before = try await server.state().requests.count
    try await body()
    return try await server.state().requests(after: before)
  }

  @Test func countsABusyDayExactly() async throws {
    // February's server: it lets branch 1's receptionist see branch 2's log too.
    try await StandInServer.run(.vFeb) { server in
      try await Self.seedBusyDay(server)
      try await withDesk(server, cache: false, timeZone: Self.east) { desk in
        try await desk.logIn()
        var counts = VisitCounts(total: 0, perQuarter: [])
        let requests = try await sent(server) {
          counts = try await desk.backend.countVisits(Self.query())
        }
        #expect(counts.total == 5000)
        #expect(Self.trimmed(counts.perQuarter) == Self.quarters(Self.busyTimes))
        // The local hours, as the panel shows them: 212 visits in the first (every 17 s), and
        // the hour on each side of the UTC midnight (02:00 local) both full.
        let tally = DayTally(day: Self.day, counts: counts, from: Self.from, timeZone: Self.east)
        #expect(tally.visits == 5000 && tally.perHour.reduce(0, +) == 5000)
        #expect(tally.perHour[0] == 212 && tally.perHour[1] == 212 && tally.perHour[2] == 212)
        #expect(tally.perHour[23] == 129, "\(tally.perHour)")

        // Approved entries of branch 1 from the UTC date the day starts on, 100 a page, until
        // the first from before the day: 30 after it and 5,000 in it, so page 51.
        #expect(requests.allSatisfy { $0.path == "/api/validation/entry-logs" })
        #expect(requests.allSatisfy { $0.query["branch_id"] == "1" })
        #expect(requests.allSatisfy { $0.query["status"] == "approved" })
        #expect(requests.allSatisfy { $0.query["from_date"] == "2026-06-14" })
        #expect(requests.allSatisfy { $0.query["per_page"] == "100" })
        #expect(requests.map { $0.query["page"] } == (1...51).map { String($0) })
        #expect(requests.allSatisfy { $0.status == 200 })

        // Another branch's day is its own.
        let downtown = try await desk.backend.countVisits(Self.query(branch: 2))
        #expect(downtown.total == 200)
        #expect(
          Self.trimmed(downtown.perQuarter)
            == Self.quarters((0..<200).map { Self.at(minutes: 120 + Double($0)) }))
      }
    }
  }

  @Test func countsAgainOnlyWhatIsNew() async throws {
    try await StandInServer.run(.vAug) { server in
      try await Self.seedBusyDay(server)
      try await withDesk(server, cache: false, timeZone: Self.east) { desk in
        try await desk.logIn()
        let first = try await desk.backend.countVisits(Self.query())
        #expect(first.total == 5000)

        // Three visits at 23:50 local: newer than any of the day's.
        let late = (0..<3).map { Self.at(minutes: 23 * 60 + 50 + Double($0)) }
        try await server.addEntries(count: 3, start: late[0], step: 60)
        var second = first
        let requests = try await sent(server) {
          second = try await desk.backend.countVisits(Self.query())
        }
        #expect(second.total == 5003)
        #expect(Self.trimmed(second.perQuarter) == Self.quarters(Self.busyTimes + late))
        #expect(requests.count == 1, "\(describe(requests))")
        #expect(requests.first?.path == "/api/validation/entry-logs")
        #expect(requests.first?.query["page"] == "1")

        // Nothing new: one request, the same counts.
        var third = second
        let again = try await sent(server) {
          third = try await desk.backend.countVisits(Self.query())
        }
        #expect(third == second)
        #expect(again.count == 1, "\(describe(again))")
      }
    }
  }

  /// The entry log lists by time, not by id. A server that records the station's time (the
  /// seed's) gives an outbox sent after an outage new ids with the times of the visits, which
  /// lie among those already counted: counting only until the first known entry would miss
  /// them for the rest of the day.
  @Test func countsAVisitRecordedLateWithItsEarlierTime() async throws {
    try await StandInServer.run(.seedSpec) { server in
      // 600 visits, one a minute from 08:00 local: six pages.
      try await server.addEntries(count: 600, start: Self.at(minutes: 8 * 60), step: 60)
      try await server.addEntries(count: 10, start: Self.at(minutes: -60), step: 60)
      try await withDesk(server, cache: false, timeZone: Self.east) { desk in
        try await desk.logIn()
        let times = (0..<600).map { Self.at(minutes: 8 * 60 + Double($0)) }
        #expect(try await desk.backend.countVisits(Self.query()).total == 600)

        // Sent now, checked in at 09:30:20 local: on the sixth page from the newest.
        let queued = Self.from.addingTimeInterval(9 * 3600 + 30 * 60 + 20)
        _ = try await desk.backend.checkIn(
          CheckInRequest(
            memberID: 117, code: nil, subscriptionID: nil, action: .checkInOnly,
            policy: Desk.policy, station: "desk-1", requestedAt: queued))
        let counted = try await desk.backend.countVisits(Self.query())
        #expect(counted.total == 601)
        #expect(Self.trimmed(counted.perQuarter) == Self.quarters(times + [queued]))

        // One recorded late from the day before changes nothing; the reading goes down to the
        // day's start to find it, once.
        _ = try await desk.backend.checkIn(
          CheckInRequest(
            memberID: 117, code: nil, subscriptionID: nil, action: .checkInOnly,
            policy: Desk.policy, station: "desk-1", requestedAt: Self.at(minutes: -30)))
        #expect(try await desk.backend.countVisits(Self.query()) == counted)

        // What is new is the newest again: one request.
        try await server.addEntries(count: 1, start: Self.at(minutes: 20 * 60))
        var last = counted
        let requests = try await sent(server) {
          last = try await desk.backend.countVisits(Self.query())
        }
        #expect(last.total == 602)
        #expect(requests.count == 1, "\(describe(requests))")
      }
    }
  }

  /// A server failing midway through the reading fails the count, and nothing of the pages read
  /// before is kept: the next count starts where the last whole one ended.
  @Test func aFailureMidwayKeepsNothingHalfCounted() async throws {
    try await StandInServer.run(.vAug) { server in
      try await server.addEntries(count: 1000, start: Self.at(minutes: 6 * 60), step: 30)
      try await server.addEntries(count: 10, start: Self.at(minutes: -60), step: 60)
      let times = (0..<1000).map { Self.at(minutes: 6 * 60 + Double($0) / 2) }
      try await withDesk(server, cache: false, timeZone: Self.east) { desk in
        try await desk.logIn()
        try await server.fault(
          .status(500), path: "/api/validation/entry-logs", query: ["page": "2"])
        let failed = await outcome { () throws(BackendError) in
          try await desk.backend.countVisits(Self.query())
        }
        #expect(failed.failure?.message.contains("500") == true, "\(failed)")
        let pages = try await server.state().requests(to: "/api/validation/entry-logs")
        #expect(pages.map { $0.query["page"] } == ["1", "2"])
        #expect(pages.map(\.status) == [200, 500])
        // A server that answers is not down: the next count is tried.
        #expect(desk.remote.outageReason == nil)

        let whole = try await desk.backend.countVisits(Self.query())
        #expect(whole.total == 1000)
        #expect(Self.trimmed(whole.perQuarter) == Self.quarters(times))

        // The same while reading what is new: 250 newer visits are three pages.
        let newer = (0..<250).map { Self.at(minutes: 18 * 60 + Double($0)) }
        try await server.addEntries(count: 250, start: newer[0], step: 60)
        try await server.fault(
          .status(500), path: "/api/validation/entry-logs", query: ["page": "2"])
        let failedAgain = await outcome { () throws(BackendError) in
          try await desk.backend.countVisits(Self.query())
        }
        #expect(failedAgain.failure?.message.contains("500") == true, "\(failedAgain)")
        let recounted = try await desk.backend.countVisits(Self.query())
        #expect(recounted.total == 1250)
        #expect(Self.trimmed(recounted.perQuarter) == Self.quarters(times + newer))
      }
    }
  }

  @Test func todaysListPagesByOffset() async throws {
    try await StandInServer.run(.vAug) { server in
      // 300 visits a minute apart from 10:00 local, refusals in between, and visits of the
      // evening before.
      let visits = try await server.addEntries(count: 300, start: Self.at(minutes: 600), step: 60)
      try await server.addEntries(
        member: 119, count: 100, start: Self.at(minutes: 600.5), step: 180, approved: false)
      try await server.addEntries(count: 50, start: Self.at(minutes: -120), step: 60)
      try await withDesk(server, cache: false, timeZone: Self.east) { desk in
        try await desk.logIn()
        let newestFirst = Array(visits.ids.reversed())

        let page = try await desk.backend.attendance(Self.query(limit: 50, offset: 100))
        #expect(page.map(\.id) == Array(newestFirst[100..<150]))
        // The 101st newest visit is the 200th of the day: 10:00 + 199 minutes.
        #expect(page.first?.checkedInAt == Self.at(minutes: 600 + 199))
        #expect(page.last?.checkedInAt == Self.at(minutes: 600 + 150))
        #expect(page.allSatisfy { $0.memberID == 116 && $0.memberName == "Nour Hassan" })

        // Page after page, the whole day once, newest first.
        var all: [AttendanceEntry] = []
        for offset in stride(from: 0, to: 300, by: 50) {
          all += try await desk.backend.attendance(Self.query(limit: 50, offset: offset))
        }
        #expect(all.map(\.id) == newestFirst)

        // Past the end: what is left, then nothing.
        let tail = try await desk.backend.attendance(Self.query(limit: 50, offset: 280))
        #expect(tail.map(\.id) == Array(newestFirst[280...]))
        #expect(try await desk.backend.attendance(Self.query(limit: 50, offset: 300)).isEmpty)
      }
    }
  }

  /// Today's visits narrowed to members (the visits panel's name search): one entry-log request
  /// per member, this branch only, newest first, paged like the whole list.
  @Test func todaysListNarrowedToMembers() async throws {
    try await StandInServer.run(.vFeb) { server in
      let nour = try await server.addEntries(count: 30, start: Self.at(minutes: 600), step: 60)
      let other = try await server.addEntries(
        member: 119, count: 20, start: Self.at(minutes: 610.5), step: 60)
      try await server.addEntries(
        branch: 2, member: 119, count: 5, start: Self.at(minutes: 700), step: 60)
      try await server.addEntries(
        member: 123, count: 40, start: Self.at(minutes: 600.25), step: 30)
      try await withDesk(server, cache: false, timeZone: Self.east) { desk in
        try await desk.logIn()
        var query = Self.query(limit: 25)
        query.members = [116, 119]
        var page: [AttendanceEntry] = []
        let requests = try await sent(server) { page = try await desk.backend.attendance(query) }
        #expect(requests.count == 2, "\(requests.map(\.query))")
        let both = Array(nour.ids) + Array(other.ids)
        #expect(page.count == 25)
        #expect(page.allSatisfy { [116, 119].contains($0.memberID) && $0.branchID == 1 })
        #expect(zip(page, page.dropFirst()).allSatisfy { $0.checkedInAt >= $1.checkedInAt })
        #expect(Set(page.map(\.id)).isSubset(of: Set(both)))
        query.offset = 25
        let rest = try await desk.backend.attendance(query)
        #expect(rest.count == 25)
        #expect(Set(page.map(\.id) + rest.map(\.id)) == Set(both))
      }
    }
  }

  /// The list once stopped at 20 pages (2,000 entries). It reads what it is asked for, and no
  /// further than the day's start: east of UTC, the rest of the UTC date it asks from is the
  /// day before.
  @Test func todaysListReadsAWholeBusyDayAndNoMore() async throws {
    try await StandInServer.run(.vAug) { server in
      let visits = try await server.addEntries(count: 2500, start: Self.from, step: 30)
      try await server.addEntries(count: 300, start: Self.at(minutes: -6 * 60), step: 60)
      try await withDesk(server, cache: false, timeZone: Self.east) { desk in
        try await desk.logIn()
        var entries: [AttendanceEntry] = []
        let requests = try await sent(server) {
          entries = try await desk.backend.attendance(Self.query(limit: 10_000))
        }
        #expect(entries.count == 2500)
        #expect(entries.map(\.id) == Array(visits.ids.reversed()))
        #expect(entries.last?.checkedInAt == Self.from)
        // 25 pages of the day; the 26th starts with the evening before, and ends the reading.
        #expect(requests.map { $0.query["page"] } == (1...26).map { String($0) })
        #expect(requests.allSatisfy { $0.query["from_date"] == "2026-06-14" })
      }
    }
  }
}
