import CheckInCore
import Foundation
import Testing

@testable import CheckInSQLite

/// Files written by an earlier version of the station are upgraded when opened, data kept.
@Suite struct MigrationTests {
  /// A version-1 file: the name index had prefix indexes of up to three letters only.
  @Test func aVersionOneFileGetsTheLongerNamePrefixes() throws {
    try withTemporaryDirectory { directory in
      let path = "\(directory)/v1.sqlite3"
      _ = try Fixture(path: path)
      let old = try Database(path: path, mode: .readWrite)
      try old.execute(
        """
        DROP TABLE customer_names;
        \(Schema.nameIndex(prefixes: "1 2 3"))
        INSERT INTO customer_names (customer_names) VALUES ('rebuild');
        PRAGMA user_version = 1;
        """)

      let store = try LocalStore(path: path, timeZone: Gym.timeZone)
      #expect(try store.database.integer("PRAGMA user_version") == Int64(Schema.latestVersion))
      let definition = try store.database.rows(
        "SELECT sql FROM sqlite_schema WHERE name = 'customer_names'"
      ) { $0.text(0) }
      #expect(definition.first?.contains("'1 2 3 4 5 6'") == true, "\(definition)")
      // The index was rebuilt from the members: prefixes of every length still find them.
      for prefix in ["n", "nab", "nabi", "nabil"] {
        let page = try store.search(prefix, limit: 5)
        #expect(page.hits.contains { $0.fullName == "Sara Nabil" }, "\(prefix): \(page.hits)")
      }
    }
  }
}
