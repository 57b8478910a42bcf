import Foundation
import Testing

extension EndToEnd {
  /// Four stations (processes of the built binary) scanning overlapping members of one database
  /// at once, as several SSH sessions on one host do.
  @Suite("Concurrent stations", .serialized)
  struct Concurrency {
    static let stations = 4
    static let memberCount = 40
    /// Every member four times, then draws with replacement: 200 scans per station.
    static let fullRounds = 4
    static let extraDraws = 40

    @Test("Duplicate guard on: of simultaneous scans of one member, exactly one checks in")
    func duplicateGuardOn() async throws {
      try await withScratchFolder("guard-on") { folder in
        let gym = try Gym.create(in: folder, members: Self.memberCount)
        let queues = Self.queues(for: gym, seed: SeededGenerator.seed(0xC0FF_EE01))
        let runs = try await StationRun.start(gym: gym, options: [], queues: queues)
        let ledger = try gym.ledger()

        let tally = Tally(runs: runs)
        #expect(
          tally.problems.isEmpty,
          "every scan prints one receipt or DUPLICATE for its member: \(tally.problems.prefix(10))")
        let refusalCodes = Set(tally.refusals.map(\.code))
        #expect(refusalCodes.isSubset(of: ["DUPLICATE"]), "refusals: \(refusalCodes.sorted())")

        var mismatches: [String] = []
        let visits = ledger.visitsByMember
        for member in gym.members {
          let reported = tally.receipts[member] ?? []
          let rows = visits[member] ?? []
          let deducted = gym.initialRemaining - (ledger.remaining[gym.plan(of: member)] ?? -1)
          if reported.count != 1 || rows.count != 1 || deducted != 1 {
            mismatches.append(
              "member \(member): \(reported.count) receipts, \(rows.count) rows, "
                + "\(deducted) deducted (want 1 each)")
          }
          if reported.map(\.deducted).reduce(0, +) != rows.map(\.deducted).reduce(0, +) {
            mismatches.append("member \(member): receipts and rows disagree on the deduction")
          }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        Self.expectReceiptsMatchRows(tally, ledger)

        print(
          "[e2e] guard on: \(tally.scans) scans by \(Self.stations) stations in "
            + "\(StationRun.seconds(runs)) s (\(StationRun.rate(runs, scans: tally.scans)) scans/s); "
            + "\(tally.receipts.values.map(\.count).reduce(0, +)) check-ins, "
            + "\(tally.refusals.count) DUPLICATE; \(ledger.attendance.count) attendance rows")
      }
    }

    @Test("Duplicate guard off: every scan deducts exactly once")
    func duplicateGuardOff() async throws {
      try await withScratchFolder("guard-off") { folder in
        let gym = try Gym.create(in: folder, members: Self.memberCount)
        let queues = Self.queues(for: gym, seed: SeededGenerator.seed(0xC0FF_EE02))
        let runs = try await StationRun.start(
          gym: gym, options: ["--duplicate-window", "0"], queues: queues)
        let ledger = try gym.ledger()

        let tally = Tally(runs: runs)
        #expect(
          tally.problems.isEmpty,
          "every scan prints one receipt for its member: \(tally.problems.prefix(10))")
        #expect(tally.refusals.isEmpty, "refusals: \(tally.refusals.prefix(10))")

        var mismatches: [String] = []
        let visits = ledger.visitsByMember
        for member in gym.members {
          let scans = tally.scansOf[member] ?? 0
          let reported = tally.receipts[member] ?? []
          let rows = visits[member] ?? []
          let deducted = gym.initialRemaining - (ledger.remaining[gym.plan(of: member)] ?? -1)
          if reported.count != scans || rows.count != scans || deducted != scans {
            mismatches.append(
              "member \(member): \(scans) scans, \(reported.count) receipts, \(rows.count) rows, "
                + "\(deducted) deducted")
          }
          if !(reported.map(\.deducted) + rows.map(\.deducted)).allSatisfy({ $0 == 1 }) {
            mismatches.append("member \(member): a check-in did not deduct exactly one session")
          }
          // Each deduction saw its own count: the receipts' remaining values are exactly
          // initial-1, initial-2, …, initial-scans, with none repeated.
          let seen = reported.compactMap(\.remaining).sorted()
          let expected = Array((gym.initialRemaining - scans)..<gym.initialRemaining)
          if seen != expected {
            mismatches.append(
              "member \(member): receipts reported remaining \(seen), want \(expected)")
          }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        Self.expectReceiptsMatchRows(tally, ledger)

        print(
          "[e2e] guard off: \(tally.scans) scans by \(Self.stations) stations in "
            + "\(StationRun.seconds(runs)) s (\(StationRun.rate(runs, scans: tally.scans)) scans/s); "
            + "\(ledger.attendance.count) attendance rows, "
            + "\(gym.members.count * gym.initialRemaining - ledger.remaining.values.reduce(0, +)) "
            + "sessions deducted")
      }
    }

    /// What every station must show in either mode.
    private static func expectReceiptsMatchRows(_ tally: Tally, _ ledger: Ledger) {
      #expect(ledger.integrity == ["ok"], "integrity_check: \(ledger.integrity)")
      #expect(ledger.foreignKeyProblems == 0)
      let rows = Dictionary(uniqueKeysWithValues: ledger.attendance.map { ($0.id, $0) })
      let receipts = tally.receipts.values.flatMap { $0 }
      #expect(Set(receipts.map(\.attendanceID)).count == receipts.count, "attendance ids repeat")
      #expect(
        Set(receipts.map(\.attendanceID)) == Set(rows.keys),
        "the rows in the database are exactly the check-ins the stations reported")
      let disagreeing = receipts.filter { receipt in
        guard let row = rows[receipt.attendanceID] else { return true }
        return row.customerID != receipt.customerID || row.deducted != receipt.deducted
          || row.subscriptionID != receipt.subscriptionID || row.isVoided
      }
      #expect(disagreeing.isEmpty, "receipts unlike their rows: \(disagreeing.prefix(5))")
    }

    /// The scan queues of the four stations. The first round is the same shuffled queue at every
    /// station, so four stations scan a member at about the same moment; after that each station
    /// goes through its own shuffled rounds and random draws.
    static func queues(for gym: Gym, seed: UInt64) -> [[Int64]] {
      print("[e2e] concurrency seed \(seed) (set CHECKIN_E2E_SEED to replay)")
      var shared = SeededGenerator(seed: seed)
      let firstRound = gym.members.shuffled(using: &shared)
      return (0..<stations).map { station in
        var random = SeededGenerator(seed: seed &+ UInt64(station + 1) &* 7919)
        var queue = firstRound
        for _ in 1..<fullRounds { queue += gym.members.shuffled(using: &random) }
        for _ in 0..<extraDraws {
          queue.append(gym.members.randomElement(using: &random) ?? gym.members[0])
        }
        return queue
      }
    }
  }
}

/// One `checkin scan --stdin --json --deduct` station and what it printed.
struct StationRun: Sendable {
  var queue: [Int64]
  var lines: [String]
  var unfinished: String?
  var errors: String
  var termination: Termination
  var seconds: Double

  /// Starts one station per queue, then feeds every station its whole queue at once and closes
  /// the input; returns when all have exited.
  static func start(gym: Gym, options: [String], queues: [[Int64]]) async throws -> [StationRun] {
    let binary = try CheckinBinary.url()
    let environment = CheckinBinary.environment(home: gym.folder)
    var stations: [CheckinProcess] = []
    defer {
      for station in stations { station.kill() }
    }
    for index in queues.indices {
      stations.append(
        try CheckinProcess(
          binary,
          ["--db", gym.databasePath, "--station", "e2e-\(index + 1)"] + options
            + ["scan", "--stdin", "--json", "--deduct"],
          environment: environment, folder: gym.folder, name: "station-\(index + 1)",
          feedsInput: true))
    }
    let started = ContinuousClock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
      for (station, queue) in zip(stations, queues) {
        let codes = queue.map(gym.code(of:))
        group.addTask {
          try station.send(codes)
          try station.closeInput()
        }
      }
      try await group.waitForAll()
    }
    var runs: [StationRun] = []
    for (station, queue) in zip(stations, queues) {
      let termination = try await station.waitForExit()
      let output = station.outputLines()
      runs.append(
        StationRun(
          queue: queue, lines: output.lines, unfinished: output.unfinished,
          errors: station.errorText(), termination: termination,
          seconds: (ContinuousClock.now - started) / .seconds(1)))
    }
    for (index, run) in runs.enumerated() {
      #expect(run.termination == .exited(0), "station \(index + 1): \(run.termination)")
      #expect(
        run.lines.count == run.queue.count && run.unfinished == nil,
        "station \(index + 1): \(run.queue.count) scans printed \(run.lines.count) lines")
      let lowered = run.errors.lowercased()
      #expect(
        !lowered.contains("locked") && !lowered.contains("busy"),
        "station \(index + 1) surfaced a lock: \(run.errors)")
      #expect(run.errors.isEmpty, "station \(index + 1) stderr: \(run.errors)")
    }
    return runs
  }

  /// Wall time until the last station exited.
  static func seconds(_ runs: [StationRun]) -> String {
    String(format: "%.2f", runs.map(\.seconds).max() ?? 0)
  }

  static func rate(_ runs: [StationRun], scans: Int) -> String {
    let seconds = runs.map(\.seconds).max() ?? 0
    return seconds > 0 ? String(format: "%.0f", Double(scans) / seconds) : "?"
  }
}

/// The stations' output, matched line by line with what they scanned.
struct Tally {
  var scans = 0
  var scansOf: [Int64: Int] = [:]
  var receipts: [Int64: [ReceiptLine]] = [:]
  var refusals: [(code: String, member: Int64)] = []
  /// Lines that are neither a receipt nor a refusal for the member scanned.
  var problems: [String] = []

  init(runs: [StationRun]) {
    for (index, run) in runs.enumerated() {
      for (position, member) in run.queue.enumerated() {
        scans += 1
        scansOf[member, default: 0] += 1
        guard position < run.lines.count else {
          problems.append("station \(index + 1) scan \(position + 1): no output")
          continue
        }
        let line = ScanLine(parsing: run.lines[position])
        guard line.customerID == member else {
          problems.append(
            "station \(index + 1) scan \(position + 1) of member \(member): "
              + run.lines[position])
          continue
        }
        switch line {
        case .checkedIn(let receipt): receipts[member, default: []].append(receipt)
        case .refused(let code, _): refusals.append((code, member))
        case .unexpected(let text): problems.append("station \(index + 1): \(text)")
        }
      }
      if run.lines.count > run.queue.count {
        problems.append(
          "station \(index + 1) printed extra lines: \(run.lines[run.queue.count...].prefix(3))")
      }
    }
  }
}
