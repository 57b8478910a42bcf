import CheckInCore
import Foundation

extension LocalStore {
  /// Check-ins at a branch in a time range, newest first, voided ones included and marked.
  public func attendance(_ query: AttendanceQuery) throws(BackendError) -> [AttendanceEntry] {
    try guarded {
      try database.rows(
        """
        SELECT a.id, a.customer_id, c.full_name, a.check_in_time, a.action, a.deducted,
               a.subscription_id, a.branch_id, a.station, a.voided_at, a.override_reason
        FROM attendance a JOIN customers c ON c.id = a.customer_id
        WHERE a.branch_id = ? AND a.check_in_time >= ? AND a.check_in_time < ?
        ORDER BY a.check_in_time DESC, a.id DESC
        LIMIT ?
        """, query.branchID, query.from.storedMilliseconds, query.until.storedMilliseconds,
        query.limit
      ) { row in
        AttendanceEntry(
          id: row.int64(0), memberID: row.int64(1), memberName: row.text(2),
          checkedInAt: Date(storedMilliseconds: row.int64(3)),
          action: CheckInAction(rawValue: row.text(4)) ?? .checkInOnly, deducted: row.int(5),
          subscriptionID: row.optionalInt64(6), branchID: row.int64(7),
          station: row.optionalText(8), isVoided: !row.isNull(9),
          overrideReason: row.optionalText(10))
      }
    }
  }

  /// The branches this database knows, by id.
  public func branches() throws(BackendError) -> [(id: Int64, name: String)] {
    try guarded {
      try database.rows("SELECT id, name FROM branches ORDER BY id") {
        (id: $0.int64(0), name: $0.text(1))
      }
    }
  }
}

extension LocalStore {
  /// A fact recorded about the file, e.g. `demo`.
  public func meta(_ key: String) throws(BackendError) -> String? {
    try guarded {
      try database.first("SELECT value FROM station_meta WHERE key = ?", key) { $0.text(0) }
    }
  }

  public func setMeta(_ key: String, _ value: String) throws(BackendError) {
    try guarded {
      try database.run(
        "INSERT INTO station_meta (key, value) VALUES (?, ?) "
          + "ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value)
    }
  }
}
