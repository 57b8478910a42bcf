import CheckInCore
import CheckInSQLite
import Foundation
import Testing

/// Hundreds of members named from words of many scripts, mixed and with emoji: every start of
/// every word of every name finds its member, and no query, however odd, makes the search fail.
@Suite struct SearchScriptsFuzzTests {
  @Test func everyStartOfEveryWordFindsTheMember() throws {
    var random = SplitMix64(seed: 0x5C21_7750_2026)
    let members = (1...300).map { index in
      Member(id: Int64(1000 + index), fullName: NamePools.name(using: &random), branchID: 1)
    }
    // Queries are asked once each; a query shared by many names must find all of them.
    var expected: [String: Set<Int64>] = [:]
    for member in members {
      expected[member.fullName, default: []].insert(member.id)
      for word in member.fullName.split(whereSeparator: \.isWhitespace) {
        var start = ""
        for character in word {
          start.append(character)
          expected[start, default: []].insert(member.id)
        }
      }
    }

    try withFixture(ImportBatch(members: members, plans: [])) { fixture in
      var failures: [String] = []
      for (query, wanted) in expected.sorted(by: { $0.key < $1.key }) {
        do {
          let found = Set(try fixture.store.search(query, limit: members.count).hits.map(\.id))
          if SearchText.words(query).isEmpty {
            // Punctuation, or a cut before the first letter: nothing to look for.
            if !found.isEmpty { failures.append("\(query) found \(found) by no word") }
          } else if !wanted.isSubset(of: found) {
            failures.append("\(query) missed \(wanted.subtracting(found).sorted())")
          }
        } catch {
          failures.append("\(query) failed: \(error)")
        }
      }
      for _ in 0..<500 {
        let query = NamePools.garble(using: &random)
        do {
          _ = try fixture.store.search(query, limit: 10)
        } catch {
          failures.append("\(query.unicodeScalars.map(\.value)) failed: \(error)")
        }
      }
      #expect(expected.count > 2 * members.count)
      #expect(failures.isEmpty, "\(failures.count): \(failures.prefix(10).joined(separator: "\n"))")
    }
  }
}

/// Words as names are written: accented Latin, Arabic with harakat and hamza forms, Devanagari and
/// Bengali with viramas and vowel signs, Thai with tone marks, CJK, Hangul, emoji sequences.
private enum NamePools {
  static let scripts: [[String]] = [
    [
      "José", "Álvarez", "Zoë", "Åse", "Müller", "FRANÇOIS", "Nguyễn", "Łukasz", "Straße",
      "Sørensen", "O'Brien", "Jo-Anne", "Ελένη", "Наталья", "Omar", "Sara",
    ],
    [
      "أحمد", "مُحَمَّد", "فاطمة", "مصطفى", "إيمان", "آمنة", "مؤمن", "هانئ", "عبدالله",
      "محـــمد", "ٱلرحمن", "عَلِيّ", "نور",
    ],
    ["राम", "शर्मा", "प्रिया", "कृष्ण", "गुप्ता", "लक्ष्मी", "सिंह", "विक्रम", "ज्ञान"],
    ["রহিম", "সুমন", "অনিক", "প্রিয়াঙ্কা", "চৌধুরী", "শুভ্র", "কৃষ্ণ"],
    ["สมชาย", "ก่อ", "นิ่ม", "วิไล", "ประยุทธ์", "สุดา", "น้ำ", "ใจดี"],
    ["王", "李小龙", "山田", "太郎", "張偉", "陳", "美咲"],
    ["김민준", "이서연", "박", "정호", "최지우"],
    [
      "💪", "🔥", "👍🏽", "👨‍👩‍👧", "❤️", "🇪🇬", "🧑🏿‍🚀", "🏋️‍♀️", "⭐",
      "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}",
    ],
  ]

  /// Words that fold to nothing; they sit between the others and find no one.
  static let punctuation = ["—", "&", "(…)", "·"]

  static func name(using random: inout SplitMix64) -> String {
    let count = 1 + Int(random.next(below: 4))
    var words: [String] = []
    for _ in 0..<count {
      switch random.next(below: 10) {
      case 0: words.append(pick(punctuation, &random))
      // A word run together from two scripts, as emoji often are.
      case 1, 2: words.append(word(&random) + word(&random))
      default: words.append(word(&random))
      }
    }
    if words.allSatisfy({ SearchText.words($0).isEmpty }) { words.append(word(&random)) }
    return words.joined(separator: " ")
  }

  /// Pieces of the pools' words and stray marks, joiners and punctuation, in any order.
  static func garble(using random: inout SplitMix64) -> String {
    let strays: [Unicode.Scalar] = [
      "\u{301}", "\u{94D}", "\u{93E}", "\u{E48}", "\u{200D}", "\u{200C}", "\u{FE0F}", "\u{1F3FD}",
      "\"", "*", "'", "-", "^", ":", "(", ")", " ", "\u{0}", "\u{200B}", "\u{E0067}",
    ]
    var text = String.UnicodeScalarView()
    for _ in 0..<(1 + random.next(below: 12)) {
      if random.next(below: 2) == 0 {
        text.append(strays[Int(random.next(below: UInt64(strays.count)))])
      } else {
        let scalars = Array(word(&random).unicodeScalars)
        text.append(scalars[Int(random.next(below: UInt64(scalars.count)))])
      }
    }
    return String(text)
  }

  private static func word(_ random: inout SplitMix64) -> String {
    pick(pick(scripts, &random), &random)
  }

  private static func pick<T>(_ items: [T], _ random: inout SplitMix64) -> T {
    items[Int(random.next(below: UInt64(items.count)))]
  }
}
