/// What a process knows of the write-ahead log: how long it is and how much of it is already
/// copied back into the database file.
public struct WALProgress: Hashable, Sendable {
  /// Frames (one page each) in the log, as of the last commit or checkpoint seen.
  public var frames = 0
  /// Of those, the frames already copied back.
  public var copied = 0

  public init(frames: Int = 0, copied: Int = 0) {
    self.frames = frames
    self.copied = copied
  }

  public var uncopied: Int { max(0, frames - copied) }

  /// A commit left `frames` in the log.
  public mutating func committed(frames: Int) {
    // A shorter log than before means a writer started it over, which SQLite does only once
    // everything in it was copied back.
    if frames < self.frames { copied = 0 }
    self.frames = frames
  }

  /// A checkpoint found `frames` in the log and left `copied` of them copied back.
  public mutating func checkpointed(frames: Int, copied: Int) {
    if frames >= self.frames {
      self = WALProgress(frames: frames, copied: min(copied, frames))
    } else {
      // Commits landed while it ran: they are newer than what it saw, and still to copy.
      self.copied = max(self.copied, min(copied, self.frames))
    }
  }
}

/// When the log is copied back into the database file. Never inside a commit: a checkpoint
/// writes and syncs the database file, several times a commit's cost, and the desk would feel
/// it as a slow scan. Instead, once the desk is idle, or at once (beside the scans, never in
/// them) when what waits outgrows the bound.
///
/// Only a checkpoint that copies everything lets the next commit start the log over. Scans that
/// never pause keep appending while one runs, and chasing them with checkpoint after checkpoint
/// never catches up, it only syncs beside every scan: once the bound's worth is copied, the few
/// pages those scans added are copied between two scans (`Checkpointer.catchUp(on:)`).
public struct CheckpointPolicy: Hashable, Sendable {
  /// No commit for this long: the desk is idle.
  public var idleAfter: Duration
  /// An idle desk copies the log back once this many pages wait (SQLite's own threshold):
  /// rarely enough that the scan that starts the log over, which syncs it once more, is rare.
  public var idlePages: Int
  /// No commit for this long: whatever waits is copied, so the database file alone is current.
  public var quietAfter: Duration
  /// The bound: once this many pages wait, they are copied straight away, busy or not.
  public var limitPages: Int

  public init(
    idleAfter: Duration = .seconds(1), idlePages: Int = 1000, quietAfter: Duration = .seconds(60),
    limitPages: Int = 4096
  ) {
    self.idleAfter = idleAfter
    self.idlePages = idlePages
    self.quietAfter = quietAfter
    self.limitPages = limitPages
  }

  public enum Reason: Hashable, Sendable {
    case overLimit
    case idle
    case quiet
  }

  /// Why the log should be copied back now, or `nil` when it should wait.
  public func reason(for wal: WALProgress, sinceLastCommit: Duration) -> Reason? {
    guard wal.uncopied > 0 else { return nil }
    if wal.uncopied >= limitPages { return .overLimit }
    if sinceLastCommit >= idleAfter && wal.uncopied >= idlePages { return .idle }
    if sinceLastCommit >= quietAfter { return .quiet }
    return nil
  }
}
