import Foundation
import Testing

@testable import CheckInApp

extension ProcessTests {
  /// `--on-checkin`: the receipt goes to the command; the command never changes the check-in.
  @Suite("--on-checkin")
  struct HookTests {
    init() { ProcessTests.ignoreBrokenPipes() }

    @Test func theHookGetsTheSameReceiptAsScanJSON() async throws {
      let sandbox = try Sandbox()
      defer { sandbox.remove() }
      let hook = "cat > '\(sandbox.path("receipt.json"))'"
      let result = await sandbox.run(["--demo", "scan", "GYM-1", "--json", "--on-checkin", hook])
      #expect(result.status == 0, "\(result)")
      let written = try #require(sandbox.read("receipt.json"))
      #expect(written == result.out)
      let receipt = try JSON.object(written)
      #expect(receipt.int("customer_id") == 1)
      #expect(receipt.int("remaining") == 7)
      #expect(!result.err.contains("on-checkin command"))
    }

    @Test func theHookGetsJSONAfterATextScanToo() async throws {
      let sandbox = try Sandbox()
      defer { sandbox.remove() }
      let hook = "cat > '\(sandbox.path("receipt.json"))'"
      let result = await sandbox.run(["--demo", "scan", "GYM-3", "--on-checkin", hook])
      #expect(result.status == 0, "\(result)")
      #expect(result.out.hasPrefix("CHECKED IN"))
      let receipt = try JSON.object(try #require(sandbox.read("receipt.json")))
      #expect(receipt.int("customer_id") == 3)
      #expect(receipt.isNull("remaining"))
    }

    @Test func theHookMayComeFromTheConfigFile() async throws {
      let sandbox = try Sandbox()
      defer { sandbox.remove() }
      try sandbox.write(
        "config/checkin/checkin.conf", "on_checkin = cat > '\(sandbox.path("receipt.json"))'\n")
      let result = await sandbox.run(["--demo", "scan", "GYM-2", "--json"])
      #expect(result.status == 0, "\(result)")
      #expect(sandbox.read("receipt.json") == result.out)
    }

    @Test func everyCheckInOfAStdinRunIsAnnouncedInOrder() async throws {
      let sandbox = try Sandbox()
      defer { sandbox.remove() }
      let hook = "cat >> '\(sandbox.path("receipts.jsonl"))'"
      let result = await sandbox.run(
        ["--demo", "scan", "--stdin", "--json", "--on-checkin", hook],
        input: ["GYM-1", "GYM-9", "GYM-2", "GYM-13"])
      #expect(result.status == 0, "\(result)")
      let lines = try #require(sandbox.read("receipts.jsonl")).split(separator: "\n")
      let ids = try lines.map { try JSON.object(String($0)).int("customer_id") }
      #expect(ids == [1, 2, 13])
    }

    @Test func aFailingHookLeavesTheCheckInStanding() async throws {
      let sandbox = try Sandbox()
      defer { sandbox.remove() }
      let result = await sandbox.run([
        "--demo", "scan", "GYM-1", "--json", "--on-checkin", "exit 3",
      ])
      #expect(result.status == 0, "\(result)")
      #expect(try JSON.onlyObject(in: result).int("remaining") == 7)
      #expect(result.err.contains("failed (exit status 3)"))
      #expect(result.err.contains("the check-in stands"))
      let probe = try StoreProbe(sandbox.demoDatabase)
      #expect(try probe.visits == 1)
      #expect(try probe.remaining(member: 1, plan: 1001) == 7)
    }

    @Test func aSlowHookIsStoppedAndTheCheckInStands() async throws {
      let sandbox = try Sandbox()
      defer { sandbox.remove() }
      let result = await sandbox.run([
        "--demo", "scan", "GYM-1", "--json", "--on-checkin", "sleep 30",
        "--on-checkin-timeout", "0.5",
      ])
      #expect(result.status == 0, "\(result)")
      #expect(try JSON.onlyObject(in: result).int("customer_id") == 1)
      #expect(result.err.contains("was stopped after 0.5 s"))
      let probe = try StoreProbe(sandbox.demoDatabase)
      #expect(try probe.visits == 1)
      #expect(try probe.remaining(member: 1, plan: 1001) == 7)
    }

    @Test(arguments: ["GYM-6", "GYM-115", "GYM 1"])
    func noHookRunsForARefusal(code: String) async throws {
      let sandbox = try Sandbox()
      defer { sandbox.remove() }
      let marker = sandbox.path("hook-ran")
      let result = await sandbox.run(
        ["--demo", "scan", code, "--json", "--on-checkin", "echo ran >> '\(marker)'"])
      #expect(result.status == 3, "\(result)")
      #expect(!sandbox.exists(marker))
    }

    @Test func noHookRunsForADuplicate() async throws {
      let sandbox = try Sandbox()
      defer { sandbox.remove() }
      let marker = sandbox.path("hook-ran")
      let hook = "echo ran >> '\(marker)'"
      #expect(await sandbox.run(["--demo", "scan", "GYM-1", "--on-checkin", hook]).status == 0)
      #expect(await sandbox.run(["--demo", "scan", "GYM-1", "--on-checkin", hook]).status == 3)
      #expect(sandbox.read("hook-ran") == "ran\n")
    }
  }
}
