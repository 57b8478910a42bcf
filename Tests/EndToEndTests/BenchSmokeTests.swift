import Foundation
import Testing

extension EndToEnd {
  /// `checkin bench` on a small generated gym: it runs to the end and reports every figure the
  /// JSON output promises. Only the shape and sense of the figures are checked — never their
  /// size, which depends on the machine.
  @Suite("Benchmark smoke run", .serialized)
  struct BenchSmokeTests {
    @Test func aSmallBenchReportsEveryFigure() async throws {
      let folder = FileManager.default.temporaryDirectory
        .appending(path: "checkin-bench-smoke-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: folder) }
      let database = folder.appending(path: "bench.sqlite3").path
      let process = try CheckinProcess(
        try CheckinBinary.url(),
        [
          "bench", "--members", "300", "--visits", "3", "--repetitions", "30", "--processes", "2",
          "--db", database, "--json",
        ], environment: CheckinBinary.environment(home: folder), folder: folder, name: "bench")
      let termination = try await process.waitForExit(within: .seconds(120))
      #expect(termination == .exited(0), "\(process.errorText())")
      let line = try #require(process.outputLines().lines.last)
      let report = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      #expect(report["members"] as? Int == 300)
      #expect(report["attendance"] as? Int == 900)
      for key in [
        "disk_append_fsync_ms", "scan_to_receipt_ms", "scan_to_receipt_after_import_ms",
        "lookup_ms", "search_keystroke_ms", "render_ms", "startup_ms", "today_figures_ms",
        "today_count_ms", "panel_frame_120x40_ms", "panel_frame_200x60_ms",
      ] {
        let figure = try #require(report[key] as? [String: Double], "\(key) in \(line)")
        let (p50, p99, max) = (figure["p50"] ?? -1, figure["p99"] ?? -1, figure["max"] ?? -1)
        #expect(p50 > 0 && p50 <= p99 && p99 <= max, "\(key): \(figure)")
      }
      // Each scan figure over the disk's floor from the same run, all printed to 0.001.
      let disk = try #require(report["disk_append_fsync_ms"] as? [String: Double])
      let rounding = 0.0005
      for (key, ratioKey) in [
        ("scan_to_receipt_ms", "scan_over_disk"),
        ("scan_to_receipt_after_import_ms", "scan_after_import_over_disk"),
      ] {
        let scan = try #require(report[key] as? [String: Double])
        let ratio = try #require(report[ratioKey] as? [String: Double], "\(ratioKey) in \(line)")
        for percentile in ["p50", "p99"] {
          let (over, under) = (scan[percentile] ?? 0, disk[percentile] ?? 0)
          let lowest = (over - rounding) / (under + rounding) - rounding
          let highest = (over + rounding) / max(under - rounding, rounding) + rounding
          let printed = ratio[percentile] ?? -1
          #expect(
            lowest <= printed && printed <= highest, "\(ratioKey).\(percentile): \(ratio)")
        }
      }
      #expect(report["import_members"] as? Int == 300)
      // The busy day is written whole whatever the gym's size: 5,000 visits counted today.
      #expect(report["busy_day_visits"] as? Int == 5000, "\(line)")
      #expect(report["busy_day_voided"] as? Int == 100, "\(line)")
      #expect((report["peak_rss_mb"] as? Double ?? 0) > 1)
      let concurrency = try #require(report["concurrency"] as? [String: Any])
      #expect(concurrency["processes"] as? Int == 2)
      #expect((concurrency["checkins_per_s"] as? Double ?? 0) > 0)
      #expect((concurrency["p99_ms"] as? Double ?? 0) > 0)

      // A second run on the same file reuses the generated gym.
      let again = try CheckinProcess(
        try CheckinBinary.url(),
        [
          "bench", "--members", "300", "--visits", "3", "--repetitions", "10", "--processes", "1",
          "--db", database,
        ], environment: CheckinBinary.environment(home: folder), folder: folder, name: "again")
      #expect(try await again.waitForExit(within: .seconds(120)) == .exited(0))
      let table = again.outputLines().lines.joined(separator: "\n")
      #expect(table.contains("300 members"))
      // Today holds the busy day again, not the first run's scans on top of it.
      #expect(table.contains("Busy day: 5,000 visits today at branch 1"), "\(table)")
      for row in [
        "today's figures (5,000 visits)", "  the count alone",
        "panel frame 120×40 (5,000 today)",
        "panel frame 200×60 (5,000 today)",
      ] {
        #expect(table.contains("\n" + row), "\(row) missing:\n\(table)")
      }
      #expect(!table.contains("Generated in"), "the gym was generated again:\n\(table)")
    }

    /// `checkin bench --api` against the stand-in in field mode: every figure, the requests a
    /// scan costs, and the station's check-ins recorded on the server. The ratios' size depends
    /// on the machine and is not checked.
    @Test func aRemoteBenchReportsTheStationBesideTheServersYardsticks() async throws {
      try await withOneServer { desk, server in
        try await desk.logIn(server)
        let run = try await desk.run(
          ["bench", "--api", server.url, "--repetitions", "3", "--json"])
        #expect(run.status == 0, "\(run.error)")
        let line = try #require(run.output.split(separator: "\n").last.map(String.init))
        let report = try #require(
          try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(report["rounds"] as? Int == 3)
        for key in [
          "one_get", "app_sequence", "seen_before", "first_seen", "one_post", "confirm",
          "cpu_per_scan",
        ] {
          let figure = try #require(report[key] as? [String: Double], "\(key) in \(line)")
          #expect(
            (figure["p50"] ?? -1) >= 0 && (figure["p50"] ?? 0) <= (figure["p99"] ?? -1), "\(key)")
        }
        #expect(report["requests_seen_before"] as? Int == 3, "\(line)")
        // Anything but the stand-in is refused: the benchmark checks members in.
        let elsewhere = try await desk.run(["bench", "--api", "http://127.0.0.1:9"])
        #expect(elsewhere.status == 1, "\(elsewhere.output)")
        #expect(elsewhere.error.contains("isn't the stand-in"), "\(elsewhere.error)")
        #expect(report["requests_first_seen"] as? Int == 4, "\(line)")
      }
    }
  }
}
