import Foundation
import Testing

/// Tests that start child processes run one at a time: a process spawned by one test must not
/// inherit another test's pipe while that pipe is being set up.
@Suite(.serialized)
enum ProcessTests {
  /// Hooks write to pipes whose reader may already be gone; the `checkin` executable ignores
  /// SIGPIPE for the same reason (main.swift), so the in-process runs here do too.
  static func ignoreBrokenPipes() {
    signal(SIGPIPE, SIG_IGN)
  }

  /// Whether `pid` no longer runs: gone, or a zombie waiting for its new parent to reap it.
  static func hasEnded(_ pid: pid_t) -> Bool {
    if kill(pid, 0) != 0 && errno == ESRCH { return true }
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return false }  // it ended just now, or we can't tell yet: look again

    return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
  }

  /// Waits (up to `limit` seconds) for `pid` to end: a killed process is reaped by init, later.
  static func waitUntilEnded(_ pid: pid_t, limit: Double = 10) async -> Bool {
    let deadline = Date().addingTimeInterval(limit)
    while Date() < deadline {
      if hasEnded(pid) { return true }
      try? await Task.sleep(for: .milliseconds(20))
    }
    return hasEnded(pid)
  }
}
