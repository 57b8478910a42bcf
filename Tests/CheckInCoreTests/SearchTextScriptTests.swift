import Testing

@testable import CheckInCore

/// Folding beyond Latin and Arabic: scripts with vowel signs and tone marks, emoji, and the
/// invisible characters that hold sequences together.
@Suite struct SearchTextScriptTests {
  @Test(arguments: [
    ("Omar 💪", ["omar", "💪"]), ("💪Omar", ["💪", "omar"]), ("Omar💪🔥", ["omar", "💪", "🔥"]),
    ("Sara🔥Nabil", ["sara", "🔥", "nabil"]), ("❤️", ["❤"]), ("⭐ Star", ["⭐", "star"]),
  ])
  func eachEmojiIsAWordOfItsOwn(text: String, words: [String]) {
    #expect(SearchText.words(text) == words)
  }

  @Test(arguments: [
    ("👍🏽", ["👍"]), ("👍🏿👍🏻", ["👍", "👍"]), ("🏽", []),
    ("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", ["\u{1F468}", "\u{1F469}", "\u{1F467}"]),
    ("\u{1F3CB}\u{FE0F}\u{200D}\u{2640}\u{FE0F}", ["\u{1F3CB}", "\u{2640}"]),
  ])
  func skinTonesJoinersAndVariationSelectorsAreDropped(text: String, words: [String]) {
    #expect(SearchText.words(text) == words)
  }

  /// A flag is two regional indicators; each is a word, so either finds the name.
  @Test func flagsAreTheirRegionalIndicators() {
    #expect(SearchText.words("Nour 🇪🇬") == ["nour", "\u{1F1EA}\u{1F1EC}"])
    #expect(SearchText.words("🇪🇬🇬🇪x") == ["🇪🇬", "🇬🇪", "x"], "two flags are two words")
    #expect(SearchText.words("🇪 🇬") == ["🇪", "🇬"], "a space parts them")
    // England's flag: a black flag and invisible tags.
    let england = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}"
    #expect(SearchText.words(england) == ["\u{1F3F4}"])
  }

  @Test func keycapsAndHashAreNotWords() {
    #expect(SearchText.words("#1 fan") == ["1", "fan"])
    #expect(SearchText.words("1\u{FE0F}\u{20E3}") == ["1"])
  }

  @Test func invisibleCharactersDoNotSplitAWord() {
    // Persian writes ZWNJ inside words; people often type the word without it.
    #expect(SearchText.words("\u{0645}\u{06CC}\u{200C}\u{062E}") == ["\u{0645}\u{06CC}\u{062E}"])
    #expect(SearchText.words("Sa\u{AD}ra") == ["sara"])
    #expect(SearchText.words("Sara\u{2060}Nabil") == ["saranabil"])
  }

  @Test func aZeroWidthSpaceSeparatesWords() {
    #expect(SearchText.words("Sara\u{200B}Nabil") == ["sara", "nabil"])
  }

  /// राम शर्मा: the vowel sign ा (a spacing mark) stays in the word, the virama ् (nonspacing) is
  /// dropped from name and query alike.
  @Test func devanagariKeepsVowelSignsAndDropsTheVirama() {
    #expect(
      SearchText.words("राम शर्मा")
        == ["\u{930}\u{93E}\u{92E}", "\u{936}\u{930}\u{92E}\u{93E}"])
    #expect(SearchText.normalized("शर्") == "\u{936}\u{930}")
  }

  @Test func bengaliKeepsVowelSignsAndDropsNonspacingMarks() {
    #expect(SearchText.words("রহিম") == ["\u{09B0}\u{09B9}\u{09BF}\u{09AE}"])
    // The nukta of য় is dropped after decomposition, as accents are.
    #expect(SearchText.normalized("প্রিয়া") == SearchText.normalized("প্রিযা"))
    #expect(SearchText.words("সুমন") == ["\u{09B8}\u{09AE}\u{09A8}"])
  }

  @Test func thaiToneMarksAndAboveVowelsAreDropped() {
    #expect(SearchText.normalized("ก่อ") == "\u{0E01}\u{0E2D}")
    #expect(SearchText.normalized("นิ่ม") == SearchText.normalized("นม"))
    #expect(SearchText.words("สมชาย ใจดี") == ["สมชาย", "ใจด"])
  }

  @Test func hangulAndCJKAreWordsBetweenSpaces() {
    #expect(SearchText.words("김민준 李小龙").count == 2)
    #expect(SearchText.words("李小龙") == ["李小龙"])
  }

  /// What the index stores and what a receptionist types are folded by the same function, so the
  /// start of a word, cut between two characters, folds to the start of the folded word.
  @Test(arguments: [
    "शर्मा", "प्रिया", "কৃষ্ণ", "চৌধুরী", "প্রিয়াঙ্কা", "ประยุทธ์", "น้ำ", "김민준", "李小龙",
    "Nguyễn", "ÉLODIE", "Łukasz", "مُحَمَّد", "فاطمة", "Ελένη", "שָׁלוֹם", "Наталья",
  ])
  func everyStartOfAWordFoldsToTheStartOfItsFolding(word: String) {
    let folded = SearchText.normalized(word)
    #expect(SearchText.words(word).count == 1)
    var prefix = ""
    for character in word {
      prefix.append(character)
      let start = SearchText.normalized(prefix)
      #expect(
        folded.unicodeScalars.starts(with: start.unicodeScalars),
        "\(prefix) folds to \(start), not a start of \(folded)")
    }
  }
}
