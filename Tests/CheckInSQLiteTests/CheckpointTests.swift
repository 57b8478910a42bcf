import CheckInCore
import CheckInSQLite
import Foundation
import Synchronization
import Testing

/// The write-ahead log is copied back into the database file by the checkpointer, on its own
/// connection, never inside a check-in's commit; and it stays bounded.
@Suite struct CheckpointTests {
  /// A monotonic clock moved by hand: whether the desk is idle never depends on the machine.
  final class IdleClock: Sendable {
    private let start = ContinuousClock.now
    private let offset = Mutex(Duration.zero)

    var now: ContinuousClock.Instant { start + offset.withLock { $0 } }

    func advance(_ duration: Duration) {
      offset.withLock { $0 += duration }
    }
  }

  /// Fifty members on time plans, so any of them checks in as often as asked.
  static let members = ImportBatch(
    members: (1...50).map { Member(id: Int64($0), fullName: "Member \($0)", branchID: 1) },
    plans: (1...50).map { id in
      (Int64(id), Subscription(id: Int64(id), kind: .time, endDate: Gym.day(2026, 12, 31)))
    })

  /// No duplicate window: the same member may check in again at once.
  static let policy = CheckInPolicy(branchID: 1, duplicateWindow: 0)

  /// A WAL bound of 64 pages, reached within a few dozen check-ins.
  static let boundedPolicy = CheckpointPolicy(
    idleAfter: .seconds(1), idlePages: 1000, quietAfter: .seconds(60), limitPages: 64)

  private func openStore(_ path: String, _ checkpoints: CheckpointPolicy, _ clock: IdleClock)
    throws -> LocalStore
  {
    var options = LocalStore.Options(create: true, checkpoints: checkpoints)
    options.checkpointClock = { clock.now }
    let store = try LocalStore(
      path: path, options: options, clock: { Gym.morning }, timeZone: Gym.timeZone)
    _ = try store.importBatch(Self.members).get()
    return store
  }

  private func request(_ number: Int) -> CheckInRequest {
    CheckInRequest(
      memberID: Int64(1 + number % 50), code: nil, subscriptionID: nil, action: .checkInOnly,
      policy: Self.policy, station: "desk-1", requestedAt: Gym.morning, override: nil)
  }

  private func checkIn(_ store: LocalStore, _ number: Int) throws {
    _ = try store.checkIn(request(number))
  }

  private func bytes(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
  }

  private func size(_ path: String) throws -> Int {
    try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? -1
  }

  @Test func checkInsNeverCopyTheLogBackThemselves() throws {
    try withTemporaryDirectory { directory in
      let path = "\(directory)/gym.sqlite3"
      let store = try openStore(path, CheckpointPolicy(), IdleClock())
      #expect(try store.database.integer("PRAGMA wal_autocheckpoint") == 0)
      let before = try bytes(path)
      var frames: [Int] = []
      // Past SQLite's own threshold of 1000 pages, where a commit would have checkpointed.
      var count = 0
      while store.checkpointer.progress.frames <= 1200 {
        try checkIn(store, count)
        frames.append(store.checkpointer.progress.frames)
        count += 1
      }
      // Every commit only added to the log, and the database file is as the import left it.
      #expect(frames == frames.sorted() && Set(frames).count == frames.count)
      #expect(try bytes(path) == before)
      #expect(store.checkpointer.completed == 1, "only the import's checkpoint")
      #expect(try store.database.integer("SELECT count(*) FROM attendance") == Int64(count))

      // Whoever copies the log back now finds every commit still in it.
      let other = try Database(path: path, mode: .readWrite)
      #expect(try other.integer("SELECT count(*) FROM attendance") == Int64(count))
      let outcome = try other.checkpoint(.passive)
      #expect(outcome.frames == frames.last)
      #expect(outcome.copied == frames.last)
      #expect(try bytes(path) != before)
    }
  }

  @Test func anIdleDeskCopiesItsLogBackAndABusyOneDoesNot() throws {
    try withTemporaryDirectory { directory in
      let path = "\(directory)/gym.sqlite3"
      let clock = IdleClock()
      let checkpoints = CheckpointPolicy(
        idleAfter: .seconds(1), idlePages: 20, quietAfter: .seconds(60), limitPages: 100_000)
      let store = try openStore(path, checkpoints, clock)
      let checkpointer = store.checkpointer
      let before = try bytes(path)
      var count = 0
      while checkpointer.progress.uncopied < 20 {
        try checkIn(store, count)
        count += 1
        clock.advance(.milliseconds(500))
      }
      #expect(checkpointer.checkpointIfDue() == nil, "half a second since the last check-in")
      checkpointer.waitForCheckpoint()
      #expect(try bytes(path) == before)

      clock.advance(.milliseconds(500))
      #expect(checkpointer.checkpointIfDue() == .idle)
      checkpointer.waitForCheckpoint()
      #expect(checkpointer.progress.uncopied == 0)
      #expect(try bytes(path) != before)

      // A few more, fewer than the idle threshold: they wait for a quiet minute.
      let copied = try bytes(path)
      try checkIn(store, count)
      clock.advance(.seconds(59))
      #expect(checkpointer.checkpointIfDue() == nil)
      clock.advance(.seconds(1))
      #expect(checkpointer.checkpointIfDue() == .quiet)
      checkpointer.waitForCheckpoint()
      #expect(checkpointer.progress.uncopied == 0)
      #expect(try bytes(path) != copied)
    }
  }

  /// Another station on the file copied the log back and started it over: this one's idle check
  /// sees the shorter log whole and rests, instead of checkpointing at every turn of its loop.
  @Test func aLogAnotherStationStartedOverLeavesThisOneAtRest() throws {
    try withTemporaryDirectory { directory in
      let path = "\(directory)/gym.sqlite3"
      let checkpoints = CheckpointPolicy(
        idleAfter: .seconds(1), idlePages: 20, quietAfter: .seconds(60), limitPages: 100_000)
      let (clockA, clockB) = (IdleClock(), IdleClock())
      let deskA = try openStore(path, checkpoints, clockA)
      let deskB = try openStore(path, checkpoints, clockB)
      var count = 0
      while deskA.checkpointer.progress.uncopied < 60 {
        try checkIn(deskA, count)
        count += 1
      }
      let seenByA = deskA.checkpointer.progress.frames
      deskB.checkpointer.drain()
      for number in 0..<3 { try checkIn(deskB, 1000 + number) }
      #expect(deskB.checkpointer.progress.frames < seenByA, "B started the log over")

      clockA.advance(.seconds(2))
      #expect(deskA.checkpointer.checkpointIfDue() == .idle, "A still believes its pages wait")
      deskA.checkpointer.waitForCheckpoint()
      #expect(deskA.checkpointer.progress.uncopied == 0)
      clockA.advance(.seconds(2))
      #expect(deskA.checkpointer.checkpointIfDue() == nil, "nothing of A's waits any more")
      #expect(try deskA.database.integer("SELECT count(*) FROM attendance") == Int64(count + 3))
    }
  }

  /// A failure that persists is retried at every turn of the station's loop; the log hears of it
  /// once, and again only after it has cleared and come back.
  @Test func aLastingFailureIsToldOnce() throws {
    try withTemporaryDirectory { directory in
      let folder = "\(directory)/not-yet"
      let told = Mutex<[String]>([])
      let checkpointer = Checkpointer(path: "\(folder)/gym.sqlite3")
      checkpointer.reportProblems { message in told.withLock { $0.append(message) } }
      for _ in 0..<3 { checkpointer.checkpointNow() }
      #expect(told.withLock { $0.count } == 1)
      #expect(told.withLock { $0.first?.contains("retried later") } == true)

      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      let database = try Database(path: "\(folder)/gym.sqlite3", mode: .readWriteCreate)
      try database.execute("PRAGMA journal_mode = WAL")
      try database.execute("CREATE TABLE visits (id INTEGER PRIMARY KEY)")
      checkpointer.checkpointNow()
      #expect(checkpointer.completed == 1)
      #expect(told.withLock { $0.count } == 1, "a success tells nothing")
    }
  }

  @Test func aLogPastItsBoundIsCopiedBackBesideTheCheckInsAndStaysBounded() throws {
    try withTemporaryDirectory { directory in
      let path = "\(directory)/gym.sqlite3"
      let limit = Self.boundedPolicy.limitPages
      // The clock never moves: nothing here is idle, every checkpoint is for the bound.
      let store = try openStore(path, Self.boundedPolicy, IdleClock())
      let checkpointer = store.checkpointer
      var largest = 0
      var framesPerCommit = 0
      for number in 0..<400 {
        let before = checkpointer.progress.frames
        try checkIn(store, number)
        let after = checkpointer.progress.frames
        if after > before { framesPerCommit = max(framesPerCommit, after - before) }
        largest = max(largest, after)
        // The test waits so that each checkpoint ends before the next commit; a station doesn't.
        checkpointer.waitForCheckpoint()
      }
      #expect(checkpointer.completed > 4)
      #expect(largest < limit + framesPerCommit)
      // The file itself never grew past the bound either: a header, then frames of a page each.
      let pageSize = Int(try store.database.integer("PRAGMA page_size") ?? 0)
      #expect(try size(path + "-wal") <= 32 + (limit + framesPerCommit) * (pageSize + 24))
      #expect(try store.database.integer("SELECT count(*) FROM attendance") == 400)
    }
  }

  @Test func whatACheckpointLeftBehindIsCopiedBetweenScansAndTheLogStartsOver() async throws {
    try await withTemporaryDirectoryAsync { directory in
      let path = "\(directory)/gym.sqlite3"
      let limit = Self.boundedPolicy.limitPages
      let store = try openStore(path, Self.boundedPolicy, IdleClock())
      let checkpointer = store.checkpointer
      var number = 0
      while checkpointer.progress.uncopied < limit / 2 {
        try checkIn(store, number)
        number += 1
      }
      // Another station reading holds the log as it was: no checkpoint copies past that, just as
      // none copies the commits that land while it runs.
      let reader = try Database(path: path, mode: .readWrite)
      try reader.execute("BEGIN")
      #expect(try reader.integer("SELECT count(*) FROM attendance") == Int64(number))
      while checkpointer.completed == 1 {
        try checkIn(store, number)
        number += 1
        checkpointer.waitForCheckpoint()
      }
      #expect(checkpointer.isBehind)
      #expect(checkpointer.progress.uncopied > 0)
      try reader.execute("COMMIT")

      // The station checks in through its queue; the copy runs there before the next lookup.
      let longest = checkpointer.progress.frames
      let backend = SQLiteBackend(store: store).backend
      _ = try await backend.checkIn(request(number))
      _ = try await backend.lookUp(.member(1), Self.policy)
      #expect(!checkpointer.isBehind)
      #expect(checkpointer.progress.uncopied == 0)
      _ = try await backend.checkIn(request(number + 1))
      #expect(checkpointer.progress.frames < longest, "the log started over")
    }
  }

  @Test func anImportLeavesTheLogCopiedBackAndEmpty() throws {
    try withTemporaryDirectory { directory in
      let path = "\(directory)/gym.sqlite3"
      let store = try openStore(path, CheckpointPolicy(), IdleClock())
      #expect(try size(path + "-wal") == 0)
      let many = ImportBatch(
        members: (1...3000).map { Member(id: Int64($0), fullName: "Member \($0)", branchID: 1) },
        plans: [])
      try checkIn(store, 0)
      #expect(try size(path + "-wal") > 0)
      _ = try store.importBatch(many).get()
      #expect(try size(path + "-wal") == 0)
      #expect(store.checkpointer.progress == WALProgress(frames: 0, copied: 0))
      // The next check-in starts a new log.
      try checkIn(store, 1)
      #expect(try size(path + "-wal") > 0)
      #expect(try store.database.integer("SELECT count(*) FROM customers") == 3000)
    }
  }
}
