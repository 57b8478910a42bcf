import CheckInCore
import Foundation

/// Runs the `--on-checkin` command after each committed check-in, one at a time in the order of
/// the check-ins, with the receipt as JSON on its input. Slow or failing hooks are reported and
/// stopped; they never hold up or undo a check-in. When the program ends, the hooks still queued
/// run, or each one that can't is reported: a hook is never dropped without a word.
actor HookRunner {
  typealias Run =
    @Sendable (_ command: String, _ input: String, _ timeout: TimeInterval) async ->
    ChildProcess.Outcome

  let command: String
  let timeout: TimeInterval
  private let report: @Sendable (String) -> Void
  private let run: Run
  /// Receipts whose hook hasn't started.
  private var waiting: [Receipt] = []
  private var worker: Task<Void, Never>?
  private var stopped = false

  init(
    command: String, timeout: TimeInterval, report: @escaping @Sendable (String) -> Void,
    run: @escaping Run = { await ChildProcess.run(shellCommand: $0, input: $1, timeout: $2) }
  ) {
    self.command = command
    self.timeout = timeout
    self.report = report
    self.run = run
  }

  /// Queues the hook for `receipt` and returns at once.
  func enqueue(_ receipt: Receipt) {
    guard !stopped else {
      report(Self.notRun(receipt.attendanceID))
      return
    }
    waiting.append(receipt)
    if worker == nil { worker = Task { await self.work() } }
  }

  private func work() async {
    while !stopped, !waiting.isEmpty {
      let receipt = waiting.removeFirst()
      let input = Reports.receipt(receipt).rendered + "\n"
      let outcome = await run(command, input, timeout)
      if let problem = Self.describe(outcome, timeout: timeout, attendanceID: receipt.attendanceID)
      {
        report(problem)
      }
    }
    worker = nil
  }

  /// Waits for every queued hook to finish or be stopped.
  func finish() async {
    await worker?.value
  }

  /// Lets the queued hooks run until they are done or `limit` returns, whichever comes first;
  /// then starts no more. The hook running then finishes within its own timeout; each one still
  /// waiting is reported. Returns the check-ins whose hook was not run.
  @discardableResult
  func finish(until limit: @escaping @Sendable () async -> Void) async -> [Int64] {
    if let worker {
      // Not a task group: a group waits for all its children, and the running hook's own wait
      // ignores cancellation.
      let (first, signal) = AsyncStream<Void>.makeStream()
      let done = Task {
        await worker.value
        signal.yield()
      }
      let timer = Task {
        await limit()
        signal.yield()
      }
      var iterator = first.makeAsyncIterator()
      _ = await iterator.next()
      done.cancel()
      timer.cancel()
      signal.finish()
    }
    stopped = true
    let dropped = waiting
    waiting = []
    for receipt in dropped { report(Self.notRun(receipt.attendanceID)) }
    await worker?.value
    return dropped.map(\.attendanceID)
  }

  /// Hooks queued or running.
  var pending: Int { waiting.count + (worker == nil ? 0 : 1) }

  static func notRun(_ attendanceID: Int64) -> String {
    "the on-checkin command for check-in \(attendanceID) was not run: the station stopped "
      + "first; the check-in stands"
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
