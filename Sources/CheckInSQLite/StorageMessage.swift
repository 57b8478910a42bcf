import CSQLite
import CheckInCore

/// Words SQLite's errors for the person at the desk: what happened to which file, and what to do.
enum StorageMessage {
  // Codes above SQLite's range for the conditions the store detects itself.
  static let notOurs: Int32 = 10_001
  static let tooNew: Int32 = 10_002
  static let readOnlyUpgrade: Int32 = 10_003
  static let empty: Int32 = 10_004

  static func backendError(_ error: SQLiteError, path: String, noun: String = "database")
    -> BackendError
  {
    .storage(text(for: error, path: path, noun: noun))
  }

  /// `noun` names the kind of file: "database" (the one `--db` names) or "cache" (a remote
  /// station's own, which it makes anew when moved away).
  static func text(for error: SQLiteError, path: String, noun: String = "database") -> String {
    let hint =
      noun == "database" ? "check the --db path" : "move it away and the station starts a new one"
    switch error.extendedCode {
    case notOurs:
      return "\(path) is not a CheckIn \(noun) — \(hint)"
    case tooNew:
      return "\(path) was written by a newer CheckIn (\(error.message)) — update checkin"
    case readOnlyUpgrade:
      return "\(path) needs a schema upgrade but is read-only — check its permissions"
    case empty:
      return "\(path) holds no CheckIn data — create it with `checkin demo` or `checkin import`"
    default:
      break
    }
    if error.isDamaged {
      return noun == "database"
        ? "The database \(path) is damaged — restore it from a backup (nothing was changed)"
        : "The station's \(noun) \(path) is damaged — \(hint)"
    }
    if error.isReadOnly {
      // SQLite also needs to create PATH-wal and PATH-shm beside the file, even to read.
      return "Can't write to the database \(path) — check the permissions of the file and "
        + "its folder"
    }
    if error.isBusy {
      return "The database is busy: another program has held it too long — try again"
    }
    switch error.code {
    case SQLITE_CANTOPEN:
      return "Can't open the database \(path) — check the path and its folder's permissions"
    case SQLITE_FULL:
      return "The disk holding \(path) is full — nothing was saved"
    case SQLITE_IOERR:
      return "The disk failed while using \(path) — nothing was saved"
    default:
      return "Database error in \(path): \(error.message)"
    }
  }
}

extension SQLiteError {
  /// This error as one line for the desk, about the file at `path`.
  public func backendError(path: String, noun: String = "database") -> BackendError {
    StorageMessage.backendError(self, path: path, noun: noun)
  }
}
