import CheckInCore
import CheckInSQLite
import Foundation

extension RemoteCache {
  /// What an entry taken over from an old per-host cache says, whatever it said before.
  public static let legacyNote =
    "kept from before the station told servers apart: which server it was meant for can't be "
    + "told, so it is never sent — check it on the right server, record it there by hand if "
    + "missing, then discard it"

  /// Takes over the outbox of a cache kept per host by an earlier version (`legacyPath`): its
  /// entries come here to be reviewed and are never sent, since the old file can't say which of
  /// the host's servers each was meant for. Its cards and visits are dropped for the same reason:
  /// member 30 of one server is someone else on another. Returns how many entries came over.
  ///
  /// Safe against a crash and against other stations doing the same: the old file's write lock
  /// is held throughout, each entry is copied under a unique `origin` (a repeat is ignored) and
  /// committed here before the old file lets it go.
  @discardableResult
  public func adoptLegacyOutbox(from legacyPath: String, at now: Date) throws(BackendError) -> Int {
    guard legacyPath != path, FileManager.default.fileExists(atPath: legacyPath) else { return 0 }
    let legacy = try RemoteCache(path: legacyPath, server: nil)
    // A file that already names its server is some server's own cache, not a per-host one.
    guard legacy.server == nil else { return 0 }
    let source = (legacyPath as NSString).lastPathComponent
    return try legacy.guarded {
      try legacy.database.transaction(.immediate) {
        let entries = try legacy.database.rows(
          "SELECT \(Self.columns) FROM outbox ORDER BY id", map: Self.entry(from:))
        if !entries.isEmpty {
          try guarded {
            try database.transaction(.immediate) {
              // The old file's ids may be used again after its rows are deleted (an old station
              // still writing to it): the origin names the row by its own facts too.
              for entry in entries {
                let origin =
                  "\(source)#\(entry.id)@\(entry.createdAt.storedMilliseconds)/\(entry.memberID)"
                try adopt(entry, origin: origin, at: now)
              }
            }
          }
        }
        try legacy.database.execute(
          "DELETE FROM outbox; DELETE FROM cached_cards; DELETE FROM recent_visits")
        return entries.count
      }
    }
  }

  private func adopt(_ entry: OutboxEntry, origin: String, at now: Date) throws {
    // What was sent or discarded stays history; anything else waits for a person.
    let settled = entry.state == .sent || entry.state == .discarded
    let note = [entry.note, Self.legacyNote].compactMap { $0 }.joined(separator: "; ")
    try database.run(
      """
      INSERT INTO outbox (created_at, member_id, member_name, code, subscription_id, kind, action,
                          branch_id, station, state, attempts, note, server_attendance_id,
                          updated_at, origin)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (origin) WHERE origin IS NOT NULL DO NOTHING
      """, entry.createdAt.storedMilliseconds, entry.memberID, entry.memberName, entry.code,
      entry.subscriptionID, entry.kind?.rawValue, entry.action.rawValue, entry.branchID,
      entry.station, settled ? entry.state.rawValue : OutboxState.review.rawValue, entry.attempts,
      settled ? entry.note : note, entry.serverAttendanceID, now.storedMilliseconds, origin)
  }
}
