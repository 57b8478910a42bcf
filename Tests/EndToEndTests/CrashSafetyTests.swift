import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension EndToEnd {
  /// `checkin scan --deduct` killed with SIGKILL at random moments: the database must hold either
  /// all of a check-in or none of it, and every receipt a station printed must be on disk.
  @Suite("Crash safety", .serialized)
  struct CrashSafety {
    static let memberCount = 12

    @Test("A streaming station killed at random moments leaves whole check-ins only")
    func killedStreamingStation() async throws {
      let iterations = 36
      let seed = SeededGenerator.seed(0x5EED_0001)
      print("[e2e] crash seed \(seed) (set CHECKIN_E2E_SEED to replay)")
      var random = SeededGenerator(seed: seed)
      try await withScratchFolder("crash-stream") { folder in
        let gym = try Gym.create(in: folder, members: Self.memberCount)
        let binary = try CheckinBinary.url()
        var printed: [ReceiptLine] = []
        var emptyRuns = 0
        var unfinishedLines = 0
        var delays: [Int] = []
        for iteration in 1...iterations {
          // 5–80 ms: a station starts in a few ms and then checks in roughly one code a
          // millisecond, so kills land in start-up, inside a transaction, and between scans.
          let delay = Int.random(in: 5...80, using: &random)
          delays.append(delay)
          let codes = (0..<400).map { _ in
            gym.code(of: gym.members.randomElement(using: &random) ?? 1)
          }
          let station = try CheckinProcess(
            binary,
            [
              "--db", gym.databasePath, "--duplicate-window", "0", "scan", "--stdin", "--json",
              "--deduct",
            ],
            environment: CheckinBinary.environment(home: folder), folder: folder,
            name: "killed-\(iteration)", feedsInput: true)
          // The input stays open: the station would wait for more codes rather than finish.
          try station.send(codes)
          try await Task.sleep(for: .milliseconds(delay))
          station.kill()
          let termination = try await station.waitForExit()
          try? station.closeInput()
          #expect(
            termination == .killed(signal: SIGKILL),
            "iteration \(iteration): \(termination); stderr: \(station.errorText())")

          let output = station.outputLines()
          if output.unfinished != nil { unfinishedLines += 1 }
          let lines = output.lines.map(ScanLine.init(parsing:))
          let others = lines.filter { $0.receipt == nil }
          #expect(others.isEmpty, "iteration \(iteration): not receipts: \(others.prefix(3))")
          let receipts = lines.compactMap(\.receipt)
          if receipts.isEmpty { emptyRuns += 1 }
          printed += receipts

          // Every other kill is left for the next station to recover from; the others are
          // checked (and the file closed cleanly) by the test's own connection.
          // (After the first inconsistency every later check would repeat it: stop there.)
          if iteration.isMultiple(of: 2) || iteration == iterations {
            guard try Self.expectConsistent(gym, printed: printed, after: "kill \(iteration)")
            else { break }
          }
        }
        let ledger = try gym.ledger()
        print(
          "[e2e] crash (stream): \(iterations) kills after \(delays.min() ?? 0)–"
            + "\(delays.max() ?? 0) ms; \(printed.count) receipts printed, \(emptyRuns) runs "
            + "killed before their first receipt, \(unfinishedLines) half-printed lines; "
            + "\(ledger.attendance.count) attendance rows in the database (the rest committed "
            + "before the kill but never printed)")
      }
    }

    @Test("A single-shot scan killed at random moments leaves a whole check-in or none")
    func killedSingleScan() async throws {
      let iterations = 12
      let seed = SeededGenerator.seed(0x5EED_0002)
      var random = SeededGenerator(seed: seed)
      try await withScratchFolder("crash-single") { folder in
        let gym = try Gym.create(in: folder, members: Self.memberCount)
        let binary = try CheckinBinary.url()
        var printed: [ReceiptLine] = []
        var killed = 0
        for iteration in 1...iterations {
          // A whole single-shot run takes about 10–30 ms here: some kills land before the
          // check-in, some during it, some after the process is gone.
          let delay = Int.random(in: 1...40, using: &random)
          let member = gym.members.randomElement(using: &random) ?? 1
          let scan = try CheckinProcess(
            binary,
            [
              "--db", gym.databasePath, "--duplicate-window", "0", "scan", gym.code(of: member),
              "--deduct", "--json",
            ],
            environment: CheckinBinary.environment(home: folder), folder: folder,
            name: "single-\(iteration)")
          try await Task.sleep(for: .milliseconds(delay))
          scan.kill()
          let termination = try await scan.waitForExit()
          let output = scan.outputLines()
          let lines = output.lines.map(ScanLine.init(parsing:))
          switch termination {
          case .killed(signal: SIGKILL):
            killed += 1
            #expect(lines.count <= 1 && lines.allSatisfy { $0.receipt?.customerID == member })
          case .exited(0):
            #expect(
              lines.count == 1 && lines.first?.receipt?.customerID == member,
              "iteration \(iteration): a finished scan prints its receipt: \(output.lines)")
          default:
            Issue.record(
              "iteration \(iteration): \(termination); stderr: \(scan.errorText())")
          }
          printed += lines.compactMap(\.receipt)
          if iteration.isMultiple(of: 3) || iteration == iterations {
            guard try Self.expectConsistent(gym, printed: printed, after: "single \(iteration)")
            else { break }
          }
        }
        print(
          "[e2e] crash (single shot): \(iterations) runs, \(killed) killed, "
            + "\(iterations - killed) finished first; \(printed.count) receipts printed")
      }
    }

    /// The database after a crash: sound, and every count matching the visits that deducted it.
    /// Returns whether it was.
    static func expectConsistent(_ gym: Gym, printed: [ReceiptLine], after moment: String) throws
      -> Bool
    {
      let ledger = try gym.ledger()
      #expect(ledger.integrity == ["ok"], "\(moment): integrity_check \(ledger.integrity)")
      #expect(ledger.foreignKeyProblems == 0, "\(moment): foreign_key_check")

      var deductedByPlan: [Int64: Int] = [:]
      var problems: [String] = []
      for row in ledger.attendance where !row.isVoided {
        if row.deducted > 0 {
          guard let plan = row.subscriptionID, ledger.remaining[plan] != nil else {
            problems.append("visit \(row.id) deducted \(row.deducted) from no plan")
            continue
          }
          deductedByPlan[plan, default: 0] += row.deducted
        }
        let wanted = row.deducted > 0 ? "check_in_with_deduction" : "check_in_only"
        if row.action != wanted {
          problems.append("visit \(row.id): action \(row.action) with deducted \(row.deducted)")
        }
      }
      for member in gym.members {
        let plan = gym.plan(of: member)
        let used = gym.initialRemaining - (ledger.remaining[plan] ?? -1)
        if used != deductedByPlan[plan, default: 0] {
          problems.append(
            "plan \(plan): \(used) sessions gone, visits deducted \(deductedByPlan[plan, default: 0])"
          )
        }
      }
      #expect(problems.isEmpty, "\(moment): \(problems.prefix(10))")

      // A printed receipt is durable: the station said so only after the commit.
      let rows = Dictionary(uniqueKeysWithValues: ledger.attendance.map { ($0.id, $0) })
      var lost: [String] = []
      for receipt in printed {
        guard let row = rows[receipt.attendanceID] else {
          lost.append("receipt \(receipt.attendanceID) has no row")
          continue
        }
        if row.customerID != receipt.customerID || row.deducted != receipt.deducted
          || row.subscriptionID != receipt.subscriptionID || row.isVoided
        {
          lost.append("receipt \(receipt) but row \(row)")
        }
        if let plan = receipt.subscriptionID, let reported = receipt.remaining,
          let now = ledger.remaining[plan], now > reported
        {
          lost.append("receipt \(receipt.attendanceID) left \(reported) but plan has \(now)")
        }
      }
      #expect(lost.isEmpty, "\(moment): \(lost.prefix(10))")
      // No two printed deductions saw the same count on one plan.
      let counts = Dictionary(grouping: printed.filter { $0.deducted > 0 }) { $0.subscriptionID }
      let repeated = counts.filter { Set($0.value.compactMap(\.remaining)).count != $0.value.count }
      #expect(repeated.isEmpty, "\(moment): repeated remaining values on plans \(repeated.keys)")
      return ledger.integrity == ["ok"] && ledger.foreignKeyProblems == 0 && problems.isEmpty
        && lost.isEmpty && repeated.isEmpty
    }
  }
}
