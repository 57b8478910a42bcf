import Foundation
import Testing

@testable import CheckInApp

@Suite("today")
struct TodayCommandTests {
  @Test func listsTodaysCheckInsNewestFirst() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let yesterday = Sandbox.now.addingTimeInterval(-86_400)
    #expect(await sandbox.run(["--demo", "scan", "GYM-2"], at: yesterday).status == 0)
    for (minute, code) in [(0, "GYM-1"), (5, "GYM-3"), (10, "GYM-13")] {
      let time = Sandbox.now.addingTimeInterval(Double(minute) * 60)
      let result = await sandbox.run(["--demo", "scan", code], at: time)
      #expect(result.status == 0, "\(result)")
    }
    let result = await sandbox.run(
      ["--demo", "today", "--json"], at: Sandbox.now.addingTimeInterval(3600))
    #expect(result.status == 0, "\(result)")
    try #require(result.lines.count == 1, "\(result)")
    let entries = try JSON.array(result.out)
    #expect(entries.map { $0.int("customer_id") } == [13, 3, 1])
    let times = entries.compactMap { $0.string("checked_in_at") }
    #expect(
      times == ["2026-03-15T08:10:00.000Z", "2026-03-15T08:05:00.000Z", "2026-03-15T08:00:00.000Z"])
    #expect(entries.allSatisfy { $0.bool("voided") == false })
    #expect(entries.allSatisfy { $0.int("branch_id") == 1 })

    let earlier = await sandbox.run(["--demo", "today", "--date", "2026-03-14", "--json"])
    #expect(try JSON.array(earlier.out).map { $0.int("customer_id") } == [2])
  }

  @Test func theDayFollowsTheDesksTimeZone() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    // 23:30 UTC on the 14th is 01:30 on the 15th at the desk (UTC+2).
    let night = Date(timeIntervalSince1970: 1_773_531_000)
    #expect(await sandbox.run(["--demo", "scan", "GYM-1"], at: night).status == 0)
    let today = await sandbox.run(["--demo", "today", "--json"])
    #expect(try JSON.array(today.out).map { $0.int("customer_id") } == [1])
  }

  @Test func anEmptyDayIsAnEmptyArray() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "today", "--json"])
    #expect(result.status == 0, "\(result)")
    #expect(result.out == "[]\n")
  }

  @Test func aBadDateIsAUsageError() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "today", "--date", "15/03/2026"])
    #expect(result.status == 2)
    #expect(result.err.contains("--date"))
  }
}
