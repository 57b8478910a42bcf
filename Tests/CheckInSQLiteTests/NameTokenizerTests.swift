import CheckInCore
import Foundation
import Testing

@testable import CheckInSQLite

/// The name index must cut a folded name into exactly the words `SearchText` made: a query word the
/// index cuts in two becomes a phrase, which the index (`detail = none`) refuses.
@Suite struct NameTokenizerTests {
  /// Every scalar the folding keeps, alone as a word, is one token: so no word of letters, marks,
  /// digits or emoji is ever cut, in any script this Swift knows.
  @Test func everyScalarTheFoldingKeepsIsPartOfAToken() throws {
    var kept: [String] = []
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned
      else { continue }
      kept.append(contentsOf: SearchText.words(String(scalar)))
    }
    #expect(kept.count > 100_000)

    let database = try Database(path: ":memory:", mode: .readWriteCreate)
    try database.execute(
      """
      CREATE VIRTUAL TABLE probe USING fts5 (words, tokenize = \(Schema.nameTokenizer));
      CREATE VIRTUAL TABLE probe_tokens USING fts5vocab (probe, 'instance');
      """)
    let chunks = stride(from: 0, to: kept.count, by: 1000).map {
      kept[$0..<min($0 + 1000, kept.count)]
    }
    try database.transaction {
      for (row, chunk) in chunks.enumerated() {
        try database.run(
          "INSERT INTO probe (rowid, words) VALUES (?, ?)", row, chunk.joined(separator: " "))
      }
    }
    let tokens = try database.rows("SELECT doc, count(*) FROM probe_tokens GROUP BY doc") {
      (row: Int($0.int64(0)), count: Int($0.int64(1)))
    }
    let miscounted = tokens.filter { $0.count != chunks[$0.row].count }.map {
      "row \($0.row): \($0.count) tokens of \(chunks[$0.row].count) words"
    }
    #expect(tokens.count == chunks.count)
    #expect(miscounted.isEmpty, "\(miscounted.prefix(5))")
  }

  /// The station's own index, as created: राम is one term, vowel sign ा (U+093E) included.
  @Test func theNameIndexKeepsADevanagariVowelSignInTheWord() throws {
    let members = [Member(id: 901, fullName: "राम शर्मा", branchID: 1)]
    try withFixture(ImportBatch(members: members, plans: [])) { fixture in
      let database = fixture.store.database
      try database.execute(
        "CREATE VIRTUAL TABLE temp.name_terms USING fts5vocab (main, customer_names, 'row')")
      let terms = Set(try database.rows("SELECT term FROM temp.name_terms") { $0.text(0) })
      #expect(terms.contains("\u{930}\u{93E}\u{92E}"))
      #expect(terms.contains("\u{936}\u{930}\u{92E}\u{93E}"))
      #expect(!terms.contains("\u{930}"))
    }
  }
}
