import Dispatch
import Synchronization

/// Copies the write-ahead log back into the database file on a connection and a queue of its
/// own, when `CheckpointPolicy` says so, so that no member's check-in ever waits for it. Its
/// checkpoints are passive: they take no lock a writer needs, so stations in other processes
/// sharing the file carry on too.
///
/// Scans that go on while a checkpoint runs leave a little behind it, and until all of the log
/// is copied back it can't start over: it grows, and every commit then appends to the file and
/// syncs its size too. That little is copied between two scans (`catchUp(on:)`).
public final class Checkpointer: @unchecked Sendable {
  // `database` is opened and used on `queue` only; everything else shared lives in `state`.
  private var database: Database?
  private let queue: DispatchQueue
  private let state: Mutex<State>
  private let clock: @Sendable () -> ContinuousClock.Instant
  public let path: String
  public let policy: CheckpointPolicy

  private struct State {
    var wal = WALProgress()
    var lastCommit: ContinuousClock.Instant
    var started = false
    /// Commits landed while the last background checkpoint ran.
    var leftBehind = false
    var completed = 0
    var report: (@Sendable (String) -> Void)?
    /// This process's commits so far: a checkpoint that ran while none landed saw the whole log.
    var commits = 0
    /// The failure last told, so that one that persists is told once, not at every retry.
    var lastProblem: String?
  }

  /// `clock` says when commits happen and how long the desk has been idle.
  public init(
    path: String, policy: CheckpointPolicy = CheckpointPolicy(),
    clock: @escaping @Sendable () -> ContinuousClock.Instant = { .now }
  ) {
    self.path = path
    self.policy = policy
    self.clock = clock
    queue = DispatchQueue(label: "checkin.checkpoint")
    state = Mutex(State(lastCommit: clock()))
  }

  /// What this process knows of the log.
  public var progress: WALProgress { state.withLock { $0.wal } }

  /// Checkpoints run to their end so far.
  public var completed: Int { state.withLock { $0.completed } }

  /// Where a checkpoint's failure is told (a log): it is retried later, but a log that never gets
  /// copied back grows without end, and someone should know.
  public func reportProblems(to report: @escaping @Sendable (String) -> Void) {
    state.withLock { $0.report = report }
  }

  /// A commit left `frames` in the log (the connection's commit hook calls this).
  public func committed(frames: Int) {
    let now = clock()
    state.withLock { state in
      state.wal.committed(frames: frames)
      state.lastCommit = now
      state.commits += 1
    }
    checkpointIfDue()
  }

  /// Starts a checkpoint in the background if the policy wants one now and none is running;
  /// returns why it started one.
  @discardableResult
  public func checkpointIfDue() -> CheckpointPolicy.Reason? {
    let now = clock()
    let reason = state.withLock { state -> CheckpointPolicy.Reason? in
      guard !state.started,
        let reason = policy.reason(for: state.wal, sinceLastCommit: now - state.lastCommit)
      else { return nil }
      state.started = true
      return reason
    }
    if reason != nil { queue.async { self.run([.passive]) } }
    return reason
  }

  /// Copies back everything it can now and returns when done: for the end of a batch of scans,
  /// whose process leaves and whose frames no other process may know about.
  public func checkpointNow() {
    queue.sync { run([.passive]) }
  }

  /// After bulk work (an import): copies the log back, then empties its file, before any member
  /// scans. The passive pass copies the bulk without the write lock, so the truncating pass that
  /// holds it has almost nothing left to copy.
  public func drain() {
    queue.sync { run([.passive, .truncate]) }
  }

  /// Returns once the checkpoint under way, if any, has finished: before a process exits.
  public func waitForCheckpoint() {
    queue.sync {}
  }

  /// Whether the last background checkpoint left commits behind it, for `catchUp(on:)`.
  public var isBehind: Bool { state.withLock { $0.leftBehind } }

  /// Copies back what the last background checkpoint left behind, on `database`, the connection
  /// this process commits through, on its queue, after a check-in has answered: no commit of
  /// this process can land meanwhile, so the copy is complete and the next commit starts the log
  /// over. The little left is quick to copy; the scan after may still wait for it, so it runs
  /// once for each background checkpoint, never in a row.
  public func catchUp(on database: Database) {
    let wanted = state.withLock { state in
      let wanted = state.leftBehind && !state.started
      if wanted { state.leftBehind = false }
      return wanted
    }
    guard wanted else { return }
    // On the connection this process commits through, on its queue: none of ours can land.
    let commitsBefore = state.withLock { $0.commits }
    var outcome: Database.CheckpointOutcome?
    var problem: SQLiteError?
    do {
      outcome = try database.checkpoint(.passive)
    } catch {
      problem = error
    }
    record(
      outcome.map { [(.passive, $0)] } ?? [], problem: problem, background: false,
      commitsBefore: commitsBefore)
  }

  private func run(_ modes: [Database.CheckpointMode]) {
    let commitsBefore = state.withLock { $0.commits }
    var outcomes: [(Database.CheckpointMode, Database.CheckpointOutcome)] = []
    var problem: SQLiteError?
    do {
      let database = try connection()
      for mode in modes { outcomes.append((mode, try database.checkpoint(mode))) }
    } catch {
      problem = error
    }
    record(outcomes, problem: problem, background: true, commitsBefore: commitsBefore)
  }

  private func record(
    _ outcomes: [(Database.CheckpointMode, Database.CheckpointOutcome)], problem: SQLiteError?,
    background: Bool, commitsBefore: Int
  ) {
    let report = state.withLock { state -> (@Sendable (String) -> Void)? in
      if background { state.started = false }
      // No commit of ours landed while it ran: what it saw is the whole log, even a shorter one
      // that another process started over. Otherwise ours may be newer than what it saw.
      let sawEverything = state.commits == commitsBefore
      for (mode, outcome) in outcomes {
        if mode == .truncate && !outcome.busy {
          state.wal = WALProgress()
        } else if let frames = outcome.frames, let copied = outcome.copied {
          if sawEverything {
            state.wal = WALProgress(frames: frames, copied: min(copied, frames))
          } else {
            state.wal.checkpointed(frames: frames, copied: copied)
          }
        }
      }
      if background { state.leftBehind = problem == nil && state.wal.uncopied > 0 }
      guard let problem else {
        state.completed += 1
        state.lastProblem = nil
        return nil
      }
      // A failure that persists is retried at every turn: told once until it clears.
      guard state.lastProblem != problem.message else { return nil }
      state.lastProblem = problem.message
      return state.report
    }
    if let problem { report?("checkpoint of \(path) failed, retried later: \(problem.message)") }
  }

  private func connection() throws(SQLiteError) -> Database {
    if let database { return database }
    // A short wait: only the truncating pass after bulk work waits at all, and while it does it
    // holds the write lock a station's check-in needs.
    let opened = try Database(path: path, mode: .readWrite, busyTimeoutMilliseconds: 100)
    // A checkpoint syncs the database file before the log may be reused; FULL says so outright
    // rather than trusting the build's default.
    try opened.execute("PRAGMA synchronous = FULL")
    // Until a connection has read the file it doesn't know the file is in WAL mode, and a
    // checkpoint on it silently does nothing.
    _ = try opened.integer("SELECT count(*) FROM sqlite_schema")
    database = opened
    return opened
  }
}
