import Foundation

@testable import CheckInApp

/// A fresh folder per test standing in for the user's home: data, configuration and state all
/// live inside it, so no test reads or writes the real home directory.
struct Sandbox {
  /// 2026-03-15 08:00:00 UTC, 10:00 at the desk.
  static let now = Date(timeIntervalSince1970: 1_773_561_600)
  /// The desk's zone: a fixed UTC+2, so local days differ from UTC days.
  static let timeZone = TimeZone(secondsFromGMT: 2 * 3600) ?? .gmt

  let root: String

  init() throws {
    let name = "checkin-app-tests-\(UUID().uuidString)"
    root = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
  }

  /// Deletes the folder and everything in it.
  func remove() {
    try? FileManager.default.removeItem(atPath: root)
  }

  /// The environment the program sees: every XDG folder and HOME inside the sandbox.
  var environment: [String: String] {
    [
      "HOME": root + "/home",
      "XDG_DATA_HOME": root + "/data",
      "XDG_CONFIG_HOME": root + "/config",
      "XDG_STATE_HOME": root + "/state",
      "HOSTNAME": "test-desk",
    ]
  }

  /// Where `checkin --demo` keeps its database in this sandbox.
  var demoDatabase: String { root + "/data/checkin/demo.sqlite3" }
  /// Where the configuration file is looked for by default.
  var defaultConfigFile: String { root + "/config/checkin/checkin.conf" }

  func path(_ name: String) -> String { root + "/" + name }

  /// Writes `text` to `name` inside the sandbox (creating folders) and returns its path.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    try write(name, bytes: Array(text.utf8))
  }

  @discardableResult
  func write(_ name: String, bytes: [UInt8]) throws -> String {
    let file = path(name)
    try FileManager.default.createDirectory(
      atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    return file
  }

  func read(_ name: String) -> String? {
    FileManager.default.contents(atPath: path(name)).flatMap { String(data: $0, encoding: .utf8) }
  }

  func exists(_ file: String) -> Bool { FileManager.default.fileExists(atPath: file) }

  /// Runs `checkin arguments` in-process at `time` (by default `Sandbox.now`); `terminal` says
  /// whether standard error is a person's terminal.
  func run(
    _ arguments: [String], input: [String] = [], at time: Date = Sandbox.now,
    environment extra: [String: String] = [:], terminal: Bool = false
  ) async -> RunResult {
    let transcript = Transcript(input: input, errorIsTerminal: terminal)
    let status = await CheckInApp.run(
      arguments: arguments, environment: environment.merging(extra) { $1 },
      console: transcript.console, clock: { time }, timeZone: Sandbox.timeZone)
    return RunResult(status: status, out: transcript.out, err: transcript.err)
  }
}
