import Testing

@testable import CheckInCore

/// Every way a scan is refused before it reaches a store, each with its own reason.
@Suite struct ScanParserRefusalTests {
  @Test(arguments: ["", " ", "\r\n", "\t \t", "\u{00A0}\u{3000}", "\u{200E}\u{200F}", "\0"])
  func emptyOrBlankScansAreEmpty(raw: String) {
    #expect(ScanParser.parse(raw) == .failure(.empty))
  }

  @Test func emptyByteLineIsEmpty() {
    #expect(ScanParser.parse(bytes: [UInt8]()) == .failure(.empty))
    #expect(ScanParser.parse(bytes: [13, 10]) == .failure(.empty))
  }

  @Test func overLongScansReportTheirLength() {
    let code = String(repeating: "7", count: ScanParser.maximumLength + 1)
    #expect(ScanParser.parse(code) == .failure(.tooLong(characters: 129)))
    // Trimmed ends don't count towards the length.
    #expect(
      ScanParser.parse("  " + code.dropLast() + "\r\n") == .success(.code(String(code.dropLast()))))
  }

  /// The length is counted in scalars, so a flood of combining marks can't sneak past it.
  @Test func lengthCountsScalarsNotCharacters() {
    let raw = "A" + String(repeating: "\u{0301}", count: 200)
    #expect(ScanParser.parse(raw) == .failure(.tooLong(characters: 201)))
  }

  @Test(arguments: [
    "GYM\u{7}115", "GYM-1\r15", "GYM-1\n15", "GYM-\t115", "GYM\u{1B}[2J", "GY\u{7F}M", "GYM\0-1",
    "GYM-\u{200F}115", "GYM\u{2028}115", "GYM\u{E000}115", "GYM\u{0378}1",
  ])
  func controlCharactersInsideAreRefused(raw: String) {
    #expect(ScanParser.parse(raw) == .failure(.controlCharacters))
  }

  @Test(arguments: ["GYM 115", "Sara Haddad", "GYM-\u{00A0}115", "1\u{3000}2"])
  func spacesInsideAreRefused(raw: String) {
    #expect(ScanParser.parse(raw) == .failure(.containsSpaces))
  }

  /// A scanner typing through an Arabic keyboard layout turns Latin letters into Arabic ones.
  @Test(arguments: [
    ("لغخ-115", "ل"), ("GYM-115ذ", "ذ"), ("Jos\u{E9}", "\u{E9}"), ("GYM-①", "①"), ("😀", "😀"),
    ("GYMー1", "ー"),
  ])
  func nonASCIILettersAreForeign(raw: String, sample: String) {
    #expect(ScanParser.parse(raw) == .failure(.foreignCharacters(sample: sample)))
  }

  @Test(
    arguments: [
      [0xFF], [0x47, 0x59, 0x4D, 0xC3], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0x31, 0x80, 0x31],
      [0xF4, 0x90, 0x80, 0x80],
    ] as [[UInt8]])
  func invalidUTF8IsUnreadable(bytes: [UInt8]) {
    #expect(ScanParser.parse(bytes: bytes) == .failure(.unreadableBytes))
  }

  /// U+FFFD is what a decoder leaves where bytes were unreadable.
  @Test func replacementCharacterIsUnreadable() {
    #expect(ScanParser.parse("GYM-\u{FFFD}115") == .failure(.unreadableBytes))
    #expect(ScanParser.parse("\u{FFFD}") == .failure(.unreadableBytes))
  }

  @Test func everyReasonHasAMessage() {
    let reasons: [InvalidCode] = [
      .empty, .tooLong(characters: 300), .controlCharacters, .unreadableBytes,
      .foreignCharacters(sample: "ل"), .containsSpaces,
    ]
    #expect(Set(reasons.map(\.message)).count == reasons.count)
    #expect(InvalidCode.tooLong(characters: 300).message.contains("300"))
    #expect(InvalidCode.foreignCharacters(sample: "ل").message.contains("ل"))
  }
}
