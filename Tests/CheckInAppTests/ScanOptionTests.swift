import Foundation
import Testing

@testable import CheckInApp

/// `--deduct`, `--check-in-only`, `--plan`, `--duplicate-window` and `--stdin`.
@Suite("scan: options")
struct ScanOptionTests {
  @Test func deductOnATimePlanChecksInWithoutDeductionAndWarns() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "scan", "GYM-3", "--deduct", "--json"])
    #expect(result.status == 0, "\(result)")
    let receipt = try JSON.onlyObject(in: result)
    #expect(receipt.string("action") == "check_in_only")
    #expect(receipt.int("deducted") == 0)
    #expect(receipt.isNull("remaining"))
    #expect(result.err.contains("nothing to deduct"))
    #expect(try StoreProbe(sandbox.demoDatabase).visits == 1)
  }

  @Test func checkInOnlyOnSessionsDeductsNothing() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "scan", "GYM-1", "--check-in-only", "--json"])
    #expect(result.status == 0, "\(result)")
    let receipt = try JSON.onlyObject(in: result)
    #expect(receipt.string("action") == "check_in_only")
    #expect(receipt.int("deducted") == 0)
    #expect(receipt.int("remaining") == 8)
    let probe = try StoreProbe(sandbox.demoDatabase)
    #expect(try probe.remaining(member: 1, plan: 1001) == 8)
    #expect(try probe.visits == 1)
  }

  @Test func deductAndCheckInOnlyTogetherIsAUsageError() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "scan", "GYM-1", "--deduct", "--check-in-only"])
    #expect(result.status == 2)
    #expect(result.out.isEmpty)
    #expect(result.err.contains("--deduct"))
    #expect(result.err.contains("checkin help scan"))
    #expect(!sandbox.exists(sandbox.demoDatabase))
  }

  @Test func withoutPlanTheFirstUsablePlanOfTwoIsUsed() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "scan", "GYM-5", "--json"])
    #expect(result.status == 0, "\(result)")
    let receipt = try JSON.onlyObject(in: result)
    #expect(receipt.int("subscription_id") == 1005)
    #expect(receipt.string("action") == "check_in_only")
    #expect(try StoreProbe(sandbox.demoDatabase).remaining(member: 5, plan: 1015) == 6)
  }

  @Test func planPicksTheSecondPlan() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "scan", "GYM-5", "--plan", "1015", "--json"])
    #expect(result.status == 0, "\(result)")
    let receipt = try JSON.onlyObject(in: result)
    #expect(receipt.int("customer_id") == 5)
    #expect(receipt.int("subscription_id") == 1015)
    #expect(receipt.string("action") == "check_in_with_deduction")
    #expect(receipt.int("deducted") == 1)
    #expect(receipt.int("remaining") == 5)
    let probe = try StoreProbe(sandbox.demoDatabase)
    #expect(try probe.remaining(member: 5, plan: 1015) == 5)
    #expect(try probe.count("SELECT count(*) FROM attendance WHERE subscription_id = 1015") == 1)
  }

  @Test func anUnknownPlanIsReportedAndNothingRecorded() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "scan", "GYM-5", "--plan", "9999", "--json"])
    #expect(result.status == 1, "\(result)")
    let error = try #require(try JSON.onlyObject(in: result).string("error"))
    #expect(error.contains("9999"))
    #expect(error.contains("1005, 1015"))
    #expect(try StoreProbe(sandbox.demoDatabase).visits == 0)
  }

  @Test func aPlanThatIsNotANumberIsAUsageError() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "scan", "GYM-5", "--plan", "PT"])
    #expect(result.status == 2)
    #expect(result.err.contains("--plan"))
  }

  @Test func anUnusablePlanIsRefusedWithItsReason() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    // Member 1 holds a usable session plan and an expired time plan.
    let file = try sandbox.write(
      "members.csv",
      """
      \(SheetText.header)
      1,Sara Test,,CARD-A,1,1,11,sessions,active,10,4,2026-01-01,2026-12-31
      1,Sara Test,,CARD-A,1,1,12,time,active,,,2025-01-01,2025-06-30

      """)
    let database = sandbox.path("gym.sqlite3")
    #expect(await sandbox.run(["import", file, "--db", database]).status == 0)
    let result = await sandbox.run(["--db", database, "scan", "CARD-A", "--plan", "12", "--json"])
    #expect(result.status == 3, "\(result)")
    let object = try JSON.onlyObject(in: result)
    #expect(object.string("refused") == "EXPIRED")
    #expect(object.int("customer_id") == 1)
    let probe = try StoreProbe(database)
    #expect(try probe.visits == 0)
    #expect(try probe.remaining(member: 1, plan: 11) == 4)
  }

  @Test func duplicateWindowZeroAllowsAnImmediateSecondCheckIn() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let first = await sandbox.run(["--demo", "scan", "GYM-1", "--duplicate-window", "0", "--json"])
    let second = await sandbox.run(["--demo", "scan", "GYM-1", "--duplicate-window", "0", "--json"])
    #expect(first.status == 0, "\(first)")
    #expect(second.status == 0, "\(second)")
    #expect(try JSON.onlyObject(in: second).int("remaining") == 6)
    let probe = try StoreProbe(sandbox.demoDatabase)
    #expect(try probe.visits == 2)
    #expect(try probe.remaining(member: 1, plan: 1001) == 6)
  }

  @Test func stdinScansEveryLineWithOneJSONLineEach() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(
      ["--demo", "scan", "--stdin", "--json"],
      input: ["GYM-1", "", "GYM-9", "  ", "GYM-3", "GYM-1", "not a code"])
    #expect(result.status == 0, "\(result)")
    let objects = try result.lines.map { try JSON.object($0) }
    try #require(objects.count == 5, "\(result)")
    #expect(objects[0].int("customer_id") == 1)
    #expect(objects[0].int("remaining") == 7)
    #expect(objects[1].string("refused") == "NO_SUBSCRIPTION")
    #expect(objects[2].int("customer_id") == 3)
    #expect(objects[2].string("action") == "check_in_only")
    #expect(objects[3].string("refused") == "DUPLICATE")
    #expect(objects[4].string("refused") == "INVALID_CODE")
    let probe = try StoreProbe(sandbox.demoDatabase)
    #expect(try probe.visits == 2)
    #expect(try probe.remaining(member: 1, plan: 1001) == 7)
  }

  @Test func scanTakesExactlyOneCode() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "scan", "GYM-1", "GYM-2"])
    #expect(result.status == 2)
    #expect(result.err.contains("exactly one CODE"))
    #expect(!sandbox.exists(sandbox.demoDatabase))
  }

  @Test func stdinTakesNoCodeArgument() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "scan", "GYM-1", "--stdin"], input: ["GYM-2"])
    #expect(result.status == 2)
    #expect(result.err.contains("GYM-1"))
  }
}
