import CheckInCore
import Foundation

/// The station's log: one line per event worth keeping (a failed hook, a storage error, a start),
/// appended to a file only its owner can read. Never given secrets: callers log outcomes, not
/// passwords or tokens.
struct LogFile: Sendable {
  enum Level: String, Sendable {
    case info = "INFO"
    case warning = "WARN"
    case error = "ERROR"
  }

  let path: String

  /// Appends one line. Logging must never disturb the station, so failures are ignored.
  func write(_ level: Level, _ message: String) {
    let line =
      "\(Timestamp.iso(Date())) \(level.rawValue) \(TerminalText.safe(message.replacingOccurrences(of: "\n", with: " ")))\n"
    try? Paths.makeParentDirectory(of: path)
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    let bytes = Array(line.utf8)
    _ = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
  }
}
