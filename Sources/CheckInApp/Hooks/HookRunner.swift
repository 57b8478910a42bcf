import CheckInCore
import Foundation

/// Runs the `--on-checkin` command after each committed check-in, one at a time in the order of
/// the check-ins, with the receipt as JSON on its input. Slow or failing hooks are reported and
/// stopped; they never hold up or undo a check-in.
actor HookRunner {
  let command: String
  let timeout: TimeInterval
  private let report: @Sendable (String) -> Void
  private var last: Task<Void, Never>?

  init(command: String, timeout: TimeInterval, report: @escaping @Sendable (String) -> Void) {
    self.command = command
    self.timeout = timeout
    self.report = report
  }

  /// Queues the hook for `receipt` and returns at once.
  func enqueue(_ receipt: Receipt) {
    let previous = last
    let input = Reports.receipt(receipt).rendered + "\n"
    let (command, timeout, report) = (self.command, self.timeout, self.report)
    last = Task {
      await previous?.value
      let outcome = await ChildProcess.run(shellCommand: command, input: input, timeout: timeout)
      if let problem = Self.describe(outcome, timeout: timeout, attendanceID: receipt.attendanceID)
      {
        report(problem)
      }
    }
  }

  /// Waits for every queued hook to finish or be stopped.
  func finish() async {
    await last?.value
  }

  static func describe(_ outcome: ChildProcess.Outcome, timeout: TimeInterval, attendanceID: Int64)
    -> String?
  {
    let which = "the on-checkin command for check-in \(attendanceID)"
    switch outcome {
    case .exited(0): return nil
    case .exited(let code): return "\(which) failed (exit status \(code)); the check-in stands"
    case .killedBySignal(let signal): return "\(which) was killed by signal \(signal)"
    case .timedOut:
      let limit = timeout.rounded() == timeout ? String(Int(timeout)) : String(timeout)
      return "\(which) was stopped after \(limit) s; the check-in stands"
    case .couldNotStart(let why): return "\(which) could not start: \(why)"
    }
  }
}
