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
        \(Schema.nameIndex(prefixes: "1 2 3", tokenizer: Schema.lettersAndNumbersTokenizer))
        INSERT INTO customer_names (customer_names) VALUES ('rebuild');
        DROP INDEX attendance_counted;
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

  /// A version-2 file: its index cut words at vowel signs (राम was a phrase the index refused),
  /// and its stored names were folded with emoji as separators.
  @Test func aVersionTwoFileFindsNamesInEveryScriptAndEmoji() throws {
    let members = [
      Member(id: 901, fullName: "राम शर्मा", branchID: 1),
      Member(id: 902, fullName: "Omar 💪", branchID: 1),
    ]
    try withTemporaryDirectory { directory in
      let path = "\(directory)/v2.sqlite3"
      _ = try Fixture(path: path, batch: ImportBatch(members: members, plans: []))
      let old = try Database(path: path, mode: .readWrite)
      try old.execute(
        """
        UPDATE customers SET search_name = 'omar' WHERE id = 902;
        DROP TABLE customer_names;
        \(Schema.nameIndex(prefixes: "1 2 3 4 5 6", tokenizer: Schema.lettersAndNumbersTokenizer))
        INSERT INTO customer_names (customer_names) VALUES ('rebuild');
        DELETE FROM station_meta WHERE key = 'search_fold';
        DELETE FROM schema_migrations WHERE version > 2;
        DROP INDEX attendance_counted;
        PRAGMA user_version = 2;
        """)
      #expect(throws: SQLiteError.self) {
        try old.rows(
          "SELECT rowid FROM customer_names WHERE customer_names MATCH ?", "\"राम\"*",
          map: { $0.int64(0) })
      }

      let store = try LocalStore(path: path, timeZone: Gym.timeZone)
      #expect(try store.database.integer("PRAGMA user_version") == Int64(Schema.latestVersion))
      #expect(try store.meta("search_fold") == String(SearchText.foldVersion))
      #expect(
        try store.database.first("SELECT search_name FROM customers WHERE id = 902") { $0.text(0) }
          == "omar 💪")
      for query in ["राम", "रा", "शर्मा", "शर", "राम शर्मा"] {
        #expect(try store.search(query, limit: 5).hits.map(\.id) == [901], "\(query)")
      }
      for query in ["💪", "omar", "omar 💪"] {
        #expect(try store.search(query, limit: 5).hits.map(\.id) == [902], "\(query)")
      }
    }
  }
}
