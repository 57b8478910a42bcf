import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failure of the test harness itself (binary missing, a process that never ends), with a
/// message that says what to do.
struct HarnessError: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) {
    self.description = description
  }
}

/// The `checkin` executable that `swift test` builds next to the test bundle.
enum CheckinBinary {
  /// Folders that may hold the products. Under `swift test` on Linux the tests run inside
  /// `<products>/CheckInStationPackageTests.xctest`, a plain executable in the products folder:
  /// `Bundle.main.bundleURL` is that folder (verified with swift 6.3 on Linux). The folder of
  /// `CommandLine.arguments[0]` is the same there and serves as a fallback for other runners.
  static var searchedFolders: [URL] {
    var folders = [Bundle.main.bundleURL]
    if let program = CommandLine.arguments.first {
      folders.append(URL(fileURLWithPath: program).deletingLastPathComponent())
    }
    return folders
  }

  /// The binary, or an error naming where it was looked for.
  static func url() throws -> URL {
    for folder in searchedFolders {
      let candidate = folder.appending(path: "checkin")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    let places = searchedFolders.map(\.path).joined(separator: ", ")
    throw HarnessError(
      "The `checkin` executable is not next to the test bundle (looked in \(places)). "
        + "Build it with `swift build --build-tests` in the same scratch path as `swift test`.")
  }

  /// An environment that keeps the binary away from the tester's own configuration and data.
  static func environment(home: URL) -> [String: String] {
    [
      "HOME": home.path,
      "XDG_CONFIG_HOME": home.appending(path: "config").path,
      "XDG_DATA_HOME": home.appending(path: "data").path,
      "XDG_STATE_HOME": home.appending(path: "state").path,
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "LANG": "C.UTF-8",
    ]
  }
}

/// How a process ended.
enum Termination: Equatable, Sendable, CustomStringConvertible {
  case exited(Int32)
  case killed(signal: Int32)

  var description: String {
    switch self {
    case .exited(let status): "exit status \(status)"
    case .killed(let signal): "killed by signal \(signal)"
    }
  }
}

/// One running program. Its standard output and error go to files, so no pipe can fill up and
/// block it, and every byte it wrote before a SIGKILL is still there to read.
final class CheckinProcess: Sendable {
  let name: String
  let outputURL: URL
  let errorURL: URL
  private let process: Process
  private let input: FileHandle?
  private let terminations: AsyncStream<Termination>

  /// Starts `executable` with `arguments`. With `feedsInput` its standard input is a pipe that
  /// `send` writes to; otherwise it reads `/dev/null`. `name` names the output files in `folder`.
  init(
    _ executable: URL, _ arguments: [String], environment: [String: String], folder: URL,
    name: String, feedsInput: Bool = false
  ) throws {
    Self.ignoreBrokenPipes
    self.name = name
    outputURL = folder.appending(path: "\(name).out")
    errorURL = folder.appending(path: "\(name).err")
    let output = try Self.newFile(at: outputURL)
    let errors = try Self.newFile(at: errorURL)
    defer {
      try? output.close()
      try? errors.close()
    }

    process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = environment
    process.currentDirectoryURL = folder
    process.standardOutput = output
    process.standardError = errors
    if feedsInput {
      let pipe = Pipe()
      process.standardInput = pipe
      input = pipe.fileHandleForWriting
    } else {
      process.standardInput = FileHandle.nullDevice
      input = nil
    }
    let (stream, continuation) = AsyncStream<Termination>.makeStream()
    terminations = stream
    process.terminationHandler = { finished in
      continuation.yield(
        finished.terminationReason == .uncaughtSignal
          ? .killed(signal: finished.terminationStatus) : .exited(finished.terminationStatus))
      continuation.finish()
    }
    try process.run()
  }

  /// A test writes to a station that may already be dead; that must be an error, not a SIGPIPE
  /// that ends the whole test run.
  private static let ignoreBrokenPipes: Void = {
    _ = signal(SIGPIPE, SIG_IGN)
  }()

  private static func newFile(at url: URL) throws -> FileHandle {
    guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
      throw HarnessError("Can't create \(url.path)")
    }
    return try FileHandle(forWritingTo: url)
  }

  /// Writes `lines` to the process's standard input, each ended by a newline.
  func send(_ lines: [String]) throws {
    guard let input else { throw HarnessError("\(name) was started without an input pipe") }
    try input.write(contentsOf: Data(lines.map { $0 + "\n" }.joined().utf8))
  }

  /// Returns once `condition` holds of the process's output, checked every 50 ms; a process that
  /// never gets there within `limit` is a harness error naming `what`.
  func waitFor(
    _ what: String, within limit: Duration = .seconds(60), _ condition: (CheckinProcess) -> Bool
  ) async throws {
    let deadline = ContinuousClock.now + limit
    while !condition(self) {
      guard ContinuousClock.now < deadline else {
        throw HarnessError("\(name): no \(what) within \(limit); stderr: \(errorText())")
      }
      try await Task.sleep(for: .milliseconds(50))
    }
  }

  /// Writes `text` as it is, with no newline added.
  func send(raw text: String) throws {
    guard let input else { throw HarnessError("\(name) was started without an input pipe") }
    try input.write(contentsOf: Data(text.utf8))
  }

  /// Ends the input: a `scan --stdin` station finishes its scans and exits.
  func closeInput() throws {
    try input?.close()
  }

  /// Sends `number` (SIGTERM, SIGINT …) if the process is still running.
  func send(signal number: Int32) {
    guard process.isRunning else { return }
    _ = sendSignal(process.processIdentifier, number)
  }

  /// Sends SIGKILL if the process is still running.
  func kill() {
    guard process.isRunning else { return }
    _ = sendSignal(process.processIdentifier, SIGKILL)
  }

  /// Waits for the process to end; one that outlives `limit` is killed and reported. Call once.
  func waitForExit(within limit: Duration = .seconds(60)) async throws -> Termination {
    let stream = terminations
    let ended = await withTaskGroup(of: Termination?.self) { group in
      group.addTask {
        for await termination in stream { return termination }
        return nil
      }
      group.addTask {
        try? await Task.sleep(for: limit)
        return nil
      }
      let first = await group.next() ?? nil
      group.cancelAll()
      return first
    }
    guard let ended else {
      kill()
      throw HarnessError(
        "\(name) did not exit within \(limit) and was killed; stderr: \(errorText())")
    }
    return ended
  }

  /// Everything written to standard output, as complete lines, and any unfinished last line.
  func outputLines() -> (lines: [String], unfinished: String?) {
    let text = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
    var lines = text.components(separatedBy: "\n")
    let last = lines.removeLast()
    return (lines, last.isEmpty ? nil : last)
  }

  /// Everything written to standard error.
  func errorText() -> String {
    (try? String(contentsOf: errorURL, encoding: .utf8)) ?? "<unreadable>"
  }
}

private func sendSignal(_ process: Int32, _ signal: Int32) -> Int32 {
  kill(process, signal)
}
