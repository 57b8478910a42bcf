import CheckInCore
import Foundation

/// The station's data in one SQLite file: members, plans, visits. Every operation either completes
/// or changes nothing, and several stations (processes) may share the file.
///
/// Not thread-safe; `SQLiteBackend` confines it to one queue.
public final class LocalStore {
  /// Marks the file as ours, so a stranger's SQLite file is recognised at open.
  static let applicationID: Int64 = 0x4348_4B49  // "CHKI"

  public let database: Database
  public let clock: @Sendable () -> Date
  public let timeZone: TimeZone
  public let phoneCountryCode: String
  /// Copies the write-ahead log back when the desk is idle or the log outgrows its bound: this
  /// store's commits never do (see `CheckpointPolicy`).
  public let checkpointer: Checkpointer

  public struct Options: Sendable {
    /// Create the file (and its schema) when missing.
    public var create = false
    /// How long to wait for another station's write lock before giving up.
    public var busyTimeoutMilliseconds: Int32 = 5000
    /// When the write-ahead log is copied back into the database file.
    public var checkpoints = CheckpointPolicy()
    /// When commits happen and how long the desk has been idle, for `checkpoints`.
    public var checkpointClock: @Sendable () -> ContinuousClock.Instant = { .now }
    /// The country calling code local phone numbers are written without (`20` for `0101…` =
    /// `+20 101…`), so search finds a number in any of its forms.
    public var phoneCountryCode = "20"

    public init(
      create: Bool = false, busyTimeoutMilliseconds: Int32 = 5000,
      checkpoints: CheckpointPolicy = CheckpointPolicy()
    ) {
      self.create = create
      self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
      self.checkpoints = checkpoints
    }
  }

  /// Opens the database at `path`, upgrading its schema if it is older than this program's.
  public init(
    path: String, options: Options = Options(),
    clock: @escaping @Sendable () -> Date = { Date() }, timeZone: TimeZone = .current
  ) throws(BackendError) {
    self.clock = clock
    self.timeZone = timeZone
    self.phoneCountryCode = options.phoneCountryCode
    let exists = FileManager.default.fileExists(atPath: path)
    if !exists && !options.create {
      throw .storage(
        "No database at \(path) — create one with `checkin demo` or `checkin import FILE.csv`")
    }
    do {
      database = try Database(
        path: path, mode: options.create ? .readWriteCreate : .readWrite,
        busyTimeoutMilliseconds: options.busyTimeoutMilliseconds)
    } catch {
      throw StorageMessage.backendError(error, path: path)
    }
    checkpointer = Checkpointer(
      path: path, policy: options.checkpoints, clock: options.checkpointClock)
    try guarded { try prepareFile(allowNew: options.create) }
    if !database.isReadOnly {
      database.observeCommits { [checkpointer] frames in checkpointer.committed(frames: frames) }
    }
  }

  /// After bulk work: the log copied back and emptied before the next member scans, so that scan
  /// pays for none of it.
  public func checkpointAfterBulkWrite() {
    checkpointer.drain()
  }

  /// Between two scans: copies back what a background checkpoint left behind, if it did.
  public func checkpointBetweenScans() {
    checkpointer.catchUp(on: database)
  }

  /// Runs `body`, turning SQLite's errors into one line for the desk.
  func guarded<T>(_ body: () throws -> T) throws(BackendError) -> T {
    do {
      return try body()
    } catch let error as BackendError {
      throw error
    } catch let error as SQLiteError {
      throw StorageMessage.backendError(error, path: database.path)
    } catch {
      throw .storage("Database problem: \(error)")
    }
  }

  private func prepareFile(allowNew: Bool) throws {
    try database.execute("PRAGMA foreign_keys = ON")
    let isNew = try database.integer("PRAGMA user_version") == 0
    try database.open(as: Schema.file, allowNew: allowNew)
    if isNew {
      try recordFoldVersion()
    } else {
      try refoldNamesIfStale()
    }
  }
}
