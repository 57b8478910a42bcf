import Testing

@testable import CheckInCore

/// Folding names and queries so that however a name was typed, the same member is found.
@Suite struct SearchTextTests {
  @Test(arguments: [
    ("Jos\u{E9}", "jose"), ("Jose\u{301}", "jose"), ("JOS\u{C9}", "jose"),
    ("M\u{FC}ller", "muller"),
    ("Zo\u{EB} \u{C5}ngstr\u{F6}m", "zoe angstrom"), ("FRAN\u{C7}OIS", "francois"),
  ])
  func latinCaseAndAccentsAreIgnored(name: String, folded: String) {
    #expect(SearchText.normalized(name) == folded)
  }

  /// Hamza forms of alef are one letter to a person typing.
  @Test func alefWithHamzaOrMaddaIsPlainAlef() {
    let plain = "\u{0627}\u{062D}\u{0645}\u{062F}"  // احمد
    #expect(SearchText.normalized("أحمد") == plain)
    #expect(SearchText.normalized("احمد") == plain)
    #expect(SearchText.normalized("إيمان") == SearchText.normalized("ايمان"))
    #expect(SearchText.normalized("آمنة") == SearchText.normalized("امنه"))
    #expect(SearchText.normalized("\u{0671}\u{0644}") == "\u{0627}\u{0644}")
  }

  @Test func tehMarbutaIsHeh() {
    #expect(SearchText.normalized("فاطمة") == SearchText.normalized("فاطمه"))
    #expect(SearchText.normalized("فاطمة") == "\u{0641}\u{0627}\u{0637}\u{0645}\u{0647}")
  }

  @Test func alefMaksuraIsYeh() {
    #expect(SearchText.normalized("مصطفى") == SearchText.normalized("مصطفي"))
    #expect(SearchText.normalized("مصطفى").unicodeScalars.last == "\u{064A}")
  }

  @Test func hamzaSeatsAreTheirBaseLetters() {
    #expect(SearchText.normalized("مؤمن") == SearchText.normalized("مومن"))
    #expect(SearchText.normalized("هانئ") == SearchText.normalized("هاني"))
  }

  @Test func harakatAndTatweelAreDropped() {
    let plain = SearchText.normalized("محمد")
    #expect(SearchText.normalized("مُحَمَّد") == plain)
    #expect(SearchText.normalized("محـــمد") == plain)
    #expect(SearchText.normalized("مُحـَمّـد") == plain)
    #expect(plain.unicodeScalars.count == 4)
  }

  @Test func arabicScriptDigitsBecomeASCII() {
    #expect(
      SearchText.normalized(
        "\u{0660}\u{0661}\u{0662}\u{0663}\u{0664}\u{0665}\u{0666}\u{0667}\u{0668}\u{0669}")
        == "0123456789")
    #expect(SearchText.normalized("\u{06F1}\u{06F2}\u{06F3}") == "123")
    #expect(SearchText.normalized("GYM-\u{0661}\u{0661}\u{0665}") == "gym 115")
  }

  @Test(arguments: [
    ("Sara-Haddad, Jr.", ["sara", "haddad", "jr"]),
    ("  many   spaces\ttabs\nlines ", ["many", "spaces", "tabs", "lines"]),
    ("O'Brien", ["o", "brien"]),
    ("sara@example.com", ["sara", "example", "com"]),
    ("Ahmed أحمد 42", ["ahmed", "\u{0627}\u{062D}\u{0645}\u{062F}", "42"]),
    ("", []),
    ("!!! --- ...", []),
  ])
  func wordsSplitOnAnythingButLettersAndDigits(text: String, words: [String]) {
    #expect(SearchText.words(text) == words)
  }

  @Test func normalizedJoinsWordsWithSingleSpaces() {
    #expect(SearchText.normalized("  Sara   HADDAD ") == "sara haddad")
  }

  @Test(arguments: [
    ("+20 100-123 4567", "201001234567"), ("(010) ١٢٣-٤٥", "01012345"), ("۰۹۱۲", "0912"),
    ("no digits", ""), ("", ""),
  ])
  func digitsOfPhoneNumbers(phone: String, digits: String) {
    #expect(SearchText.digits(phone) == digits)
  }
}
