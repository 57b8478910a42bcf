import CheckInCore
import Foundation
import Testing

@testable import CheckInSQLite

/// What `LocalStore.init` makes of new, existing, missing and foreign files.
@Suite struct OpeningTests {
  /// "CHKI": changing it would make every existing database look foreign.
  static let applicationID: Int64 = 0x4348_4B49

  @Test func aNewFileGetsTheSchemaInWALMode() throws {
    try withTemporaryDirectory { directory in
      let path = "\(directory)/new.sqlite3"
      let store = try LocalStore(path: path, options: LocalStore.Options(create: true))
      let database = store.database
      #expect(try database.integer("PRAGMA user_version") == Int64(Schema.latestVersion))
      #expect(Schema.latestVersion >= 1)
      #expect(try database.integer("PRAGMA application_id") == Self.applicationID)
      #expect(try database.rows("PRAGMA journal_mode") { $0.text(0) } == ["wal"])
      let tables = try database.rows(
        "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"
      ) { $0.text(0) }
      for table in ["attendance", "branches", "customer_names", "customers", "subscriptions"] {
        #expect(tables.contains(table), "missing table \(table)")
      }
      // WAL is a property of the file: a plain connection sees it too.
      let plain = try Database(path: path, mode: .readOnly)
      #expect(try plain.rows("PRAGMA journal_mode") { $0.text(0) } == ["wal"])
    }
  }

  @Test func reopeningKeepsTheDataAndDoesNotMigrateAgain() throws {
    try withTemporaryDirectory { directory in
      let path = "\(directory)/gym.sqlite3"
      let schemaVersion = try {
        let fixture = try Fixture(path: path)
        return try fixture.store.database.integer("PRAGMA schema_version")
      }()
      for create in [false, true] {
        let store = try LocalStore(
          path: path, options: LocalStore.Options(create: create), timeZone: Gym.timeZone)
        #expect(try store.database.integer("PRAGMA schema_version") == schemaVersion)
        #expect(try store.database.integer("PRAGMA user_version") == Int64(Schema.latestVersion))
        let card = try store.lookUp(.member(201), policy: Gym.policy)
        #expect(card.member.fullName == "Sara Nabil")
        #expect(card.subscriptions.map(\.remaining) == [3])
      }
    }
  }

  @Test func aMissingFileWithoutCreateIsNamedAndNotCreated() throws {
    try withTemporaryDirectory { directory in
      let path = "\(directory)/missing.sqlite3"
      let error = #expect(throws: BackendError.self) {
        try LocalStore(path: path)
      }
      let message = try storageMessage(error)
      #expect(message.contains(path))
      #expect(message.contains("checkin demo"))
      #expect(message.contains("checkin import"))
      #expect(!FileManager.default.fileExists(atPath: path))
    }
  }

  @Test func aPathInAMissingFolderCannotBeCreated() throws {
    try withTemporaryDirectory { directory in
      let path = "\(directory)/no-such-folder/gym.sqlite3"
      let error = #expect(throws: BackendError.self) {
        try LocalStore(path: path, options: LocalStore.Options(create: true))
      }
      let message = try storageMessage(error)
      #expect(message.contains("Can't open"))
      #expect(message.contains(path))
    }
  }

  @Test(arguments: [false, true])
  func garbageBytesAreADamagedDatabase(create: Bool) throws {
    try withTemporaryDirectory { directory in
      let path = "\(directory)/garbage.sqlite3"
      var generator = SystemRandomNumberGenerator()
      let bytes = Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) })
      try bytes.write(to: URL(fileURLWithPath: path))
      let error = #expect(throws: BackendError.self) {
        try LocalStore(path: path, options: LocalStore.Options(create: create))
      }
      let message = try storageMessage(error)
      #expect(message.contains("damaged"))
      #expect(message.contains(path))
      #expect(FileManager.default.contents(atPath: path) == bytes)
    }
  }

  @Test(arguments: [0, 3])
  func someoneElsesDatabaseIsNotOurs(userVersion: Int) throws {
    try withTemporaryDirectory { directory in
      let path = "\(directory)/invoices.sqlite3"
      do {
        let other = try Database(path: path, mode: .readWriteCreate)
        try other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        try other.execute("PRAGMA user_version = \(userVersion)")
      }
      for create in [false, true] {
        let error = #expect(throws: BackendError.self) {
          try LocalStore(path: path, options: LocalStore.Options(create: create))
        }
        let message = try storageMessage(error)
        #expect(message.contains("not a CheckIn database"))
        #expect(message.contains(path))
      }
      let other = try Database(path: path, mode: .readOnly)
      let tables = try other.rows("SELECT name FROM sqlite_schema") { $0.text(0) }
      #expect(tables == ["invoices"])
      #expect(try other.integer("PRAGMA user_version") == Int64(userVersion))
    }
  }

  @Test func aDatabaseFromANewerCheckInIsRefused() throws {
    try withTemporaryDirectory { directory in
      let path = "\(directory)/gym.sqlite3"
      _ = try Fixture(path: path)
      do {
        let raw = try Database(path: path, mode: .readWrite)
        try raw.execute("PRAGMA user_version = 99")
      }
      for create in [false, true] {
        let error = #expect(throws: BackendError.self) {
          try LocalStore(path: path, options: LocalStore.Options(create: create))
        }
        let message = try storageMessage(error)
        #expect(message.contains("newer CheckIn"))
        #expect(message.contains("99"))
        #expect(message.contains(path))
      }
    }
  }

  @Test func anEmptyFileWithoutCreateHoldsNoData() throws {
    try withTemporaryDirectory { directory in
      let path = "\(directory)/empty.sqlite3"
      #expect(FileManager.default.createFile(atPath: path, contents: Data()))
      let error = #expect(throws: BackendError.self) {
        try LocalStore(path: path)
      }
      let message = try storageMessage(error)
      #expect(message.contains("holds no CheckIn data"))
      #expect(message.contains("checkin demo"))
      #expect(message.contains(path))
      let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
      #expect(size == 0)
      // The same file is a fine place to create one.
      let store = try LocalStore(path: path, options: LocalStore.Options(create: true))
      #expect(try store.database.integer("PRAGMA application_id") == Self.applicationID)
    }
  }

  private func storageMessage(_ error: BackendError?) throws -> String {
    guard case .storage(let message) = try #require(error) else {
      Issue.record("expected a storage error, got \(String(describing: error))")
      return ""
    }
    return message
  }
}
