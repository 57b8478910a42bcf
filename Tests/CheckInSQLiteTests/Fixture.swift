import CheckInCore
import CheckInSQLite
import Foundation
import Synchronization
import Testing

/// A clock the tests move by hand, so duplicate windows and plan dates never depend on the machine.
final class TestClock: Sendable {
  private let current: Mutex<Date>

  init(_ start: Date) {
    current = Mutex(start)
  }

  var now: Date { current.withLock { $0 } }

  func set(_ date: Date) {
    current.withLock { $0 = date }
  }

  func advance(seconds: TimeInterval) {
    current.withLock { $0 += seconds }
  }
}

/// Creates a fresh directory, runs `body` with its path and removes it afterwards.
@discardableResult
func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
  let directory = try makeTemporaryDirectory()
  defer { try? FileManager.default.removeItem(atPath: directory) }
  return try body(directory)
}

/// The async form of `withTemporaryDirectory`.
@discardableResult
func withTemporaryDirectoryAsync<T>(_ body: (String) async throws -> T) async throws -> T {
  let directory = try makeTemporaryDirectory()
  defer { try? FileManager.default.removeItem(atPath: directory) }
  return try await body(directory)
}

private func makeTemporaryDirectory() throws -> String {
  let path = FileManager.default.temporaryDirectory
    .appendingPathComponent("checkin-sqlite-tests-\(UUID().uuidString)").path
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

/// Creates a database in a fresh directory, fills it with `batch` and runs `body` with it. The
/// store is closed before the directory is removed.
@discardableResult
func withFixture<T>(_ batch: ImportBatch = Gym.batch, _ body: (Fixture) throws -> T) throws -> T {
  try withTemporaryDirectory { directory in
    try body(Fixture(path: "\(directory)/gym.sqlite3", batch: batch))
  }
}

/// A station's database file with the clock it runs on.
struct Fixture {
  let path: String
  let clock: TestClock
  let store: LocalStore

  init(path: String, batch: ImportBatch = Gym.batch) throws {
    self.path = path
    let clock = TestClock(Gym.morning)
    self.clock = clock
    store = try LocalStore(
      path: path, options: LocalStore.Options(create: true), clock: { clock.now },
      timeZone: Gym.timeZone)
    _ = try store.importBatch(batch).get()
  }

  /// Another station on the same file and clock.
  func openStation(busyTimeoutMilliseconds: Int32 = 5000) throws -> LocalStore {
    try LocalStore(
      path: path, options: LocalStore.Options(busyTimeoutMilliseconds: busyTimeoutMilliseconds),
      clock: { [clock] in clock.now }, timeZone: Gym.timeZone)
  }

  /// Rows in `table`, read straight from the file.
  func count(_ table: String) throws -> Int {
    Int(try store.database.integer("SELECT count(*) FROM \(table)") ?? -1)
  }

  /// What the database holds as left on a plan.
  func remaining(_ planID: Int64) throws -> Int? {
    try store.database.integer("SELECT remaining FROM subscriptions WHERE id = ?", planID)
      .map(Int.init)
  }

  /// Every plan's remaining count, to show that a refusal changed none of them.
  func allRemaining() throws -> [Int64: Int?] {
    let rows = try store.database.rows("SELECT id, remaining FROM subscriptions") { row in
      (row.int64(0), row.optionalInt(1))
    }
    return Dictionary(uniqueKeysWithValues: rows)
  }

  func request(
    _ memberID: Int64, action: CheckInAction = .deduct, subscriptionID: Int64? = nil,
    policy: CheckInPolicy = Gym.policy, override: StaffOverride? = nil
  ) -> CheckInRequest {
    CheckInRequest(
      memberID: memberID, code: nil, subscriptionID: subscriptionID, action: action,
      policy: policy, station: "desk-1", requestedAt: clock.now, override: override)
  }
}

/// The gym every test starts from. Today is Tuesday 2026-03-10 in UTC+2; the clock starts at 10:00.
enum Gym {
  static let timeZone = TimeZone(secondsFromGMT: 2 * 3600) ?? .gmt
  /// 2026-03-10 00:00 in UTC+2 (2026-03-09 22:00 UTC).
  static let midnight = Date(timeIntervalSince1970: 1_773_093_600)
  static let morning = at(hour: 10)
  static let policy = CheckInPolicy(branchID: 1, duplicateWindow: 120)

  /// A time on today's date, or `days` later.
  static func at(hour: Int, minute: Int = 0, days: Int = 0) -> Date {
    midnight.addingTimeInterval(TimeInterval(days * 86_400 + hour * 3600 + minute * 60))
  }

  /// A literal day; an impossible date would turn into 1970-01-01 and fail the test using it.
  static func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDay {
    CalendarDay(year: year, month: month, day: day)
      ?? CalendarDay(Date(timeIntervalSince1970: 0), in: .gmt)
  }

  static let batch = ImportBatch(
    members: members.map(\.0), plans: members.flatMap { entry in entry.1.map { (entry.0.id, $0) } },
    branchNames: [1: "Downtown", 2: "Heliopolis"])

  private static func sessions(_ id: Int64, left: Int) -> Subscription {
    Subscription(
      id: id, kind: .sessions, total: 10, remaining: left, endDate: day(2026, 12, 31),
      serviceName: "10 sessions")
  }

  private static let members: [(Member, [Subscription])] = [
    (
      Member(
        id: 115, fullName: "Omar Haddad", phone: "0122 555 0115", qrCode: "GYM-115-9F3A0C1B",
        branchID: 1, notes: "knee injury"),
      [sessions(1151, left: 5)]
    ),
    (
      Member(id: 201, fullName: "Sara Nabil", phone: "0111 222 3333", branchID: 1),
      [sessions(2011, left: 3)]
    ),
    (
      Member(id: 202, fullName: "Karim Fathy", qrCode: "GYM-202", branchID: 1),
      [sessions(2021, left: 3)]
    ),
    (
      Member(id: 203, fullName: "Laila Mostafa", qrCode: "CARD-7781", branchID: 1),
      [sessions(2031, left: 3)]
    ),
    // Holds, as its own code, what looks like member 501's id form.
    (
      Member(id: 204, fullName: "Hany Saleh", qrCode: "CUST-501", branchID: 1),
      [sessions(2041, left: 3)]
    ),
    (
      Member(id: 301, fullName: "Mona Adel", branchID: 1),
      [Subscription(id: 3011, kind: .coins, total: 20, remaining: 2)]
    ),
    (
      Member(id: 302, fullName: "Youssef Samir", branchID: 1),
      [Subscription(id: 3021, kind: .time, startDate: day(2026, 1, 1), endDate: day(2026, 12, 31))]
    ),
    (
      Member(id: 401, fullName: "Nadia Kamel", branchID: 1, isActive: false),
      [sessions(4011, left: 5)]
    ),
    (Member(id: 402, fullName: "Tarek Mansour", branchID: 2), [sessions(4021, left: 5)]),
    (Member(id: 403, fullName: "Rania Fouad", branchID: 1), []),
    (
      Member(id: 404, fullName: "Khaled Ezz", branchID: 1),
      [
        Subscription(
          id: 4041, kind: .sessions, status: .frozen, total: 10, remaining: 8,
          freezeReason: "injury")
      ]
    ),
    (
      Member(id: 405, fullName: "Dina Hassan", branchID: 1),
      [Subscription(id: 4051, kind: .sessions, total: 10, remaining: 5, endDate: day(2026, 3, 9))]
    ),
    (
      Member(id: 406, fullName: "Ali Gamal", branchID: 1),
      [
        Subscription(
          id: 4061, kind: .sessions, total: 10, remaining: 5, startDate: day(2026, 3, 11))
      ]
    ),
    (Member(id: 407, fullName: "Omar Nabil", branchID: 1), [sessions(4071, left: 0)]),
    (
      Member(id: 408, fullName: "Salma Farouk", branchID: 1),
      [Subscription(id: 4081, kind: .coins, total: 20, remaining: 0)]
    ),
    (
      Member(id: 501, fullName: "أحمد السيد", phone: "+20 100 123 4567", branchID: 1),
      [sessions(5011, left: 3)]
    ),
    (Member(id: 502, fullName: "فاطمة علي", branchID: 1), [sessions(5021, left: 3)]),
    (Member(id: 503, fullName: "José Álvarez", branchID: 1), [sessions(5031, left: 3)]),
    (
      Member(id: 504, fullName: "Mariam Zaki", branchID: 1),
      [
        Subscription(id: 5041, kind: .sessions, total: 10, remaining: 1, endDate: day(2026, 6, 30)),
        Subscription(
          id: 5042, kind: .sessions, total: 10, remaining: 5, endDate: day(2026, 12, 31)),
      ]
    ),
  ]
}
