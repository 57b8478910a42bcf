import CheckInSQLite
import Foundation
import Testing

extension EndToEnd {
  /// `scan --stdin` as a script feeds it: exactly one answer per code, however the scanner ended
  /// it, blank lines skipped, a runaway line one INVALID_CODE.
  @Suite("scan --stdin", .serialized)
  struct ScanStdinTests {
    @Test func oneAnswerPerCodeWhateverEndsIt() async throws {
      let folder = FileManager.default.temporaryDirectory
        .appending(path: "checkin-stdin-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: folder) }
      let desk = StationHome(home: folder.appending(path: "home"), folder: folder)
      _ = try await desk.run(["--demo", "today"])
      let runaway = String(repeating: "9", count: 20_000)
      let run = try await desk.run(
        ["--demo", "scan", "--stdin", "--check-in-only", "--json"],
        input: ["GYM-1\tGYM-2\rGYM-3", "", "   ", runaway, "GYM-4\r"])
      let answers = run.output.split(separator: "\n")
      #expect(answers.count == 5, "\(run.output)")
      #expect(answers.filter { $0.contains("\"attendance_id\"") }.count == 4, "\(run.output)")
      #expect(answers[3].contains("INVALID_CODE"), "\(answers[3])")
    }

    @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130))])
    func aStopSignalFinishesTheQueuedHooks(signal: Int32, status: Int32) async throws {
      try await withScratchFolder("stdin-stop") { folder in
        let desk = StationHome(home: folder.appending(path: "home"), folder: folder)
        _ = try await desk.run(["--demo", "demo"])
        let go = folder.appending(path: "go")
        let hooks = folder.appending(path: "hooks.jsonl")
        // Every hook waits for the test's word, so the signal finds them all still queued.
        let hook = "while [ ! -e '\(go.path)' ]; do sleep 0.05; done; cat >> '\(hooks.path)'"
        let scan = try CheckinProcess(
          try CheckinBinary.url(),
          [
            "--demo", "scan", "--stdin", "--json", "--on-checkin", hook, "--on-checkin-timeout",
            "120",
          ],
          environment: CheckinBinary.environment(home: desk.home), folder: folder, name: "scan",
          feedsInput: true)
        try scan.send(["GYM-1", "GYM-2", "GYM-13"])
        // A code the signal cuts off: it may be the start of GYM-31, so it must not be scanned.
        try scan.send(raw: "GYM-3")
        try await scan.waitFor("three answers") { $0.outputLines().lines.count >= 3 }
        #expect(scan.outputLines().lines.count == 3, "three answers before the signal")
        scan.send(signal: signal)
        // The input is still open: only the signal can have ended the reading.
        try await scan.waitFor("word of the queued hooks") {
          $0.errorText().contains("queued on-checkin commands")
        }
        #expect(
          scan.errorText().contains("running 3 queued on-checkin commands"), "\(scan.errorText())")
        try Data().write(to: go)
        let end = try await scan.waitForExit(within: .seconds(120))
        #expect(end == .exited(status), "\(end): \(scan.errorText())")
        let written = (try? String(contentsOf: hooks, encoding: .utf8)) ?? ""
        let members = written.split(separator: "\n").compactMap { line in
          (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?[
            "customer_id"]
            as? Int
        }
        #expect(members == [1, 2, 13], "every queued hook ran: \(written)")
        #expect(scan.errorText().contains("the rest of the input was not read"))
        #expect(scan.outputLines().lines.count == 3, "no answer for the cut-off GYM-3")
      }
    }

    /// A batch copies its check-ins back into the database file before it leaves, even while a
    /// station holds the file open (when SQLite's own checkpoint at the last close can't run):
    /// the station, which learns of the log's length only from its own commits, may not know.
    @Test func aBatchLeavesItsCheckInsInTheDatabaseFileItself() async throws {
      try await withScratchFolder("stdin-checkpoint") { folder in
        let gym = try Gym.create(in: folder, members: 6)
        let station = try Database(path: gym.databasePath, mode: .readWrite)
        #expect(try station.integer("SELECT count(*) FROM attendance") == 0)
        let desk = StationHome(home: folder.appending(path: "home"), folder: folder)
        let run = try await desk.run(
          ["--db", gym.databasePath, "scan", "--stdin", "--json"],
          input: gym.members.map(gym.code(of:)))
        #expect(run.status == 0, "\(run.error)")
        #expect(try station.integer("SELECT count(*) FROM attendance") == 6)

        // The database file alone, without its log, holds the batch.
        let copy = folder.appending(path: "file-alone.sqlite3").path
        try FileManager.default.copyItem(atPath: gym.databasePath, toPath: copy)
        let alone = try Database(path: copy, mode: .readWrite)
        #expect(try alone.integer("SELECT count(*) FROM attendance") == 6)
      }
    }
  }
}
