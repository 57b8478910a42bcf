import CheckInCore
import CheckInSQLite
import Foundation
import Testing

/// Names in scripts whose words hold vowel signs, and names with emoji, found by any word's start.
@Suite struct SearchScriptsTests {
  private static let members = [
    Member(id: 901, fullName: "राम शर्मा", branchID: 1),
    Member(id: 902, fullName: "Omar 💪", branchID: 1),
    Member(id: 903, fullName: "💪Lina 👍🏽", branchID: 1),
    Member(id: 904, fullName: "রহিম চৌধুরী", branchID: 1),
    Member(id: 905, fullName: "สมชาย ใจดี", branchID: 1),
    Member(id: 906, fullName: "김민준 🇪🇬", branchID: 1),
  ]

  private func ids(_ fixture: Fixture, _ query: String) throws -> Set<Int64> {
    Set(try fixture.store.search(query, limit: 20).hits.map(\.id))
  }

  @Test(
    arguments: [
      ("राम", [901]), ("रा", [901]), ("शर्मा", [901]), ("शर", [901]), ("राम शर", [901]),
      ("💪", [902, 903]), ("👍", [903]), ("👍🏿", [903]), ("💪Lina", [903]), ("omar💪", [902]),
      ("রহি", [904]), ("চৌধু", [904]), ("สมช", [905]), ("ใจดี", [905]), ("김", [906]),
      ("🇪🇬", [906]), ("🇪", [906]), ("🇬🇪", []),
    ] as [(String, [Int64])])
  func everyWordIsFoundByItsStart(query: String, expected: [Int64]) throws {
    try withFixture(ImportBatch(members: Self.members, plans: [])) { fixture throws in
      #expect(try ids(fixture, query) == Set(expected))
    }
  }

  @Test(arguments: ["\u{301}", "\u{94D}", "\u{E48}", "\u{200D}", "\u{FE0F}", "🏽", "🏽🏽", "# * #"])
  func aQueryThatFoldsToNothingFindsNothing(query: String) throws {
    try withFixture(ImportBatch(members: Self.members, plans: [])) { fixture in
      let page = try fixture.store.search(query, limit: 10)
      #expect(page.hits.isEmpty)
      #expect(!page.hasMore)
    }
  }

  @Test func aQueryOfVeryManyWordsStillAnswers() throws {
    try withFixture(ImportBatch(members: Self.members, plans: [])) { fixture throws in
      let many = Array(repeating: "राम शर्मा 💪", count: 400).joined(separator: " ")
      #expect(try ids(fixture, many).isEmpty)
      let same = Array(repeating: "राम शर", count: 400).joined(separator: " ")
      #expect(try ids(fixture, same) == [901])
    }
  }
}
