extension HookRunner {
  /// Check-ins made just before staff quit or the service was stopped still get their hook, for
  /// as long as a service manager waits (systemd: 90 s) less a margin; any left are said.
  static let drainSeconds = 30

  /// Waits for the queued hooks, at most `drainSeconds` (and the hook running then, within its
  /// own timeout); names the check-ins whose hook didn't run. `report` has already put each of
  /// them in the log.
  func drainAtExit(console: Console) async {
    guard pending > 0 else { return }
    console.warn(
      "running \(pending) queued on-checkin command\(pending == 1 ? "" : "s") "
        + "(at most \(Self.drainSeconds) s)")
    let notRun = await finish(until: {
      try? await Task.sleep(for: .seconds(Self.drainSeconds))
    })
    guard !notRun.isEmpty else { return }
    let list = notRun.map(String.init).joined(separator: ", ")
    console.warn(
      "the on-checkin command was not run for check-in\(notRun.count == 1 ? "" : "s") \(list): "
        + "the program stopped first; the check-ins stand")
  }
}
