import CheckInCore
import CheckInSQLite
import Foundation
import Testing

@testable import CheckInRemote

/// The cache file of a remote station: whose it is, how it upgrades, and what becomes of the
/// per-host files an earlier version kept for every server on a host.
@Suite struct RemoteCacheFileTests {
  static let serverA = "http://127.0.0.1:5055"
  static let serverB = "http://127.0.0.1:5056"

  @Test func aCacheBelongsToTheServerThatMadeIt() throws {
    try inFolder { folder throws in
      let path = folder + "/cache.sqlite3"
      #expect(try RemoteCache(path: path, server: Self.serverA).server == Self.serverA)
      // Opened again for its own server, all is well; for another, it is refused by name.
      #expect(try RemoteCache(path: path, server: Self.serverA).server == Self.serverA)
      let error = #expect(throws: BackendError.self) {
        try RemoteCache(path: path, server: Self.serverB)
      }
      #expect(error?.message.contains("another server") == true, "\(String(describing: error))")
    }
  }

  @Test func aVersionOneCacheUpgradesKeepingItsOutboxAndRecordsTheMigration() throws {
    try inFolder { folder throws in
      let path = folder + "/remote-127.0.0.1.sqlite3"
      try makeVersionOneCache(at: path, queued: 2)
      let cache = try RemoteCache(path: path, server: nil)
      #expect(try cache.database.integer("PRAGMA user_version") == 2)
      #expect(cache.server == nil)
      #expect(try cache.entries().map(\.state) == [.queued, .queued])
      let recorded = try cache.database.rows(
        "SELECT version, name FROM schema_migrations ORDER BY version"
      ) { "\($0.int(0)) \($0.text(1))" }
      #expect(recorded == ["2 each cache belongs to one server"])
    }
  }

  @Test func aNewerProgramsCacheIsRefused() throws {
    try inFolder { folder throws in
      let path = folder + "/cache.sqlite3"
      _ = try RemoteCache(path: path, server: Self.serverA)
      try Database(path: path, mode: .readWrite).execute("PRAGMA user_version = 9")
      let error = #expect(throws: BackendError.self) {
        try RemoteCache(path: path, server: Self.serverA)
      }
      #expect(error?.message.contains("newer CheckIn") == true)
    }
  }

  @Test func aPerHostOutboxIsTakenOverForReviewOnceAndNeverSent() throws {
    try inFolder { folder throws in
      let legacy = folder + "/remote-127.0.0.1.sqlite3"
      try makeVersionOneCache(at: legacy, queued: 2, sent: 1)
      let now = Date(timeIntervalSince1970: 1_764_547_300)

      let first = try RemoteCache(path: folder + "/a.sqlite3", server: Self.serverA)
      #expect(try first.adoptLegacyOutbox(from: legacy, at: now) == 3)
      let entries = try first.entries()
      #expect(entries.map(\.state) == [.review, .review, .sent])
      #expect(entries.allSatisfy { $0.origin?.hasPrefix("remote-127.0.0.1.sqlite3#") == true })
      #expect(entries[0].note?.contains("never sent") == true)
      #expect(entries[2].note == nil, "history stays as it was")
      // Nothing adopted is ever sent, by a sync or by staff.
      #expect(try first.takeNextQueued(at: now) == nil)
      #expect(try first.requeue(entries[0].id, at: now) == false)
      #expect(try first.counts() == OutboxCounts(queued: 0, review: 2, refused: 0))

      // The old file let everything go, cards and visits included: another server on the host
      // gets nothing, and taking over again changes nothing.
      let old = try RemoteCache(path: legacy, server: nil)
      #expect(try old.entries().isEmpty)
      #expect(try old.database.integer("SELECT count(*) FROM cached_cards") == 0)
      let second = try RemoteCache(path: folder + "/b.sqlite3", server: Self.serverB)
      #expect(try second.adoptLegacyOutbox(from: legacy, at: now) == 0)
      #expect(try second.entries().isEmpty)
      #expect(try first.adoptLegacyOutbox(from: legacy, at: now) == 0)
      #expect(try first.entries().count == 3)
    }
  }

  @Test func aServersOwnCacheIsNeverTakenOverAsPerHost() throws {
    try inFolder { folder throws in
      let other = try RemoteCache(path: folder + "/b.sqlite3", server: Self.serverB)
      _ = try other.enqueue(
        request(116), memberName: "Nour Hassan", kind: .coins, at: Date())
      let first = try RemoteCache(path: folder + "/a.sqlite3", server: Self.serverA)
      #expect(try first.adoptLegacyOutbox(from: folder + "/b.sqlite3", at: Date()) == 0)
      #expect(try other.entries().count == 1)
    }
  }

  /// A cache as the previous version wrote it: schema version 1, no server mark.
  private func makeVersionOneCache(at path: String, queued: Int, sent: Int = 0) throws {
    let database = try Database(path: path, mode: .readWriteCreate)
    let first = try #require(RemoteCache.schema.migrations.first)
    try database.execute(first.sql)
    try database.execute("PRAGMA user_version = 1")
    try database.execute("PRAGMA application_id = \(RemoteCache.applicationID)")
    let states = Array(repeating: "queued", count: queued) + Array(repeating: "sent", count: sent)
    for (index, state) in states.enumerated() {
      try database.run(
        """
        INSERT INTO outbox (created_at, member_id, member_name, action, branch_id, station, state,
                            updated_at)
        VALUES (?, ?, 'Nour Hassan', 'check_in_with_deduction', 1, 'desk-1', ?, ?)
        """, Int64(1_764_547_200_000 + index), Int64(116), state, Int64(1_764_547_200_000))
    }
    try database.run(
      "INSERT INTO cached_cards (member_id, code, card, fetched_at) VALUES (30, 'GYM-30', '{}', 1)")
  }

  private func request(_ member: Int64) -> CheckInRequest {
    CheckInRequest(
      memberID: member, code: nil, subscriptionID: nil, action: .deduct,
      policy: CheckInPolicy(branchID: 1, duplicateWindow: 0), station: "desk-1",
      requestedAt: Date())
  }
}

/// Logins to several servers share one file, each kept under its server's key.
@Suite struct SessionFileTests {
  @Test func aLoginToOneServerLeavesTheOthersAlone() throws {
    try inFolder { folder throws in
      let file = SessionFile(path: folder + "/config/session.json")
      let first = try ServerAddress("https://gym.example.com/chain-a")
      let second = try ServerAddress("https://gym.example.com/chain-b")
      try file.save(session(first, user: "mona"))
      try file.save(session(second, user: "karim"))
      try file.save(session(first, user: "hala"))
      #expect(file.sessions().count == 2)
      // Found however the address is spelled.
      #expect(
        file.load(for: try ServerAddress("https://GYM.example.com:443/chain-a/"))?.username
          == "hala")
      #expect(file.load(for: second)?.username == "karim")
      #expect(file.load(for: try ServerAddress("https://gym.example.com")) == nil)

      #expect(try file.remove(for: first))
      #expect(file.load(for: first) == nil)
      #expect(file.load(for: second)?.username == "karim")
      let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions]
      #expect((mode as? NSNumber)?.intValue == 0o600)
    }
  }

  @Test func aSingleLoginFileFromBeforeIsStillRead() throws {
    try inFolder { folder throws in
      let file = SessionFile(path: folder + "/session.json")
      let server = try ServerAddress("http://127.0.0.1:5055")
      let encoder = JSONEncoder()
      encoder.dateEncodingStrategy = .secondsSince1970
      try encoder.encode(session(server, user: "mona")).write(to: URL(fileURLWithPath: file.path))
      #expect(file.load(for: server)?.username == "mona")
      try file.save(session(try ServerAddress("http://127.0.0.1:5056"), user: "karim"))
      #expect(file.load(for: server)?.username == "mona")
      #expect(file.sessions().count == 2)
    }
  }

  private func session(_ server: ServerAddress, user: String) -> LoginSession {
    LoginSession(
      server: server.description, username: user,
      user: UserDTO(
        id: 1, username: user, fullName: nil, role: "front_desk", branchID: 1, branchName: "Main",
        isActive: true),
      accessToken: "token-\(user)", loggedInAt: Date(timeIntervalSince1970: 1_764_547_200))
  }
}

private func inFolder(_ body: (String) throws -> Void) throws {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("checkin-cache-\(UUID().uuidString)").path
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: folder) }
  try body(folder)
}
