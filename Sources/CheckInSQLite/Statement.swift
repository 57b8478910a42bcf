import CSQLite

/// A value SQLite stores.
public enum SQLValue: Hashable, Sendable {
  case integer(Int64)
  case real(Double)
  case text(String)
  case null
}

/// Converts Swift values to `SQLValue` so statements can be bound with plain values.
public protocol SQLValueConvertible {
  var sqlValue: SQLValue { get }
}

extension Int64: SQLValueConvertible {
  public var sqlValue: SQLValue { .integer(self) }
}

extension Int: SQLValueConvertible {
  public var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Bool: SQLValueConvertible {
  public var sqlValue: SQLValue { .integer(self ? 1 : 0) }
}

extension Double: SQLValueConvertible {
  public var sqlValue: SQLValue { .real(self) }
}

extension String: SQLValueConvertible {
  public var sqlValue: SQLValue { .text(self) }
}

extension SQLValue: SQLValueConvertible {
  public var sqlValue: SQLValue { self }
}

extension Optional: SQLValueConvertible where Wrapped: SQLValueConvertible {
  public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

/// A prepared statement, finalized when released. Only its `Database` creates one.
public final class Statement {
  let handle: OpaquePointer
  let sql: String
  private let connection: OpaquePointer

  init(connection: OpaquePointer, sql: String) throws(SQLiteError) {
    var statement: OpaquePointer?
    let code = sqlite3_prepare_v3(
      connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
    guard code == SQLITE_OK, let statement else {
      throw SQLiteError.last(of: connection, sql: sql)
    }
    self.handle = statement
    self.sql = sql
    self.connection = connection
  }

  deinit {
    sqlite3_finalize(handle)
  }

  /// Clears earlier bindings and binds `values` to `?1`, `?2`, ...
  func bind(_ values: [SQLValue]) throws(SQLiteError) {
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
    for (offset, value) in values.enumerated() {
      let index = Int32(offset + 1)
      let code: Int32
      switch value {
      case .integer(let number): code = sqlite3_bind_int64(handle, index, number)
      case .real(let number): code = sqlite3_bind_double(handle, index, number)
      case .null: code = sqlite3_bind_null(handle, index)
      case .text(let text):
        code =
          text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
              checkin_sqlite3_bind_text_transient(
                handle, index, chars.baseAddress, Int32(chars.count))
              return SQLITE_OK
            }
          } ?? bindCopy(text, at: index)
      }
      guard code == SQLITE_OK else { throw SQLiteError.last(of: connection, sql: sql) }
    }
  }

  private func bindCopy(_ text: String, at index: Int32) -> Int32 {
    var copy = text
    return copy.withUTF8 { bytes in
      bytes.withMemoryRebound(to: CChar.self) { chars in
        checkin_sqlite3_bind_text_transient(handle, index, chars.baseAddress, Int32(chars.count))
        return SQLITE_OK
      }
    }
  }

  /// Advances to the next row; `false` when the statement is done.
  func step() throws(SQLiteError) -> Bool {
    switch sqlite3_step(handle) {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    default:
      let error = SQLiteError.last(of: connection, sql: sql)
      sqlite3_reset(handle)
      throw error
    }
  }

  /// Releases the statement's read lock and bound text early.
  func finish() {
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
  }
}

/// The current row of a statement being stepped. Valid only inside the closure it is passed to.
public struct Row {
  let handle: OpaquePointer

  public func isNull(_ column: Int32) -> Bool {
    sqlite3_column_type(handle, column) == SQLITE_NULL
  }

  public func int64(_ column: Int32) -> Int64 {
    sqlite3_column_int64(handle, column)
  }

  public func int(_ column: Int32) -> Int {
    Int(sqlite3_column_int64(handle, column))
  }

  public func optionalInt(_ column: Int32) -> Int? {
    isNull(column) ? nil : int(column)
  }

  public func optionalInt64(_ column: Int32) -> Int64? {
    isNull(column) ? nil : int64(column)
  }

  public func bool(_ column: Int32) -> Bool {
    sqlite3_column_int64(handle, column) != 0
  }

  public func text(_ column: Int32) -> String {
    optionalText(column) ?? ""
  }

  public func optionalText(_ column: Int32) -> String? {
    guard let bytes = sqlite3_column_text(handle, column) else { return nil }
    let count = Int(sqlite3_column_bytes(handle, column))
    return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
  }
}
