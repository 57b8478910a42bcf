import CheckInCore
import CheckInSQLite
import Foundation
import Testing

/// `search(_:limit:)`: names by word prefix, phones from either end, code prefixes and ids.
@Suite struct SearchTests {
  private func ids(_ fixture: Fixture, _ query: String, limit: Int = 20) throws -> Set<Int64> {
    Set(try fixture.store.search(query, limit: limit).hits.map(\.id))
  }

  @Test(
    arguments: [
      ("omar", [115, 407]), ("OMAR", [115, 407]), ("had", [115]), ("Haddad", [115]),
      ("nab", [201, 407]), ("jose", [503]), ("JOSÉ", [503]), ("alvarez", [503]), ("Álv", [503]),
      ("zzz", []),
    ] as [(String, [Int64])])
  func latinNamesMatchAnyWordByPrefix(query: String, expected: [Int64]) throws {
    try withFixture { fixture throws in
      #expect(try ids(fixture, query) == Set(expected))
    }
  }

  @Test(
    arguments: [
      ("احمد", [501]), ("أحمد", [501]), ("إحمد", [501]), ("احم", [501]), ("السيد", [501]),
      ("فاطمه", [502]), ("فاطمة", [502]), ("فاطِمة", [502]), ("علي", [502]),
    ] as [(String, [Int64])])
  func arabicNamesMatchWhateverHamzaAndTaMarbuta(query: String, expected: [Int64]) throws {
    try withFixture { fixture throws in
      #expect(try ids(fixture, query) == Set(expected))
    }
  }

  @Test(
    arguments: [
      ("omar nab", [407]), ("nabil omar", [407]), ("sara nab", [201]), ("sara fathy", []),
      ("احمد السي", [501]), ("احمد علي", []),
    ] as [(String, [Int64])])
  func everyWordOfTheQueryMustMatch(query: String, expected: [Int64]) throws {
    try withFixture { fixture throws in
      #expect(try ids(fixture, query) == Set(expected))
    }
  }

  @Test(
    arguments: [
      ("0111", [201]), ("0111 222", [201]), ("3333", [201]), ("2223333", [201]),
      ("+20 100", [501]), ("4567", [501]), ("01001234567", [501]), ("1001234567", [501]),
      ("٠١٠٠١٢٣٤٥٦٧", [501]), ("+20 100 123 4567", [501]), ("0999", []),
    ] as [(String, [Int64])])
  func phonesMatchFromTheStartOrTheEnd(query: String, expected: [Int64]) throws {
    try withFixture { fixture throws in
      #expect(try ids(fixture, query) == Set(expected))
    }
  }

  @Test(
    arguments: [
      ("GYM-115", [115]), ("gym-115-9f", [115]), ("gym-", [115, 202]), ("card-77", [203]),
      ("CUST-5", [204]), ("GYM-115-9F3A0C1B", [115]),
    ] as [(String, [Int64])])
  func codesMatchByPrefixWhateverTheCase(query: String, expected: [Int64]) throws {
    try withFixture { fixture throws in
      #expect(try ids(fixture, query) == Set(expected))
    }
  }

  @Test func aMemberNumberFindsThatMemberFirst() throws {
    try withFixture { fixture in
      let page = try fixture.store.search("201", limit: 10)
      #expect(page.hits.first?.id == 201)
      // 201 is also how Ahmed's international number starts.
      #expect(Set(page.hits.map(\.id)) == [201, 501])
      let sara = try #require(page.hits.first)
      #expect(sara.fullName == "Sara Nabil")
      #expect(sara.phone == "0111 222 3333")
      #expect(sara.qrCode == nil)
      #expect(sara.isActive)
      // Where she stands comes with the hit: her branch and her plans.
      #expect(sara.branchName == "Downtown")
      #expect(sara.plans?.map(\.id) == [2011])
      #expect(sara.plans?.first?.remaining == 3)
      #expect(try ids(fixture, "401") == [401])
    }
  }

  @Test func aLongListIsCutAtTheLimit() throws {
    let members = (1...8).map { Member(id: Int64(700 + $0), fullName: "Nour \($0)", branchID: 1) }
    try withFixture(ImportBatch(members: members, plans: [])) { fixture in
      let cut = try fixture.store.search("nour", limit: 5)
      #expect(cut.hits.count == 5)
      #expect(cut.hasMore)
      #expect(cut.query == "nour")
      let exact = try fixture.store.search("nour", limit: 8)
      #expect(exact.hits.count == 8)
      #expect(!exact.hasMore)
      let roomy = try fixture.store.search("nour", limit: 20)
      #expect(Set(roomy.hits.map(\.id)) == Set(members.map(\.id)))
      #expect(!roomy.hasMore)
    }
  }

  @Test(arguments: ["", "   ", "!", "!!!", "---", "()", "…", "''", "?!.,;:"])
  func punctuationAloneFindsNothing(query: String) throws {
    try withFixture { fixture in
      let page = try fixture.store.search(query, limit: 10)
      #expect(page.hits.isEmpty)
      #expect(!page.hasMore)
    }
  }

  @Test(arguments: [
    "\"", "\"\"", "'", "*", "omar*", "NEAR(omar haddad)", "omar AND sara", "omar OR sara",
    "NOT omar", "AND", "OR", "^omar", "search_name:omar", "\"omar", "omar\" OR \"1",
    "'; DROP TABLE customers; --", "\" OR 1=1 --", "1; DELETE FROM customers", "%", "_",
    "\\", "{omar}", "(", ")", "-omar", "+", String(repeating: "a", count: 2000),
    String(repeating: "9", count: 40), "9223372036854775808", "\u{0}",
  ])
  func hostileInputNeverThrows(query: String) throws {
    try withFixture { fixture in
      let members = try fixture.count("customers")
      let page = try fixture.store.search(query, limit: 10)
      #expect(page.hits.count <= 10)
      #expect(try fixture.count("customers") == members)
    }
  }

  @Test func operatorWordsAreSearchedAsNames() throws {
    let members = [
      Member(id: 801, fullName: "Near Andrews", branchID: 1),
      Member(id: 802, fullName: "Orla Nott", branchID: 1),
    ]
    try withFixture(ImportBatch(members: members, plans: [])) { fixture throws in
      #expect(try ids(fixture, "NEAR") == [801])
      #expect(try ids(fixture, "AND") == [801])
      #expect(try ids(fixture, "OR") == [802])
      #expect(try ids(fixture, "NOT") == [802])
    }
  }

  /// One number in the forms a desk types it and a record holds it: each finds the others.
  @Test(arguments: [
    "0101", "0101 234", "01012345678", "+20 101", "+20 101 234 5678", "+201012", "20101",
    "2010123", "0020101", "101234",
  ])
  func aPhoneFindsItsOtherForms(query: String) throws {
    let members = [
      Member(id: 901, fullName: "Mona Local", phone: "0101 234 5678", branchID: 1),
      Member(id: 902, fullName: "Mona Intl", phone: "+20 101 234 5678", branchID: 1),
      Member(id: 903, fullName: "Mona Bare", phone: "201012345678", branchID: 1),
      Member(id: 904, fullName: "Other", phone: "0155 999 0000", branchID: 1),
    ]
    try withFixture(ImportBatch(members: members, plans: [])) { fixture throws in
      #expect(try ids(fixture, query) == [901, 902, 903], "\(query)")
    }
  }

  @Test func anotherCountryCodeIsConfigurable() throws {
    let members = [
      Member(id: 911, fullName: "Local", phone: "07700 900123", branchID: 1),
      Member(id: 912, fullName: "Intl", phone: "+44 7700 900123", branchID: 1),
    ]
    try withTemporaryDirectory { directory in
      var options = LocalStore.Options(create: true)
      options.phoneCountryCode = "44"
      let store = try LocalStore(path: "\(directory)/uk.sqlite3", options: options)
      _ = try store.importBatch(ImportBatch(members: members, plans: [])).get()
      #expect(Set(try store.search("07700 9", limit: 10).hits.map(\.id)) == [911, 912])
      #expect(Set(try store.search("+44 7700", limit: 10).hits.map(\.id)) == [911, 912])
    }
  }
}
