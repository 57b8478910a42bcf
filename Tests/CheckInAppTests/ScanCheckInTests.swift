import Foundation
import Testing

@testable import CheckInApp

/// `checkin scan CODE --json` on the demo gym: the receipt and what the database holds after.
@Suite("scan: check-ins")
struct ScanCheckInTests {
  static let receiptKeys: Set<String> = [
    "attendance_id", "customer_id", "customer_name", "action", "deducted", "remaining",
    "subscription_id",
  ]

  @Test func aSessionPlanDeductsOne() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "scan", "GYM-1", "--json"])
    #expect(result.status == 0, "\(result)")
    let receipt = try JSON.onlyObject(in: result)
    #expect(Self.receiptKeys.isSubset(of: receipt.keys))
    let attendanceID = try #require(receipt.int("attendance_id"))
    #expect(attendanceID > 0)
    #expect(receipt.int("customer_id") == 1)
    #expect(receipt.string("customer_name") == "Sara Haddad")
    #expect(receipt.string("action") == "check_in_with_deduction")
    #expect(receipt.int("deducted") == 1)
    #expect(receipt.int("remaining") == 7)
    #expect(receipt.int("subscription_id") == 1001)

    let probe = try StoreProbe(sandbox.demoDatabase)
    #expect(try probe.remaining(member: 1, plan: 1001) == 7)
    #expect(try probe.visits == 1)
    let visit = try probe.count(
      "SELECT count(*) FROM attendance WHERE id = \(attendanceID) AND customer_id = 1 "
        + "AND subscription_id = 1001 AND deducted = 1 AND voided_at IS NULL")
    #expect(visit == 1)
  }

  @Test func aCoinPlanDeductsOneCoinForAnArabicName() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "scan", "GYM-2", "--json"])
    #expect(result.status == 0, "\(result)")
    let receipt = try JSON.onlyObject(in: result)
    #expect(receipt.string("customer_name") == "أحمد السيد")
    #expect(receipt.string("action") == "check_in_with_deduction")
    #expect(receipt.int("deducted") == 1)
    #expect(receipt.int("remaining") == 39)
    #expect(receipt.int("subscription_id") == 1002)
    #expect(try StoreProbe(sandbox.demoDatabase).remaining(member: 2, plan: 1002) == 39)
  }

  @Test func aTimePlanChecksInOnlyWithNullRemaining() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "scan", "GYM-3", "--json"])
    #expect(result.status == 0, "\(result)")
    let receipt = try JSON.onlyObject(in: result)
    #expect(Self.receiptKeys.isSubset(of: receipt.keys))
    #expect(receipt.int("customer_id") == 3)
    #expect(receipt.string("action") == "check_in_only")
    #expect(receipt.int("deducted") == 0)
    #expect(receipt.isNull("remaining"))
    #expect(receipt.int("subscription_id") == 1003)
    #expect(try StoreProbe(sandbox.demoDatabase).visits == 1)
  }

  @Test func theRegeneratedCodeChecksIn() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "scan", "GYM-115-9F3A0C1B", "--json"])
    #expect(result.status == 0, "\(result)")
    let receipt = try JSON.onlyObject(in: result)
    #expect(receipt.int("customer_id") == 115)
    #expect(receipt.int("remaining") == 6)
    #expect(try StoreProbe(sandbox.demoDatabase).remaining(member: 115, plan: 1115) == 6)
  }

  @Test func aMemberWithoutStoredCodeChecksInByNumber() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "scan", "customer_id:14", "--json"])
    #expect(result.status == 0, "\(result)")
    #expect(try JSON.onlyObject(in: result).int("customer_id") == 14)
  }

  @Test func textOutputNamesTheMemberAndTheBalance() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "scan", "GYM-1"])
    #expect(result.status == 0, "\(result)")
    #expect(result.out.hasPrefix("CHECKED IN  Sara Haddad (member 1)\n"))
    #expect(result.out.contains("1 session deducted, 7 sessions left"))
    // The demo is created on first use, and says so on standard error only.
    #expect(result.err.contains("created the demo database at \(sandbox.demoDatabase)"))
  }

  @Test func theStationNameAndBranchAreRecorded() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "scan", "GYM-1", "--station", "Desk 2", "--json"])
    #expect(result.status == 0, "\(result)")
    let probe = try StoreProbe(sandbox.demoDatabase)
    #expect(
      try probe.count(
        "SELECT count(*) FROM attendance WHERE station = 'Desk 2' AND branch_id = 1") == 1)
  }
}
