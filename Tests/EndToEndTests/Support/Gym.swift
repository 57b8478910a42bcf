import CheckInCore
import CheckInSQLite
import Foundation

/// A gym's database in a fresh temporary folder: members 1…n, each holding one active sessions plan
/// with plenty left, written through the store's public import. Only the duplicate guard and the
/// counts decide what a scan does.
struct Gym: Sendable {
  let folder: URL
  let databasePath: String
  let members: [Int64]
  let initialRemaining: Int

  /// Creates the database at `folder/gym.sqlite3` and closes it again.
  static func create(in folder: URL, members count: Int, sessions: Int = 1000) throws -> Gym {
    let gym = Gym(
      folder: folder, databasePath: folder.appending(path: "gym.sqlite3").path,
      members: Array(1...Int64(count)), initialRemaining: sessions)
    let store = try LocalStore(path: gym.databasePath, options: .init(create: true))
    let batch = ImportBatch(
      members: gym.members.map { id in
        Member(id: id, fullName: gym.name(of: id), qrCode: gym.code(of: id), branchID: 1)
      },
      plans: gym.members.map { id in
        (
          memberID: id,
          plan: Subscription(
            id: gym.plan(of: id), kind: .sessions, status: .active, total: sessions,
            remaining: sessions)
        )
      },
      branchNames: [1: "Main"])
    _ = try store.importBatch(batch).get()
    // As the station makes its own files: its owner's only (it points out any other).
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o600], ofItemAtPath: gym.databasePath)
    return gym
  }

  /// The member's card code; not one of the plain id forms, so scans go through the code index.
  func code(of member: Int64) -> String { "E2E-QR-\(member)" }

  func name(of member: Int64) -> String { "Tester Number\(member)" }

  func plan(of member: Int64) -> Int64 { 1000 + member }

  /// Reads what the database holds now, through a connection of its own that is closed on return.
  func ledger() throws -> Ledger {
    let store = try LocalStore(path: databasePath)
    return try Ledger(reading: store.database)
  }
}

/// One row of `attendance`.
struct AttendanceRow: Equatable, Sendable {
  var id: Int64
  var customerID: Int64
  var subscriptionID: Int64?
  var deducted: Int
  var action: String
  var isVoided: Bool
}

/// The database's view of the counts.
struct Ledger: Sendable {
  /// `PRAGMA integrity_check`: `["ok"]` for a sound file.
  var integrity: [String]
  /// Rows `PRAGMA foreign_key_check` reports.
  var foreignKeyProblems: Int
  /// Remaining sessions by subscription id.
  var remaining: [Int64: Int]
  var attendance: [AttendanceRow]

  init(reading database: Database) throws {
    integrity = try database.rows("PRAGMA integrity_check") { $0.text(0) }
    foreignKeyProblems = try database.rows("PRAGMA foreign_key_check") { $0.text(0) }.count
    remaining = [:]
    for (id, left) in try database.rows(
      "SELECT id, remaining FROM subscriptions",
      map: { row in
        (row.int64(0), row.int(1))
      })
    {
      remaining[id] = left
    }
    attendance = try database.rows(
      "SELECT id, customer_id, subscription_id, deducted, action, voided_at FROM attendance"
    ) { row in
      AttendanceRow(
        id: row.int64(0), customerID: row.int64(1), subscriptionID: row.optionalInt64(2),
        deducted: row.int(3), action: row.text(4), isVoided: !row.isNull(5))
    }
  }

  /// Visits that count (not voided), by member.
  var visitsByMember: [Int64: [AttendanceRow]] {
    Dictionary(grouping: attendance.filter { !$0.isVoided }, by: \.customerID)
  }
}

/// Runs `body` with a new, empty temporary folder that is removed afterwards.
func withScratchFolder<T>(_ label: String, _ body: (URL) async throws -> T) async throws -> T {
  let folder = FileManager.default.temporaryDirectory
    .appending(path: "checkin-e2e-\(label)-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  return try await body(folder)
}
