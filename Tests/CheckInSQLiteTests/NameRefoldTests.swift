import CheckInCore
import CheckInSQLite
import Foundation
import Testing

/// Stored names are folded again, once, when the file says an older program folded them.
@Suite struct NameRefoldTests {
  @Test func aNewFileRecordsItsFoldingAtCreation() throws {
    try withFixture { fixture throws in
      #expect(try fixture.store.meta("search_fold") == String(SearchText.foldVersion))
    }
  }

  @Test func namesAreFoldedAgainOnlyWhenAnOlderFoldingIsRecorded() throws {
    try withFixture { fixture in
      // A stored name no folding would make shows whether an opening rewrote it.
      try fixture.store.database.run(
        "UPDATE customers SET search_name = ? WHERE id = ?", "zzz", Int64(115))

      let current = try fixture.openStation()
      #expect(try storedName(current) == "zzz")

      try fixture.store.setMeta("search_fold", "1")
      let stale = try fixture.openStation()
      #expect(try storedName(stale) == "omar haddad")
      #expect(try stale.meta("search_fold") == String(SearchText.foldVersion))
      // The index followed the names: the made-up word is gone, the real ones are back.
      #expect(try stale.search("zzz", limit: 5).hits.isEmpty)
      #expect(try stale.search("haddad", limit: 5).hits.map(\.id) == [115])
    }
  }

  private func storedName(_ store: LocalStore) throws -> String? {
    try store.database.first("SELECT search_name FROM customers WHERE id = 115") { $0.text(0) }
  }
}
