import CheckInSQLite
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension EndToEnd {
  /// A station whose database it may read but not write (a file owned by another account, a
  /// read-only mount): a scan fails with one line that says so, never a crash or a half write.
  @Suite("Read-only database", .serialized)
  struct ReadOnlyDatabase {
    /// The last station closed the file cleanly, so no `-wal`/`-shm` file lies beside it, and the
    /// folder can't be written either.
    ///
    /// SQLite can't open a WAL database in that state even for reading: every reader needs the
    /// `-shm` index, and it can't be created. Observed with SQLite 3.40: `show` and `search` fail
    /// too, with "Can't write to the database PATH — check the file's permissions". So for them
    /// this test accepts either a correct answer or one clear line naming the file and its
    /// permissions; the scan must fail that way.
    @Test("Closed file in a folder the station can't write: one clear line, nothing written")
    func closedFile() async throws {
      try await withScratchFolder("read-only-closed") { folder in
        let gym = try Gym.create(in: folder, members: 3)
        let wal = gym.databasePath + "-wal"
        let shm = gym.databasePath + "-shm"
        #expect(
          !FileManager.default.fileExists(atPath: wal)
            && !FileManager.default.fileExists(atPath: shm),
          "a cleanly closed database leaves no -wal/-shm behind")
        let member = gym.members[0]
        let code = gym.code(of: member)
        let station = try ReadOnlyStation(gym: gym)
        defer { try? station.restorePermissions() }

        let scan = try await station.run(["scan", code, "--deduct"], name: "scan")
        Self.expectCantWrite(scan, path: gym.databasePath)
        let scanJSON = try await station.run(["scan", code, "--deduct", "--json"], name: "scanj")
        Self.expectCantWrite(scanJSON, path: gym.databasePath)

        let show = try await station.run(["show", code, "--json"], name: "show")
        if show.termination == .exited(0) {
          Self.expectCard(show, member: member, remaining: gym.initialRemaining)
        } else {
          Self.expectClearFailure(show, path: gym.databasePath)
        }
        let search = try await station.run(["search", "Tester", "--json"], name: "search")
        if search.termination == .exited(0) {
          Self.expectHits(search, count: gym.members.count)
        } else {
          Self.expectClearFailure(search, path: gym.databasePath)
        }
        print(
          "[e2e] read-only, closed file: scan \(scan.termination), show "
            + "\(show.termination), search \(search.termination): \(show.message ?? "")")

        try station.restorePermissions()
        let ledger = try gym.ledger()
        #expect(ledger.attendance.isEmpty, "a read-only scan wrote a visit")
        #expect(ledger.remaining.values.allSatisfy { $0 == gym.initialRemaining })
        #expect(ledger.integrity == ["ok"])
      }
    }

    /// Another station (here, the test) has the file open, so its `-wal` and `-shm` exist and are
    /// readable: a station without write access can read through them, but not check in.
    @Test("File open elsewhere: show, search and today work; scan fails with one clear line")
    func openElsewhere() async throws {
      try await withScratchFolder("read-only-open") { folder in
        let gym = try Gym.create(in: folder, members: 3)
        let holder = try LocalStore(path: gym.databasePath)
        _ = try holder.database.integer("SELECT count(*) FROM customers")
        for suffix in ["-wal", "-shm"] {
          try #require(
            FileManager.default.fileExists(atPath: gym.databasePath + suffix),
            "an open WAL database has its \(suffix) file")
        }
        let member = gym.members[1]
        let code = gym.code(of: member)
        let station = try ReadOnlyStation(gym: gym)
        defer { try? station.restorePermissions() }

        let show = try await station.run(["show", code, "--json"], name: "show")
        #expect(show.termination == .exited(0), "show: \(show.termination) \(show.errors)")
        Self.expectCard(show, member: member, remaining: gym.initialRemaining)
        let search = try await station.run(["search", "Tester", "--json"], name: "search")
        #expect(search.termination == .exited(0), "search: \(search.termination) \(search.errors)")
        Self.expectHits(search, count: gym.members.count)
        let today = try await station.run(["today", "--json"], name: "today")
        #expect(today.termination == .exited(0), "today: \(today.termination) \(today.errors)")
        #expect(today.lines == ["[]"], "today: \(today.lines)")

        let scan = try await station.run(["scan", code, "--deduct"], name: "scan")
        Self.expectCantWrite(scan, path: gym.databasePath)
        let scanJSON = try await station.run(["scan", code, "--deduct", "--json"], name: "scanj")
        Self.expectCantWrite(scanJSON, path: gym.databasePath)
        print("[e2e] read-only, open elsewhere: scan says: \(scan.message ?? "<nothing>")")

        let ledger = try Ledger(reading: holder.database)
        #expect(ledger.attendance.isEmpty, "a read-only scan wrote a visit")
        #expect(ledger.remaining.values.allSatisfy { $0 == gym.initialRemaining })
        #expect(ledger.integrity == ["ok"])
      }
    }

    /// Exit 1 and one line that names the file, says it can't be written, and points at the
    /// permissions.
    static func expectCantWrite(_ outcome: Outcome, path: String) {
      expectClearFailure(outcome, path: path)
      let lowered = outcome.message?.lowercased() ?? ""
      #expect(
        lowered.contains("write") || lowered.contains("read-only"),
        "\(outcome.name): message doesn't say the database can't be written: \(lowered)")
    }

    /// Exit 1 (not a crash) with exactly one line, on stderr or as `{"error": …}` with `--json`,
    /// that names the file and mentions permissions.
    static func expectClearFailure(_ outcome: Outcome, path: String) {
      #expect(
        outcome.termination == .exited(1),
        "\(outcome.name): \(outcome.termination); stderr: \(outcome.errors)")
      #expect(!outcome.errors.contains("Fatal error"), "\(outcome.name) crashed: \(outcome.errors)")
      guard let message = outcome.message else {
        let shape = "stdout \(outcome.lines), stderr \(outcome.errors)"
        Issue.record("\(outcome.name): want exactly one line of explanation; \(shape)")
        return
      }
      #expect(message.contains(path), "\(outcome.name): message doesn't name the file: \(message)")
      #expect(
        message.lowercased().contains("permission"),
        "\(outcome.name): message doesn't mention permissions: \(message)")
    }

    static func expectCard(_ outcome: Outcome, member: Int64, remaining: Int) {
      let card = outcome.lines.first.flatMap(Self.object)
      #expect(outcome.lines.count == 1, "show: \(outcome.lines)")
      #expect(card?["customer_id"] as? Int == Int(member), "show: \(outcome.lines)")
      let plans = card?["subscriptions"] as? [[String: Any]] ?? []
      #expect(plans.map { $0["remaining"] as? Int } == [remaining], "show: \(outcome.lines)")
    }

    static func expectHits(_ outcome: Outcome, count: Int) {
      let hits = outcome.lines.first.flatMap { line in
        try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [[String: Any]]
      }
      #expect(outcome.lines.count == 1, "search: \(outcome.lines)")
      #expect(hits?.count == count, "search: \(outcome.lines)")
    }

    static func object(_ line: String) -> [String: Any]? {
      try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    }
  }
}

/// How one command run ended and what it printed.
struct Outcome: Sendable {
  var name: String
  var termination: Termination
  var lines: [String]
  var errors: String
  var json: Bool

  /// The one line of explanation: `{"error": …}` on stdout with `--json`, else the only line on
  /// stderr with stdout empty; `nil` when the output has any other shape.
  var message: String? {
    let errorLines = errors.split(separator: "\n", omittingEmptySubsequences: true)
    if json {
      guard errorLines.isEmpty, lines.count == 1,
        let object = try? JSONSerialization.jsonObject(with: Data(lines[0].utf8))
          as? [String: Any],
        object.count == 1
      else { return nil }
      return object["error"] as? String
    }
    guard lines.isEmpty, errorLines.count == 1 else { return nil }
    return String(errorLines[0])
  }
}

/// Runs the binary without write access to the database: as root (which file permissions don't
/// stop) through `setpriv` or `runuser` as the unprivileged uid 65534; otherwise as ourselves.
/// The folder stays traversable and the files readable, but neither is writable.
struct ReadOnlyStation {
  let gym: Gym
  let launcher: URL
  let prefix: [String]
  private let isRoot: Bool

  init(gym: Gym) throws {
    self.gym = gym
    isRoot = geteuid() == 0
    let binary = try CheckinBinary.url()
    if isRoot {
      // A copy in the scratch folder, so the unprivileged user needn't reach the build folder.
      let copy = gym.folder.appending(path: "checkin")
      try FileManager.default.copyItem(at: binary, to: copy)
      try Self.chmod(copy.path, 0o755)
      (launcher, prefix) = try Self.unprivilegedLauncher(running: copy)
    } else {
      (launcher, prefix) = (binary, [])
    }
    try makeReadOnly()
  }

  private static func unprivilegedLauncher(running binary: URL) throws -> (URL, [String]) {
    let manager = FileManager.default
    for folder in ["/usr/bin", "/bin", "/usr/sbin", "/sbin"] {
      let setpriv = folder + "/setpriv"
      if manager.isExecutableFile(atPath: setpriv) {
        return (
          URL(fileURLWithPath: setpriv),
          ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path]
        )
      }
    }
    for folder in ["/usr/sbin", "/sbin", "/usr/bin", "/bin"] {
      let runuser = folder + "/runuser"
      if manager.isExecutableFile(atPath: runuser) {
        return (URL(fileURLWithPath: runuser), ["-u", "nobody", "--", binary.path])
      }
    }
    throw HarnessError(
      "The tests run as root, where file permissions don't stop writes, and neither setpriv nor "
        + "runuser is installed to run checkin as an unprivileged user — install util-linux.")
  }

  private var files: [String] {
    ["", "-wal", "-shm"].map { gym.databasePath + $0 }
      .filter { FileManager.default.fileExists(atPath: $0) }
  }

  private func makeReadOnly() throws {
    for file in files { try Self.chmod(file, isRoot ? 0o644 : 0o444) }
    try Self.chmod(gym.folder.path, isRoot ? 0o755 : 0o555)
  }

  /// Gives the owner write access again (needed to remove the folder when not root).
  func restorePermissions() throws {
    try Self.chmod(gym.folder.path, 0o755)
    for file in files { try Self.chmod(file, 0o644) }
  }

  private static func chmod(_ path: String, _ mode: Int) throws {
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
  }

  /// Runs `checkin --db DB ARGUMENTS…` without write access.
  func run(_ arguments: [String], name: String) async throws -> Outcome {
    var attempt = 0
    while true {
      let outcome = try await runOnce(arguments, name: name)
      // Tests in other suites start processes at the same time; one forked while the binary's
      // copy was still open for writing holds it "busy" until it execs. That passes in moments.
      attempt += 1
      guard outcome.errors.contains("Text file busy"), attempt < 50 else { return outcome }
      try await Task.sleep(for: .milliseconds(50))
    }
  }

  private func runOnce(_ arguments: [String], name: String) async throws -> Outcome {
    let logs = FileManager.default.temporaryDirectory
      .appending(path: "checkin-e2e-logs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: logs) }
    let process = try CheckinProcess(
      launcher, prefix + ["--db", gym.databasePath] + arguments,
      environment: CheckinBinary.environment(home: gym.folder), folder: logs, name: name)
    let termination = try await process.waitForExit()
    return Outcome(
      name: name, termination: termination, lines: process.outputLines().lines,
      errors: process.errorText(), json: arguments.contains("--json"))
  }
}
