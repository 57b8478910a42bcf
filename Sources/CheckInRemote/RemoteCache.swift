import CheckInCore
import CheckInSQLite
import Foundation

/// What a remote station keeps on its own disk: the last good card of members seen recently (to
/// keep the desk working when the server can't be reached), its own recent check-ins (for the
/// double-scan guard the server lacks), and the outbox of check-ins taken offline. Every write is
/// committed with `synchronous = FULL` before the station reports it. Not thread-safe: use it
/// through `Confined`.
public final class RemoteCache {
  static let applicationID: Int64 = 0x4348_4B52  // "CHKR"

  let database: Database
  public var path: String { database.path }
  /// The server this cache belongs to (`ServerAddress.key`); nil for a file from before the
  /// station kept servers apart, whose rows can't be told apart.
  public let server: String?

  /// Opens (or creates) the cache at `path` for `server`. A file that already belongs to another
  /// server is refused: its members, visits and outbox are that server's.
  public init(path: String, server: String?) throws(BackendError) {
    do {
      let folder = (path as NSString).deletingLastPathComponent
      try? FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      database = try Database(path: path, mode: .readWriteCreate)
      try database.open(as: Self.schema, allowNew: true)
      self.server = try Self.claim(database, for: server)
      try recoverAbandonedSends(at: Date())
    } catch let error as SQLiteError {
      throw error.backendError(path: path, noun: "cache")
    } catch let error as BackendError {
      throw error
    } catch {
      throw .storage("The station's cache \(path) can't be used: \(error)")
    }
  }

  /// Marks a new file as `server`'s, or checks that an existing one is; returns whose it is.
  private static func claim(_ database: Database, for server: String?) throws -> String? {
    let read = { () throws -> String? in
      try database.first(
        "SELECT value FROM cache_meta WHERE key = 'server'", map: { $0.text(0) })
    }
    guard let server else { return try read() }
    if try read() == nil {
      // Two stations may open a new file at once: the first mark stands, the other is checked.
      try database.run(
        "INSERT OR IGNORE INTO cache_meta (key, value) VALUES ('server', ?)", server)
    }
    let owner = try read()
    guard owner == server else {
      throw BackendError.storage(
        "\(database.path) is the cache of another server (\(owner ?? "unknown")) — "
          + "each server keeps its own; check the path")
    }
    return owner
  }

  /// How long an entry may stay `sending` before it counts as abandoned. A send is at most two
  /// requests (the check-in, and the deduction on a server that takes it separately), each ended
  /// by the client at the check-in timeout — 10 s by default, and a receptionist waits that long
  /// at the desk, so minutes would make no sense. Ten minutes is far past any of that, yet short
  /// enough that a crashed station's entry is soon put in front of staff. Were a station still
  /// waiting after that (a suspended process), `settle` leaves the entry to review.
  public static let abandonedSendAge: TimeInterval = 600

  /// Entries left `sending` longer than `abandonedSendAge`: the station stopped while sending
  /// them, and they may or may not have reached the server. A younger one may be in flight in a
  /// running station (this process or another on the same cache), which will settle it.
  @discardableResult
  public func recoverAbandonedSends(at now: Date) throws(BackendError) -> Int {
    try guarded {
      try database.run(
        "UPDATE outbox SET state = 'review', note = 'the station stopped while sending it', "
          + "updated_at = ? WHERE state = 'sending' AND updated_at < ?", now.storedMilliseconds,
        now.addingTimeInterval(-Self.abandonedSendAge).storedMilliseconds)
      return database.changes
    }
  }

  static let schema = FileSchema(
    applicationID: applicationID, noun: "cache",
    migrations: [
      FileSchema.Migration(version: 1, name: "cards, visits and outbox", sql: version1),
      FileSchema.Migration(version: 2, name: "each cache belongs to one server", sql: version2),
    ])

  private static let version1 = """
    CREATE TABLE cached_cards (
      member_id  INTEGER PRIMARY KEY,
      code       TEXT COLLATE NOCASE,
      card       TEXT NOT NULL,
      fetched_at INTEGER NOT NULL
    );
    CREATE INDEX cached_cards_by_code ON cached_cards (code);

    CREATE TABLE recent_visits (
      member_id INTEGER NOT NULL,
      at        INTEGER NOT NULL
    );
    CREATE INDEX recent_visits_by_member ON recent_visits (member_id, at);

    CREATE TABLE outbox (
      id                   INTEGER PRIMARY KEY,
      created_at           INTEGER NOT NULL,
      member_id            INTEGER NOT NULL,
      member_name          TEXT NOT NULL,
      code                 TEXT,
      subscription_id      INTEGER,
      kind                 TEXT,
      action               TEXT NOT NULL
                           CHECK (action IN ('check_in_only', 'check_in_with_deduction')),
      branch_id            INTEGER NOT NULL,
      station              TEXT NOT NULL,
      state                TEXT NOT NULL
                           CHECK (state IN ('queued', 'sending', 'sent', 'review', 'refused',
                                            'discarded')),
      attempts             INTEGER NOT NULL DEFAULT 0,
      note                 TEXT,
      server_attendance_id INTEGER,
      updated_at           INTEGER NOT NULL
    );
    CREATE INDEX outbox_by_state ON outbox (state, id);
    """

  // Until now a cache was kept per host, and two servers behind one host shared it. The file now
  // says whose it is; an entry taken over from an old per-host file says where it came from
  // (`origin`), and is never sent: which server it was meant for can't be told.
  private static let version2 = """
    CREATE TABLE cache_meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;
    ALTER TABLE outbox ADD COLUMN origin TEXT;
    CREATE UNIQUE INDEX outbox_by_origin ON outbox (origin) WHERE origin IS NOT NULL;
    """

  func guarded<T>(_ body: () throws -> T) throws(BackendError) -> T {
    do {
      return try body()
    } catch let error as SQLiteError {
      throw error.backendError(path: database.path, noun: "cache")
    } catch let error as BackendError {
      throw error
    } catch {
      throw .storage("The station's cache failed: \(error)")
    }
  }

  // MARK: Cards

  /// Keeps the card the server just gave, for lookups while it can't be reached.
  public func remember(_ card: MemberCard, at now: Date) throws(BackendError) {
    try guarded {
      let json = String(decoding: try JSONEncoder().encode(StoredCard(card)), as: UTF8.self)
      try database.run(
        """
        INSERT INTO cached_cards (member_id, code, card, fetched_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (member_id) DO UPDATE SET
          code = excluded.code, card = excluded.card, fetched_at = excluded.fetched_at
        """, card.member.id, card.member.qrCode, json, now.storedMilliseconds)
    }
  }

  /// A fact this station learned about its server (how it picks plans), kept across runs.
  public func fact(_ key: String) throws(BackendError) -> String? {
    try guarded {
      try database.first(
        "SELECT value FROM cache_meta WHERE key = ?", "fact." + key, map: { $0.text(0) })
    }
  }

  public func setFact(_ key: String, _ value: String) throws(BackendError) {
    try guarded {
      try database.run(
        "INSERT INTO cache_meta (key, value) VALUES (?, ?) "
          + "ON CONFLICT (key) DO UPDATE SET value = excluded.value", "fact." + key, value)
    }
  }

  /// Forgets the member's card: what it says can't be trusted any more.
  public func forget(memberID: Int64) throws(BackendError) {
    try guarded { try database.run("DELETE FROM cached_cards WHERE member_id = ?", memberID) }
  }

  /// The cached card `payload` names, if one was fetched within `maxAge` seconds, with its age.
  public func card(
    for payload: ScanPayload, allowIDFallback: Bool, maxAge: TimeInterval, now: Date
  ) throws(BackendError) -> (card: MemberCard, fetchedAt: Date)? {
    try guarded {
      let oldest = now.addingTimeInterval(-maxAge).storedMilliseconds
      let row: (String, Int64)?
      switch payload {
      case .member(let id):
        row = try find("member_id = ?", id, since: oldest)
      case .code(let code):
        row = try find("code = ?", code, since: oldest)
      case .idForm(let code, let id):
        // As online: the stored code first, then the member number unless a newer code retired it.
        if let exact = try find("code = ?", code, since: oldest) {
          row = exact
        } else if allowIDFallback, let byID = try find("member_id = ?", id, since: oldest) {
          let stored = decode(byID.0)?.member.qrCode
          row = CodeResolution.idFallbackAccepts(storedCode: stored, memberID: id) ? byID : nil
        } else {
          row = nil
        }
      }
      guard let row, let card = decode(row.0) else { return nil }
      return (card, Date(storedMilliseconds: row.1))
    }
  }

  private func find(_ condition: String, _ value: any SQLValueConvertible, since oldest: Int64)
    throws -> (String, Int64)?
  {
    try database.first(
      "SELECT card, fetched_at FROM cached_cards WHERE \(condition) AND fetched_at >= ?", value,
      oldest, map: { ($0.text(0), $0.int64(1)) })
  }

  private func decode(_ json: String) -> MemberCard? {
    (try? JSONDecoder().decode(StoredCard.self, from: Data(json.utf8)))?.card
  }

  // MARK: This station's visits

  public func recordVisit(memberID: Int64, at time: Date) throws(BackendError) {
    try guarded {
      try database.run(
        "INSERT INTO recent_visits (member_id, at) VALUES (?, ?)", memberID, time.storedMilliseconds
      )
      // Only the last day matters for the double-scan guard.
      try database.run(
        "DELETE FROM recent_visits WHERE at < ?",
        time.addingTimeInterval(-86_400).storedMilliseconds)
    }
  }

  public func lastVisit(memberID: Int64) throws(BackendError) -> Date? {
    try guarded {
      try database.integer("SELECT max(at) FROM recent_visits WHERE member_id = ?", memberID)
        .map { Date(storedMilliseconds: $0) }
    }
  }
}
