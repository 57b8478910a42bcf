import Foundation

/// What one kind of CheckIn file is: the mark that says the file is ours (SQLite's
/// `application_id`) and its schema as numbered, named migrations. Both the local database and a
/// remote station's cache open through `Database.open(as:allowNew:)`, so both refuse a stranger's
/// file and a newer program's file the same way, and both upgrade in one transaction.
public struct FileSchema: Sendable {
  public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let sql: String

    public init(version: Int, name: String, sql: String) {
      self.version = version
      self.name = name
      self.sql = sql
    }
  }

  public let applicationID: Int64
  /// What the file is called in messages: "database", "cache".
  public let noun: String
  public let migrations: [Migration]

  public init(applicationID: Int64, noun: String, migrations: [Migration]) {
    self.applicationID = applicationID
    self.noun = noun
    self.migrations = migrations
  }

  public var latestVersion: Int { migrations.last?.version ?? 0 }
}

extension Database {
  /// Checks that the file is one of `schema`'s (or new, when `allowNew`), sets WAL and full
  /// synchronisation, and applies the migrations it lacks. `PRAGMA user_version` is the version;
  /// `schema_migrations` records when each migration was applied, for whoever inspects a file.
  public func open(as schema: FileSchema, allowNew: Bool) throws(SQLiteError) {
    // Reading the header before anything else turns a damaged file into a clear error now rather
    // than at the first scan.
    let version = Int(try integer("PRAGMA user_version") ?? 0)
    let application = try integer("PRAGMA application_id") ?? 0
    let tables = try integer("SELECT count(*) FROM sqlite_schema") ?? 0
    if version == 0 && tables > 0 || version > 0 && application != schema.applicationID {
      throw SQLiteError(
        extendedCode: StorageMessage.notOurs, message: "not a CheckIn \(schema.noun)")
    }
    if version == 0 && !allowNew {
      throw SQLiteError(extendedCode: StorageMessage.empty, message: "no CheckIn data")
    }
    if version > schema.latestVersion {
      throw SQLiteError(
        extendedCode: StorageMessage.tooNew,
        message: "schema version \(version), this program knows up to \(schema.latestVersion)")
    }
    if isReadOnly {
      if version < schema.latestVersion {
        throw SQLiteError(
          extendedCode: StorageMessage.readOnlyUpgrade, message: "read-only, needs an upgrade")
      }
      return
    }
    if try rows("PRAGMA journal_mode", map: { $0.text(0) }).first != "wal" {
      // WAL lets stations read while another writes; the setting stays with the file.
      try execute("PRAGMA journal_mode = WAL")
    }
    // What the screen called done must survive a power cut, not just a crash.
    try execute("PRAGMA synchronous = FULL")
    if version < schema.latestVersion { try migrate(to: schema) }
  }

  private func migrate(to schema: FileSchema) throws(SQLiteError) {
    do {
      try transaction(.immediate) {
        // Another process may have upgraded the file while this one waited for the lock.
        let current = Int(try integer("PRAGMA user_version") ?? 0)
        guard current < schema.latestVersion else { return }
        try execute(
          """
          CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at INTEGER NOT NULL
          )
          """)
        let now = Date().storedMilliseconds
        for migration in schema.migrations where migration.version > current {
          try execute(migration.sql)
          try run(
            "INSERT OR REPLACE INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            migration.version, migration.name, now)
          try execute("PRAGMA user_version = \(migration.version)")
        }
        try execute("PRAGMA application_id = \(schema.applicationID)")
      }
    } catch let error as SQLiteError {
      throw error
    } catch {
      throw SQLiteError(extendedCode: 1, message: "\(error)")
    }
  }
}
