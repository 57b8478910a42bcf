import CheckInCore
import Foundation
import Testing

@testable import CheckInSQLite
@testable import CheckInUI

/// A database holding a big gym's day: 50 members and 5,000 visits from 06:00, one every 9 s
/// (400 an hour until 18:30, the newest at 18:29:51), on `Scenes`' clock and zone.
final class BusyDay {
  let folder: URL
  let time = SimulatedTime(Scenes.now)
  let path: String
  let opening: Date

  init() throws {
    folder = FileManager.default.temporaryDirectory.appending(
      path: "checkin-busy-day-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    path = folder.appending(path: "gym.sqlite3").path
    let zone = Scenes.timeZone
    opening = CalendarDay(Scenes.now, in: zone).start(in: zone).addingTimeInterval(6 * 3600)
    let time = self.time
    let setup = try LocalStore(
      path: path, options: LocalStore.Options(create: true), clock: { time.now }, timeZone: zone)
    _ = try setup.importBatch(
      ImportBatch(
        members: (1...50).map {
          Member(id: Int64($0), fullName: "Member \($0)", qrCode: "GYM-\($0)", branchID: 1)
        }, plans: [])
    ).get()
    let database = setup.database
    let opening = self.opening
    try database.transaction {
      for index in 0..<5000 {
        try database.run(
          """
          INSERT INTO attendance (customer_id, branch_id, check_in_time, action, station)
          VALUES (?, 1, ?, 'check_in_only', 'other-desk')
          """, Int64(index % 50 + 1),
          opening.addingTimeInterval(Double(index) * 9).storedMilliseconds)
      }
    }
  }

  deinit {
    try? FileManager.default.removeItem(at: folder)
  }

  /// A receptionist's station on the file, at 120×40.
  func desk() throws -> FakeDesk<DatabaseStore> {
    FakeDesk(
      store: try DatabaseStore(path: path, time: time, timeZone: Scenes.timeZone),
      size: Size(width: 120, height: 40), start: Scenes.now, timeZone: Scenes.timeZone)
  }
}

/// A big gym's day on the screen: the panel and the status line say what the store counted.
@Suite struct BusyDayPanelTests {
  @Test func aDayOfFiveThousandVisitsIsShownWhole() throws {
    let day = try BusyDay()
    let desk = try day.desk()
    let text = desk.screenText
    #expect(text.contains("Today · 5000 check-ins"), "\(desk.screen)")
    #expect(text.contains("peak 400/h"))
    #expect(text.contains(" · 5000 today"))
    let panel = try #require(desk.screen.firstIndex { $0.contains("Today · 5000") })
    // 06:00 to 17:00 full, 18:00 half (200 of the peak's 400), nothing after.
    #expect(desk.screen[panel + 1].contains("████████████▄      peak 400/h"), "\(desk.screen)")
    #expect(desk.screen.contains { $0.contains("18:29 Member ") })
    #expect(desk.screen.contains { $0.contains("… ") && $0.contains(" more") })
    #expect(desk.state.today.entries.count == TodayList.window)
  }
}
