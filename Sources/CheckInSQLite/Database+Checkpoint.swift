import CSQLite

extension Database {
  public enum CheckpointMode: Sendable {
    /// Copies what it can without waiting for anyone: writers carry on while it runs.
    case passive
    /// Copies everything, waits (within the busy timeout) for readers to leave the log, and
    /// empties the log file. Holds the write lock while it waits, so only for after bulk work.
    case truncate

    var flag: Int32 {
      switch self {
      case .passive: SQLITE_CHECKPOINT_PASSIVE
      case .truncate: SQLITE_CHECKPOINT_TRUNCATE
      }
    }
  }

  /// What a checkpoint found and did.
  public struct CheckpointOutcome: Hashable, Sendable {
    /// Frames in the write-ahead log, or `nil` when the checkpoint couldn't look.
    public var frames: Int?
    /// Of those, frames now copied into the database file.
    public var copied: Int?
    /// Another connection held the log (another checkpoint, a reader, the write lock): the
    /// checkpoint did what it could and another can finish later.
    public var busy: Bool
  }

  /// Copies committed pages from the write-ahead log back into the database file. The connection
  /// must have read the file once: until then SQLite doesn't know the file is in WAL mode, and
  /// the call does nothing.
  public func checkpoint(_ mode: CheckpointMode) throws(SQLiteError) -> CheckpointOutcome {
    var frames: Int32 = -1
    var copied: Int32 = -1
    let code = sqlite3_wal_checkpoint_v2(connection, nil, mode.flag, &frames, &copied)
    let busy = code & 0xFF == SQLITE_BUSY
    guard code == SQLITE_OK || busy else { throw SQLiteError.last(of: connection) }
    return CheckpointOutcome(
      frames: frames < 0 ? nil : Int(frames), copied: copied < 0 ? nil : Int(copied), busy: busy)
  }

  /// Calls `observer` after each commit of this connection with the number of frames in the
  /// write-ahead log (everyone's, not just this connection's). It replaces SQLite's automatic
  /// checkpoint for this connection, which would otherwise copy the log back inside whichever
  /// commit crossed its threshold — a member's check-in, on this desk.
  public func observeCommits(_ observer: @escaping @Sendable (_ frames: Int) -> Void) {
    let box = CommitObserver(observer)
    commitObserver = box
    sqlite3_wal_hook(
      connection,
      { context, _, _, frames in
        if let context {
          Unmanaged<CommitObserver>.fromOpaque(context).takeUnretainedValue().notify(Int(frames))
        }
        return SQLITE_OK
      }, Unmanaged.passUnretained(box).toOpaque())
  }
}

/// Holds the observer SQLite calls back through a raw pointer; the `Database` keeps it alive for
/// as long as the connection is open.
final class CommitObserver {
  let notify: @Sendable (Int) -> Void

  init(_ notify: @escaping @Sendable (Int) -> Void) {
    self.notify = notify
  }
}
