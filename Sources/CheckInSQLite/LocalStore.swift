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

  public struct Options: Sendable {
    /// Create the file (and its schema) when missing.
    public var create = false
    /// How long to wait for another station's write lock before giving up.
    public var busyTimeoutMilliseconds: Int32 = 5000

    public init(create: Bool = false, busyTimeoutMilliseconds: Int32 = 5000) {
      self.create = create
      self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
    }
  }

  /// Opens the database at `path`, upgrading its schema if it is older than this program's.
  public init(
    path: String, options: Options = Options(),
    clock: @escaping @Sendable () -> Date = { Date() }, timeZone: TimeZone = .current
  ) throws(BackendError) {
    self.clock = clock
    self.timeZone = timeZone
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
    try guarded { try prepareFile(allowNew: options.create) }
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

  private func prepareFile(allowNew: Bool) throws(SQLiteError) {
    try database.execute("PRAGMA foreign_keys = ON")
    // Reading the header here, before anything else, turns a damaged file into a clear error now
    // rather than at the first scan.
    let version = Int(try database.integer("PRAGMA user_version") ?? 0)
    let application = try database.integer("PRAGMA application_id") ?? 0
    let tables = try database.integer("SELECT count(*) FROM sqlite_schema") ?? 0
    if version == 0 && tables > 0 || version > 0 && application != Self.applicationID {
      throw SQLiteError(
        extendedCode: StorageMessage.notOurs, message: "not a CheckIn database")
    }
    if version == 0 && !allowNew {
      throw SQLiteError(extendedCode: StorageMessage.empty, message: "no CheckIn data")
    }
    if version > Schema.latestVersion {
      throw SQLiteError(
        extendedCode: StorageMessage.tooNew,
        message: "schema version \(version), this program knows up to \(Schema.latestVersion)")
    }
    if database.isReadOnly {
      if version < Schema.latestVersion {
        throw SQLiteError(
          extendedCode: StorageMessage.readOnlyUpgrade, message: "read-only, needs an upgrade")
      }
      return
    }
    if try database.rows("PRAGMA journal_mode", map: { $0.text(0) }).first != "wal" {
      // WAL lets stations read while another writes; the setting stays with the file.
      try database.execute("PRAGMA journal_mode = WAL")
    }
    // A check-in the screen called done must survive a power cut, not just a crash.
    try database.execute("PRAGMA synchronous = FULL")
    if version < Schema.latestVersion { try migrate() }
  }

  private func migrate() throws(SQLiteError) {
    do {
      try database.transaction(.immediate) {
        // Another station may have upgraded the file while this one waited for the lock.
        let current = Int(try database.integer("PRAGMA user_version") ?? 0)
        for migration in Schema.migrations where migration.version > current {
          try database.execute(migration.sql)
          try database.execute("PRAGMA user_version = \(migration.version)")
        }
        try database.execute("PRAGMA application_id = \(Self.applicationID)")
      }
    } catch let error as SQLiteError {
      throw error
    } catch {
      throw SQLiteError(extendedCode: 1, message: "\(error)")
    }
  }
}

extension Date {
  /// Milliseconds since 1970, as visits are stored.
  var storedMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

  init(storedMilliseconds: Int64) {
    self.init(timeIntervalSince1970: Double(storedMilliseconds) / 1000)
  }
}
