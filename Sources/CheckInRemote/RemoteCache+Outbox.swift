import CheckInCore
import CheckInSQLite
import Foundation

extension RemoteCache {
  /// Puts a check-in in the outbox; committed to disk before this returns. It is written in its
  /// final state at once: a check-in that may already be on the server, if it were first written
  /// `queued`, could be sent again by a sync (of this or another process) or after a crash before
  /// its state was changed.
  public func enqueue(
    _ request: CheckInRequest, memberName: String, kind: PlanKind?, as state: OutboxState = .queued,
    note: String? = nil, at now: Date
  ) throws(BackendError) -> OutboxEntry {
    try guarded {
      let id = try database.first(
        """
        INSERT INTO outbox (created_at, member_id, member_name, code, subscription_id, kind, action,
                            branch_id, station, state, note, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
        """, now.storedMilliseconds, request.memberID, memberName, request.code,
        request.subscriptionID, kind?.rawValue, request.action.rawValue, request.policy.branchID,
        request.station, state.rawValue, note, now.storedMilliseconds, map: { $0.int64(0) })
      guard let id, let entry = try entry(id) else {
        throw BackendError.storage("The check-in couldn't be queued — try again")
      }
      return entry
    }
  }

  /// The oldest queued check-in, marked as being sent (committed, so a crash leaves it to review).
  public func takeNextQueued(at now: Date) throws(BackendError) -> OutboxEntry? {
    try guarded {
      try database.transaction(.immediate) {
        guard
          let id = try database.integer(
            "SELECT id FROM outbox WHERE state = 'queued' AND origin IS NULL ORDER BY id LIMIT 1")
        else { return nil }
        try database.run(
          "UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ?",
          now.storedMilliseconds, id)
        return try entry(id)
      }
    }
  }

  /// Records how sending (or staff) settled an entry; returns whether it did. How a send ended
  /// counts only while the entry is still `sending`: if staff retried it meanwhile, or it was
  /// found abandoned, what was done since stands. Staff may discard in any state but `sending`:
  /// a send in flight may yet be recorded, and its server id must not be lost.
  @discardableResult
  public func settle(
    _ id: Int64, as state: OutboxState, note: String? = nil, serverAttendanceID: Int64? = nil,
    at now: Date
  ) throws(BackendError) -> Bool {
    try guarded {
      try database.run(
        """
        UPDATE outbox SET state = ?, note = ?, server_attendance_id = coalesce(?, server_attendance_id),
                          updated_at = ?
        WHERE id = ? AND (state = 'sending') = (? <> 'discarded')
        """, state.rawValue, note, serverAttendanceID, now.storedMilliseconds, id, state.rawValue)
      return database.changes == 1
    }
  }

  /// Staff asked to send an entry again (after checking the server doesn't have it). An entry
  /// taken over from an old per-host cache is never sent: its server can't be told.
  public func requeue(_ id: Int64, at now: Date) throws(BackendError) -> Bool {
    try guarded {
      try database.run(
        "UPDATE outbox SET state = 'queued', note = 'sent again by staff', updated_at = ? "
          + "WHERE id = ? AND state IN ('review', 'refused') AND origin IS NULL",
        now.storedMilliseconds, id)
      return database.changes == 1
    }
  }

  public func entries(in states: Set<OutboxState> = Set(OutboxState.allCases)) throws(BackendError)
    -> [OutboxEntry]
  {
    try guarded {
      try database.rows(
        "SELECT \(Self.columns) FROM outbox ORDER BY id", map: Self.entry(from:)
      ).filter { states.contains($0.state) }
    }
  }

  public func counts() throws(BackendError) -> OutboxCounts {
    try guarded {
      var counts = OutboxCounts()
      for (state, count) in try database.rows(
        "SELECT state, count(*) FROM outbox GROUP BY state", map: { ($0.text(0), $0.int(1)) })
      {
        switch OutboxState(rawValue: state) {
        case .queued, .sending: counts.queued += count
        case .review: counts.review += count
        case .refused: counts.refused += count
        default: break
        }
      }
      return counts
    }
  }

  func entry(_ id: Int64) throws -> OutboxEntry? {
    try database.first(
      "SELECT \(Self.columns) FROM outbox WHERE id = ?", id, map: Self.entry(from:))
  }

  static let columns = """
    id, created_at, member_id, member_name, code, subscription_id, kind, action, branch_id, station,
    state, attempts, note, server_attendance_id, updated_at, origin
    """

  static func entry(from row: Row) -> OutboxEntry {
    OutboxEntry(
      id: row.int64(0), createdAt: Date(storedMilliseconds: row.int64(1)), memberID: row.int64(2),
      memberName: row.text(3), code: row.optionalText(4), subscriptionID: row.optionalInt64(5),
      kind: row.optionalText(6).flatMap(PlanKind.init(rawValue:)),
      action: CheckInAction(rawValue: row.text(7)) ?? .checkInOnly, branchID: row.int64(8),
      station: row.text(9), state: OutboxState(rawValue: row.text(10)) ?? .review,
      attempts: row.int(11), note: row.optionalText(12), serverAttendanceID: row.optionalInt64(13),
      updatedAt: Date(storedMilliseconds: row.int64(14)), origin: row.optionalText(15))
  }
}
