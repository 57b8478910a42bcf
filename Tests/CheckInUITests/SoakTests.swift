import CSQLite
import CheckInCore
import Foundation
import Testing

@testable import CheckInSQLite
@testable import CheckInUI

/// A week at a busy desk that never restarts, in simulated time: the whole station loop (bytes in,
/// frames out) on a real database file that another station writes to as well, across seven
/// midnights and the night the clocks go back. The panel must say what the store says, and
/// nothing the station holds may grow with the days.
@Suite struct SoakTests {
  static let berlin = TimeZone(identifier: "Europe/Berlin") ?? .gmt
  /// Wednesday 2026-10-21; the clocks go back on Sunday the 25th at 03:00.
  static let firstDay = CalendarDay(year: 2026, month: 10, day: 21) ?? CalendarDay(.now, in: .gmt)
  static let members = 2500
  static let scansPerDay = 2000

  static func batch() -> ImportBatch {
    let ends = firstDay.adding(days: 365)
    return ImportBatch(
      members: (1...members).map { id in
        Member(
          id: Int64(id), fullName: "Member \(id)", qrCode: "GYM-\(id)", branchID: 1)
      },
      plans: (1...members).map { id in
        (
          Int64(id),
          Subscription(
            id: Int64(id), kind: .time, startDate: firstDay.adding(days: -30), endDate: ends,
            serviceName: "Yearly")
        )
      }, branchNames: [1: "Main"])
  }

  /// What the station holds and the process uses at the end of a day.
  struct DayFigures: CustomStringConvertible {
    var day: CalendarDay
    var visits: Int
    var entriesHeld: Int
    /// The state as text: whatever it holds, a day's worth of it must not pile up.
    var stateCharacters: Int
    var cacheBytes: Int
    var heapBytes: Int
    var residentBytes: Int

    var description: String {
      func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1e6) }
      return
        "\(day): \(visits) visits, \(entriesHeld) held, state \(stateCharacters) characters, "
        + "SQLite cache \(megabytes(cacheBytes)), "
        + "data \(megabytes(heapBytes)), resident \(megabytes(residentBytes))"
    }
  }

  @Test func aWeekAtABusyDeskKeepsThePanelTrueAndMemoryFlat() throws {
    let folder = FileManager.default.temporaryDirectory.appending(
      path: "checkin-soak-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appending(path: "gym.sqlite3").path
    let zone = Self.berlin
    let start = Self.firstDay.start(in: zone)
    let time = SimulatedTime(start)
    do {
      let setup = try LocalStore(
        path: path, options: LocalStore.Options(create: true), clock: { time.now },
        timeZone: zone)
      _ = try setup.importBatch(Self.batch()).get()
    }
    let store = try DatabaseStore(path: path, time: time, timeZone: zone)
    // Another station on the same file, and a third connection that only reads the truth.
    let otherTime = SimulatedTime(start)
    let other = try LocalStore(path: path, clock: { otherTime.now }, timeZone: zone)
    let auditor = try LocalStore(path: path, clock: { time.now }, timeZone: zone)
    let policy = CheckInPolicy(branchID: 1, duplicateWindow: 120)
    let desk = FakeDesk(
      store: store, size: Size(width: 120, height: 40), start: start, timeZone: zone,
      policy: policy)
    // The harness's own records would grow with the week; the station's must not.
    desk.terminal.keepsLines = false
    desk.keepsHistory = false
    // Frames cost most of a debug build's time: the week draws when the audit looks.
    desk.draws = false

    /// The panel, the status line and the state against the store, after the minute's reload.
    func audit(_ label: String) throws {
      let next = (desk.clock.elapsed / 60).rounded(.down) * 60 + 60.5
      desk.draws = true
      defer { desk.draws = false }
      desk.jump(to: next)
      let now = desk.clock.now
      let query = AttendanceQuery.day(of: now, branchID: 1, timeZone: zone)
      let truth = DayTally(
        day: query.day, counts: try auditor.countVisits(query), from: query.from, timeZone: zone)
      let today = desk.state.today
      #expect(today.tally == truth, "\(label)")
      #expect(
        desk.screenText.contains("Today · \(truth.visits) check-in"),
        "\(label): \(desk.screen.prefix(6))")
      #expect(today.entries.count <= TodayList.window, "\(label)")
      let newest = try auditor.attendance(
        AttendanceQuery.day(of: now, branchID: 1, timeZone: zone, limit: 1))
      #expect(today.entries.first?.id == newest.first?.id, "\(label)")
    }

    var figures: [DayFigures] = []
    var member = 0
    var otherRequests = 0
    for offset in 0..<7 {
      let day = Self.firstDay.adding(days: offset)
      let dayStart = day.start(in: zone)
      let length = day.adding(days: 1).start(in: zone).timeIntervalSince(dayStart)
      let base = dayStart.timeIntervalSince(start)
      desk.jump(to: base + 0.5)
      try audit("\(day) just after midnight")
      #expect(desk.state.today.day == day)
      var expectedHours = Array(repeating: 0, count: 24)
      for scan in 0..<Self.scansPerDay {
        // Evenly over the day from 00:05, a gym open around the clock (or just after an audit
        // that ran into the next scan's time).
        let planned = base + 300 + Double(scan) * (length - 600) / Double(Self.scansPerDay)
        let at = max(planned, desk.clock.elapsed + 0.5)
        member = member % Self.members + 1
        // The scanner's code and Enter in one read, as a wedge's burst usually arrives; the
        // receptionist confirms the default a second later.
        desk.jump(to: at)
        desk.send("GYM-\(member)\r", at: at)
        desk.jump(to: at + 1)
        desk.send("\r", at: at + 1)
        expectedHours[ClockText.hour(start.addingTimeInterval(at + 1), in: zone)] += 1
        if scan % 10 == 5 {
          // The other desk checks in a member this desk saw hours ago (a member scanned at
          // both desks within two minutes would be refused as a double scan).
          otherTime.now = start.addingTimeInterval(at + 3)
          let otherMember = Int64((member + Self.members / 2) % Self.members + 1)
          _ = try other.checkIn(
            CheckInRequest(
              memberID: otherMember, code: nil, subscriptionID: otherMember,
              action: .checkInOnly, policy: policy, station: "other-desk",
              requestedAt: otherTime.now))
          otherRequests += 1
          expectedHours[ClockText.hour(otherTime.now, in: zone)] += 1
        }
        if scan % 250 == 249 { try audit("\(day) after \(scan + 1) scans") }
      }
      try audit("\(day) at the end")
      let tally = try #require(desk.state.today.tally)
      #expect(tally.perHour == expectedHours, "\(day): every scan and the other desk's, by hour")
      #expect(tally.visits == Self.scansPerDay + Self.scansPerDay / 10)
      figures.append(
        DayFigures(
          day: day, visits: tally.visits, entriesHeld: desk.state.today.entries.count,
          stateCharacters: String(describing: desk.state).count,
          cacheBytes: Self.cacheBytes(store.store), heapBytes: Self.heapBytes(),
          residentBytes: Self.residentBytes()))
    }
    // The night the clocks went back: 02:00–03:00 happened twice and holds both.
    let sunday = figures[4]
    #expect(sunday.day == CalendarDay(year: 2026, month: 10, day: 25))
    desk.jump(to: Self.firstDay.adding(days: 7).start(in: zone).timeIntervalSince(start) + 0.5)
    try audit("the first minutes of the eighth day")
    #expect(desk.state.today.day == Self.firstDay.adding(days: 7))
    #expect(desk.state.today.tally?.visits == 0)
    for day in figures { print("soak \(day)") }
    #expect(figures.allSatisfy { $0.entriesHeld == TodayList.window })
    let first = figures[0].stateCharacters
    #expect(figures.allSatisfy { abs($0.stateCharacters - first) < first / 10 }, "\(figures)")
    // SQLite's page cache is bounded by its size, not by the file's.
    #expect(figures.allSatisfy { $0.cacheBytes <= 4_000_000 }, "\(figures)")
  }

  static func cacheBytes(_ store: LocalStore) -> Int {
    var current: Int32 = 0
    var highest: Int32 = 0
    sqlite3_db_status(
      store.database.connection, SQLITE_DBSTATUS_CACHE_USED, &current, &highest, 0)
    return Int(current)
  }

  /// The whole test process's data segment (heap and stacks): what a leak would grow.
  static func heapBytes() -> Int { statm(field: 5) }

  static func residentBytes() -> Int { statm(field: 1) }

  /// A field of `/proc/self/statm`, in bytes.
  private static func statm(field: Int) -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else {
      return 0
    }
    let fields = text.split(separator: " ")
    guard fields.count > field, let pages = Int(fields[field]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }
}
