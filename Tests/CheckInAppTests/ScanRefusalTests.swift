import Foundation
import Testing

@testable import CheckInApp

/// Every refusal of `checkin scan --json`: one object, exit status 3, nothing recorded.
@Suite("scan: refusals")
struct ScanRefusalTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let code: String
    let refused: String
    let memberID: Int?
    var testDescription: String { "\(code.isEmpty ? "(empty)" : code) → \(refused)" }
  }

  static let cases: [Case] = [
    Case(code: "GYM-6", refused: "INACTIVE", memberID: 6),
    Case(code: "GYM-7", refused: "FROZEN", memberID: 7),
    Case(code: "GYM-8", refused: "EXPIRED", memberID: 8),
    Case(code: "GYM-9", refused: "NO_SUBSCRIPTION", memberID: 9),
    Case(code: "GYM-10", refused: "NO_SESSIONS", memberID: 10),
    Case(code: "GYM-11", refused: "NO_COINS", memberID: 11),
    Case(code: "GYM-12", refused: "OTHER_BRANCH", memberID: 12),
    Case(code: "GYM-115", refused: "NOT_FOUND", memberID: nil),
    Case(code: "GYM-99999", refused: "NOT_FOUND", memberID: nil),
    Case(code: "NO-SUCH-CARD", refused: "NOT_FOUND", memberID: nil),
    Case(code: "GYM 1", refused: "INVALID_CODE", memberID: nil),
    Case(code: "GYM\u{7}-1", refused: "INVALID_CODE", memberID: nil),
    Case(code: String(repeating: "9", count: 500), refused: "INVALID_CODE", memberID: nil),
    Case(code: "", refused: "INVALID_CODE", memberID: nil),
  ]

  @Test(arguments: cases)
  func refusalIsOneJSONObjectWithStatus3(_ refusal: Case) async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "scan", refusal.code, "--json"])
    #expect(result.status == 3, "\(result)")
    let object = try JSON.onlyObject(in: result)
    #expect(object.string("refused") == refusal.refused)
    let message = try #require(object.string("message"))
    #expect(!message.isEmpty)
    #expect(object.int("customer_id") == refusal.memberID)
    // A known member's card comes with the refusal: what ran out, when, the last visit.
    let card = object.object("card")
    #expect((card != nil) == (refusal.memberID != nil))
    if let card, let memberID = refusal.memberID {
      #expect(card.int("customer_id") == memberID)
      #expect(card.array("subscriptions") != nil)
    }
    let probe = try StoreProbe(sandbox.demoDatabase)
    #expect(try probe.visits == 0)
  }

  @Test func theRetiredCodeSaysItWasReplaced() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "scan", "GYM-115", "--json"])
    let object = try JSON.onlyObject(in: result)
    #expect(object.string("message")?.contains("replaced") == true)
    #expect(try StoreProbe(sandbox.demoDatabase).remaining(member: 115, plan: 1115) == 7)
  }

  @Test func aSecondScanWithinTheWindowIsADuplicate() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let first = await sandbox.run(["--demo", "scan", "GYM-1", "--json"])
    #expect(first.status == 0, "\(first)")
    let second = await sandbox.run(
      ["--demo", "scan", "GYM-1", "--json"], at: Sandbox.now.addingTimeInterval(60))
    #expect(second.status == 3, "\(second)")
    let object = try JSON.onlyObject(in: second)
    #expect(object.string("refused") == "DUPLICATE")
    #expect(object.int("customer_id") == 1)
    let checkedInAt = try JSON.onlyObject(in: first).string("checked_in_at")
    #expect(object.string("already_in_since") == checkedInAt)
    #expect(object.object("card")?.string("last_visit") == checkedInAt)
    let probe = try StoreProbe(sandbox.demoDatabase)
    #expect(try probe.visits == 1)
    #expect(try probe.remaining(member: 1, plan: 1001) == 7)
  }

  @Test func afterTheWindowTheMemberChecksInAgain() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    #expect(await sandbox.run(["--demo", "scan", "GYM-1"]).status == 0)
    let later = await sandbox.run(
      ["--demo", "scan", "GYM-1", "--json"], at: Sandbox.now.addingTimeInterval(121))
    #expect(later.status == 0, "\(later)")
    #expect(try JSON.onlyObject(in: later).int("remaining") == 6)
  }

  @Test func textRefusalNamesTheCode() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "scan", "GYM-7"])
    #expect(result.status == 3)
    let lines = result.out.split(separator: "\n").map(String.init)
    #expect(lines.first == "REFUSED  FROZEN  Nour Adel's plan is frozen (travelling)")
    // The card under it, indented so the first line stays the one answer.
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") })
    #expect(lines.contains("  Member      Nour Adel (member 7)"))
    #expect(lines.contains("  Last visit  never"))
    #expect(lines.contains { $0.hasPrefix("    1007  Monthly gym  frozen  until ") })
  }

  @Test func aSecondScanReadsAsAlreadyIn() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    #expect(await sandbox.run(["--demo", "scan", "GYM-3"]).status == 0)
    let again = await sandbox.run(
      ["--demo", "scan", "GYM-3"], at: Sandbox.now.addingTimeInterval(30))
    #expect(again.status == 3, "nothing was recorded: the status stays a refusal's")
    let first = try #require(again.out.split(separator: "\n").first)
    #expect(first.hasPrefix("ALREADY IN  DUPLICATE  Lina Farouk is already in (checked in at "))
    #expect(first.hasSuffix(") — nothing recorded"))
  }

  @Test func otherBranchesMayBeAllowed() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "scan", "GYM-12", "--allow-other-branches", "--json"])
    #expect(result.status == 0, "\(result)")
    #expect(try JSON.onlyObject(in: result).int("customer_id") == 12)
  }

  @Test func aStationAtBranch2RefusesBranch1Members() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let own = await sandbox.run(["--demo", "--branch", "2", "scan", "GYM-12", "--json"])
    #expect(own.status == 0, "\(own)")
    let other = await sandbox.run(["--demo", "--branch", "2", "scan", "GYM-1", "--json"])
    #expect(other.status == 3)
    #expect(try JSON.onlyObject(in: other).string("refused") == "OTHER_BRANCH")
  }
}
