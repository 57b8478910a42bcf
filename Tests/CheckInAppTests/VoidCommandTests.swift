import Foundation
import Testing

@testable import CheckInApp

@Suite("void")
struct VoidCommandTests {
  @Test func voidGivesTheSessionBackOnce() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let scan = await sandbox.run(["--demo", "scan", "GYM-1", "--json"])
    let attendanceID = try #require(try JSON.onlyObject(in: scan).int("attendance_id"))
    #expect(try StoreProbe(sandbox.demoDatabase).remaining(member: 1, plan: 1001) == 7)

    let void = await sandbox.run(["--demo", "void", String(attendanceID), "--json"])
    #expect(void.status == 0, "\(void)")
    let voided = try JSON.onlyObject(in: void)
    #expect(voided.int("attendance_id") == attendanceID)
    #expect(voided.int("customer_id") == 1)
    #expect(voided.int("restored") == 1)
    #expect(voided.int("remaining") == 8)
    let probe = try StoreProbe(sandbox.demoDatabase)
    #expect(try probe.remaining(member: 1, plan: 1001) == 8)
    #expect(try probe.count("SELECT count(*) FROM attendance WHERE voided_at IS NOT NULL") == 1)

    let again = await sandbox.run(["--demo", "void", String(attendanceID)])
    #expect(again.status == 1, "\(again)")
    #expect(again.err.contains("already voided"))
    #expect(try probe.remaining(member: 1, plan: 1001) == 8)

    let today = await sandbox.run(["--demo", "today", "--json"])
    #expect(try JSON.array(today.out).map { $0.bool("voided") } == [true])
  }

  @Test func voidingACheckInOnlyRestoresNothing() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let scan = await sandbox.run(["--demo", "scan", "GYM-3", "--json"])
    let attendanceID = try #require(try JSON.onlyObject(in: scan).int("attendance_id"))
    let void = await sandbox.run(["--demo", "void", String(attendanceID), "--json"])
    #expect(void.status == 0, "\(void)")
    #expect(try JSON.onlyObject(in: void).int("restored") == 0)
  }

  @Test func anUnknownCheckInFails() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "void", "999", "--json"])
    #expect(result.status == 1, "\(result)")
    #expect(try JSON.onlyObject(in: result).string("error") != nil)
  }

  @Test func aNonNumericIdIsAUsageError() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    #expect(await sandbox.run(["--demo", "void", "abc"]).status == 2)
    #expect(await sandbox.run(["--demo", "void"]).status == 2)
  }
}
