import CSQLite

/// One connection to an SQLite file, closed when released. Not thread-safe: confine it to one
/// thread or queue.
public final class Database {
  public enum OpenMode: Sendable {
    case readOnly
    case readWrite
    /// Creates the file when missing.
    case readWriteCreate
  }

  public enum TransactionKind: String, Sendable {
    case deferred = "DEFERRED"
    /// Takes the write lock at once, so the check that precedes a write sees what it writes over.
    case immediate = "IMMEDIATE"
  }

  public let path: String
  let connection: OpaquePointer
  private var cache: [String: Statement] = [:]
  /// Released only after the connection is closed: SQLite holds a raw pointer to it until then.
  var commitObserver: CommitObserver?

  /// Opens `path`. `busyTimeout` is how long a statement waits for another connection's lock
  /// before failing with `SQLITE_BUSY`.
  public init(path: String, mode: OpenMode, busyTimeoutMilliseconds: Int32 = 5000)
    throws(SQLiteError)
  {
    var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
    switch mode {
    case .readOnly: flags |= SQLITE_OPEN_READONLY
    case .readWrite: flags |= SQLITE_OPEN_READWRITE
    case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
    }
    var connection: OpaquePointer?
    let code = sqlite3_open_v2(path, &connection, flags, nil)
    guard code == SQLITE_OK, let connection else {
      let error = SQLiteError.last(of: connection)
      sqlite3_close_v2(connection)
      throw error
    }
    self.path = path
    self.connection = connection
    sqlite3_busy_timeout(connection, busyTimeoutMilliseconds)
    sqlite3_extended_result_codes(connection, 1)
  }

  deinit {
    cache.removeAll()
    sqlite3_close_v2(connection)
  }

  /// Whether the file could only be opened for reading (permissions or a read-only mount).
  public var isReadOnly: Bool { sqlite3_db_readonly(connection, "main") == 1 }

  public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(connection) }

  /// Rows changed by the last INSERT, UPDATE or DELETE.
  public var changes: Int { Int(sqlite3_changes64(connection)) }

  /// Runs one or more statements that take no parameters (schema, pragmas).
  public func execute(_ sql: String) throws(SQLiteError) {
    var message: UnsafeMutablePointer<CChar>?
    let code = sqlite3_exec(connection, sql, nil, nil, &message)
    defer { sqlite3_free(message) }
    guard code == SQLITE_OK else {
      let text = message.map { String(cString: $0) }
      let error = SQLiteError.last(of: connection, sql: sql)
      throw SQLiteError(extendedCode: error.extendedCode, message: text ?? error.message, sql: sql)
    }
  }

  /// Runs a statement for its effect. Statements are prepared once and kept for reuse.
  public func run(_ sql: String, _ values: any SQLValueConvertible...) throws(SQLiteError) {
    let statement = try cached(sql)
    defer { statement.finish() }
    try statement.bind(values.map(\.sqlValue))
    while try statement.step() {}
  }

  /// Runs a query and maps each row.
  public func rows<T>(
    _ sql: String, _ values: any SQLValueConvertible..., map: (Row) -> T
  ) throws(SQLiteError) -> [T] {
    try rows(sql, values.map(\.sqlValue), map: map)
  }

  /// Runs a query with an array of values and maps each row.
  public func rows<T>(
    _ sql: String, _ values: [SQLValue], map: (Row) -> T
  ) throws(SQLiteError) -> [T] {
    let statement = try cached(sql)
    defer { statement.finish() }
    try statement.bind(values)
    var result: [T] = []
    while try statement.step() {
      result.append(map(Row(handle: statement.handle)))
    }
    return result
  }

  /// The first row of a query, mapped, or `nil` when there is none.
  public func first<T>(
    _ sql: String, _ values: any SQLValueConvertible..., map: (Row) -> T
  ) throws(SQLiteError) -> T? {
    let statement = try cached(sql)
    defer { statement.finish() }
    try statement.bind(values.map(\.sqlValue))
    guard try statement.step() else { return nil }
    return map(Row(handle: statement.handle))
  }

  /// A single integer (`PRAGMA user_version`, `count(*)`), or `nil`.
  public func integer(_ sql: String, _ values: any SQLValueConvertible...) throws(SQLiteError)
    -> Int64?
  {
    let statement = try cached(sql)
    defer { statement.finish() }
    try statement.bind(values.map(\.sqlValue))
    guard try statement.step() else { return nil }
    let row = Row(handle: statement.handle)
    return row.isNull(0) ? nil : row.int64(0)
  }

  /// Runs `body` in a transaction: committed if it returns, rolled back if it throws.
  public func transaction<T>(
    _ kind: TransactionKind = .immediate, _ body: () throws -> T
  ) throws -> T {
    try execute("BEGIN \(kind.rawValue)")
    do {
      let value = try body()
      try execute("COMMIT")
      return value
    } catch {
      // After some errors (disk full, I/O) SQLite has already rolled back; nothing to undo then.
      if sqlite3_get_autocommit(connection) == 0 {
        try? execute("ROLLBACK")
      }
      throw error
    }
  }

  private func cached(_ sql: String) throws(SQLiteError) -> Statement {
    if let statement = cache[sql] { return statement }
    let statement = try Statement(connection: connection, sql: sql)
    cache[sql] = statement
    return statement
  }
}

extension Database {
  /// The SQLite library's version, for reports.
  public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }
}
