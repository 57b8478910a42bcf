import Foundation
import Testing

@testable import CheckInApp

@Suite("demo")
struct DemoCommandTests {
  @Test func createsTheDemoUnderXDGDataHome() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["demo"])
    #expect(result.status == 0, "\(result)")
    #expect(
      result.out.hasPrefix(
        "Created the demo database at \(sandbox.demoDatabase) with \(DemoData.memberCount) members."
      ))
    for code in ["GYM-1", "GYM-5", "GYM-12", "GYM-115-9F3A0C1B", "GYM-115 "] {
      #expect(result.out.contains("  \(code)"), "the list should show \(code)")
    }
    let probe = try StoreProbe(sandbox.demoDatabase)
    #expect(try probe.members == DemoData.memberCount)
    #expect(try probe.store.meta("demo") == "1")
  }

  @Test func demoWithDbWritesThere() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let path = sandbox.path("gyms/demo-copy.sqlite3")
    #expect(await sandbox.run(["demo", "--db", path]).status == 0)
    #expect(!sandbox.exists(sandbox.demoDatabase))
    let scan = await sandbox.run(["--db", path, "scan", "GYM-1", "--json"])
    #expect(scan.status == 0, "\(scan)")
    #expect(try StoreProbe(path).remaining(member: 1, plan: 1001) == 7)
  }

  @Test func runningDemoTwiceKeepsTheData() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    #expect(await sandbox.run(["demo"]).status == 0)
    #expect(await sandbox.run(["--demo", "scan", "GYM-1"]).status == 0)
    let again = await sandbox.run(["demo"])
    #expect(again.status == 0, "\(again)")
    #expect(again.out.contains("already at \(sandbox.demoDatabase)"))
    let probe = try StoreProbe(sandbox.demoDatabase)
    #expect(try probe.visits == 1)
    #expect(try probe.remaining(member: 1, plan: 1001) == 7)
  }

  @Test func forceRecreatesTheDemo() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    #expect(await sandbox.run(["demo"]).status == 0)
    #expect(await sandbox.run(["--demo", "scan", "GYM-1"]).status == 0)
    let forced = await sandbox.run(["demo", "--force"])
    #expect(forced.status == 0, "\(forced)")
    #expect(forced.out.hasPrefix("Created the demo database"))
    let probe = try StoreProbe(sandbox.demoDatabase)
    #expect(try probe.visits == 0)
    #expect(try probe.remaining(member: 1, plan: 1001) == 8)
    #expect(try probe.members == DemoData.memberCount)
  }

  @Test func forceRefusesToReplaceRealData() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let file = try sandbox.write(
      "members.csv",
      SheetText.file([
        "1,Real Member,,CARD-1,1,1,11,sessions,active,10,9,2026-01-01,2026-12-31",
        "2,Another Member,,,1,1,,,,,,,",
      ]))
    let database = sandbox.path("station.sqlite3")
    #expect(await sandbox.run(["import", file, "--db", database]).status == 0)

    let forced = await sandbox.run(["demo", "--force", "--db", database])
    #expect(forced.status == 1, "\(forced)")
    #expect(forced.err.contains("real data"))
    let probe = try StoreProbe(database)
    #expect(try probe.members == 2)
    #expect(try probe.card(1).member.fullName == "Real Member")
    #expect(try probe.store.meta("demo") == nil)
  }

  @Test func theDemoOptionCreatesTheDemoOnFirstUseOnly() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let first = await sandbox.run(["--demo", "scan", "GYM-1"])
    #expect(first.err.contains("created the demo database"))
    let second = await sandbox.run(["--demo", "scan", "GYM-2"])
    #expect(!second.err.contains("created the demo database"))
    #expect(try StoreProbe(sandbox.demoDatabase).visits == 2)
  }
}
