import CheckInCore
import CheckInSQLite
import Foundation
import Testing

/// Facts recorded about the file (`meta`/`setMeta`) and the branches it knows.
@Suite struct MetaTests {
  @Test func aFactIsKeptAndReplaced() throws {
    try withTemporaryDirectory { directory in
      let path = "\(directory)/gym.sqlite3"
      do {
        let fixture = try Fixture(path: path)
        #expect(try fixture.store.meta("demo") == nil)
        try fixture.store.setMeta("demo", "yes")
        try fixture.store.setMeta("demo", "no")
        #expect(try fixture.store.meta("demo") == "no")
      }
      let reopened = try LocalStore(path: path)
      #expect(try reopened.meta("demo") == "no")
    }
  }

  @Test func theBranchesAreListedByID() throws {
    try withFixture { fixture in
      let branches = try fixture.store.branches()
      #expect(branches.map(\.id) == [1, 2])
      #expect(branches.map(\.name) == ["Downtown", "Heliopolis"])
    }
  }
}
