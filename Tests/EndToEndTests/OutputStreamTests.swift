import Foundation
import Testing

extension EndToEnd {
  /// Output that goes away is not a crash: a reader that stops reading ends the command quietly
  /// and no check-in is made for it; output that can't be written is one line and status 1.
  @Suite("Output that goes away", .serialized)
  struct OutputStreamTests {
    /// Runs the binary with standard output as the caller arranges, stdin from `input`.
    private func run(
      _ arguments: [String], home: URL, input: String = "",
      stdout: (Process) throws -> Void
    ) async throws -> (status: Int32, reason: Process.TerminationReason, error: String) {
      let process = Process()
      process.executableURL = try CheckinBinary.url()
      process.arguments = arguments
      process.environment = CheckinBinary.environment(home: home)
      let errors = Pipe()
      process.standardError = errors
      let feed = Pipe()
      process.standardInput = feed
      try stdout(process)
      let (stream, ended) = AsyncStream<Void>.makeStream()
      process.terminationHandler = { _ in
        ended.yield()
        ended.finish()
      }
      try process.run()
      try feed.fileHandleForWriting.write(contentsOf: Data(input.utf8))
      try feed.fileHandleForWriting.close()
      for await _ in stream { break }
      process.waitUntilExit()
      let text = String(
        decoding: (try? errors.fileHandleForReading.readToEnd()) ?? Data(), as: UTF8.self)
      return (process.terminationStatus, process.terminationReason, text)
    }

    private func withHome(_ body: (URL) async throws -> Void) async throws {
      let home = FileManager.default.temporaryDirectory
        .appending(path: "checkin-output-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: home) }
      // The demo database, made once with nothing reading the output question.
      let made = try await run(["--demo", "today"], home: home) { process in
        process.standardOutput = FileHandle.nullDevice
      }
      #expect(made.status == 0, "\(made.error)")
      try await body(home)
    }

    /// A pipe whose reader is already gone: the first write gets EPIPE.
    private func goneReader(_ process: Process) throws {
      let pipe = Pipe()
      process.standardOutput = pipe
      try pipe.fileHandleForReading.close()
    }

    @Test func aReaderThatIsGoneEndsTheCommandQuietly() async throws {
      try await withHome { home in
        for arguments in [
          ["--demo", "search", "a"], ["--demo", "today"], ["--demo", "show", "GYM-7"],
        ] {
          let result = try await run(arguments, home: home, stdout: goneReader)
          #expect(result.reason == .exit, "\(arguments)")
          #expect(result.status == 141, "\(arguments): \(result.error)")
          #expect(result.error.isEmpty, "\(arguments): no message, no backtrace: \(result.error)")
        }
      }
    }

    @Test func noCheckInIsMadeForAReaderWhoIsGone() async throws {
      try await withHome { home in
        let codes = ["GYM-1", "GYM-2", "GYM-3", "GYM-4", "GYM-5"].joined(separator: "\n") + "\n"
        let result = try await run(
          ["--demo", "scan", "--stdin", "--check-in-only"], home: home, input: codes,
          stdout: goneReader)
        #expect(result.status == 141, "\(result.error)")
        #expect(result.error.isEmpty, "\(result.error)")
        // The first check-in was committed before its receipt could be written; no other was.
        let today = Pipe()
        let listed = try await run(["--demo", "today", "--json"], home: home) { process in
          process.standardOutput = today
        }
        #expect(listed.status == 0)
        let data = (try today.fileHandleForReading.readToEnd()) ?? Data()
        let entries = try JSONSerialization.jsonObject(with: data) as? [Any]
        #expect(entries?.count == 1, "\(String(decoding: data, as: UTF8.self))")
      }
    }

    @Test func aFullDiskIsOneLineAndStatusOne() async throws {
      try await withHome { home in
        let result = try await run(["--demo", "search", "a"], home: home) { process in
          process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        }
        #expect(result.status == 1)
        let lines = result.error.split(separator: "\n")
        #expect(lines.count == 1, "\(result.error)")
        #expect(lines.first?.contains("can't write the output") == true, "\(result.error)")
      }
    }

    @Test func aClosedOutputIsOneLineAndStatusOne() async throws {
      try await withHome { home in
        let binary = try CheckinBinary.url().path
        let result = try await run(
          ["-c", "exec \"$0\" --demo search a >&-", binary], home: home
        ) { process in
          process.executableURL = URL(fileURLWithPath: "/bin/sh")
        }
        #expect(result.status == 1, "\(result.error)")
        #expect(result.error.contains("the stream is closed"), "\(result.error)")
        #expect(result.error.split(separator: "\n").count == 1, "\(result.error)")
      }
    }
  }
}
