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
  }
}
