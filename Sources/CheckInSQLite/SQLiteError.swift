import CSQLite

/// An error from SQLite, with the statement that caused it. Bound values are never included: they
/// may be members' names and phone numbers.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
  /// The extended result code (`SQLITE_CONSTRAINT_CHECK`, ...).
  public let extendedCode: Int32
  public let message: String
  public let sql: String?

  public init(extendedCode: Int32, message: String, sql: String? = nil) {
    self.extendedCode = extendedCode
    self.message = message
    self.sql = sql
  }

  /// The primary result code (`SQLITE_CONSTRAINT`, ...).
  public var code: Int32 { extendedCode & 0xFF }

  public var description: String {
    var text = "SQLite error \(extendedCode): \(message)"
    if let sql { text += " — in: \(sql)" }
    return text
  }

  public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }
  public var isDamaged: Bool { code == SQLITE_CORRUPT || code == SQLITE_NOTADB }
  public var isReadOnly: Bool {
    code == SQLITE_READONLY || code == SQLITE_PERM || code == SQLITE_AUTH
  }
  public var isConstraint: Bool { code == SQLITE_CONSTRAINT }

  /// Reads the last error of `connection`.
  static func last(of connection: OpaquePointer?, sql: String? = nil) -> SQLiteError {
    let code = connection.map { sqlite3_extended_errcode($0) } ?? SQLITE_ERROR
    let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
    return SQLiteError(extendedCode: code, message: message ?? "unknown error", sql: sql)
  }
}
