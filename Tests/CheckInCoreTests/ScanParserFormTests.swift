import Testing

@testable import CheckInCore

/// The code shapes seen in the field (DESIGN.md §4) and what each may resolve to.
@Suite struct ScanParserFormTests {
  @Test(
    arguments: [
      ("customer_id:115", 115),
      ("CUSTOMER_ID:115", 115),
      ("Customer_Id:7", 7),
      ("GYM-115", 115),
      ("gym-115", 115),
      ("Gym-115", 115),
      ("CUST-115", 115),
      ("cust-115", 115),
      ("115", 115),
      ("1", 1),
      ("999999999999999999", 999_999_999_999_999_999),
    ] as [(String, Int64)])
  func plainIDFormsMayFallBackToTheID(code: String, id: Int64) {
    #expect(ScanParser.parse(code) == .success(.idForm(code: code, memberID: id)))
    #expect(ScanParser.plainID(in: code) == id)
  }

  /// A regenerated code's suffix retires the old code: its digits must never reach the id lookup.
  @Test(arguments: [
    "GYM-115-9F3A0C1B", "gym-115-9f3a0c1b", "CUST-115-A", "customer_id:115x", "GYM-115.",
    "115-9F3A0C1B", "GYM115", "GYM--115", "GYM-+115", "GYM-", "customer_id:", "X-115",
    "QR:abc-def", "-115",
  ])
  func otherShapesMatchOnlyExactly(code: String) {
    #expect(ScanParser.parse(code) == .success(.code(code)))
    #expect(ScanParser.plainID(in: code) == nil)
  }

  /// Id 0 names nobody, and numbers past 18 digits don't fit a member id.
  @Test(arguments: [
    "0", "GYM-0", "CUST-000", "customer_id:0", "9223372036854775808", "99999999999999999999",
    "GYM-99999999999999999999",
  ])
  func zeroAndOverflowingIDsAreNotIDForms(code: String) {
    #expect(ScanParser.parse(code) == .success(.code(code)))
    #expect(ScanParser.plainID(in: code) == nil)
  }

  /// Scanners end a code with CR, LF or Tab depending on their setup; people add spaces.
  @Test(arguments: [
    "GYM-115\r\n", "GYM-115\n", "GYM-115\r", "GYM-115\t", " GYM-115 ", "\t\r\nGYM-115\r\n\t",
    "\u{FEFF}GYM-115", "GYM-115\u{200F}", "\u{00A0}GYM-115\u{2003}",
  ])
  func edgesAreTrimmed(raw: String) {
    #expect(ScanParser.parse(raw) == .success(.idForm(code: "GYM-115", memberID: 115)))
  }

  @Test func trimmingKeepsASuffixedCodeExactOnly() {
    #expect(ScanParser.parse("GYM-115-9F3A0C1B\r\n") == .success(.code("GYM-115-9F3A0C1B")))
  }

  /// A receptionist on an Arabic keyboard types the member number in Arabic-Indic digits.
  @Test(
    arguments: [
      ("\u{0661}\u{0661}\u{0665}", "115", 115),
      ("GYM-\u{0661}\u{0661}\u{0665}", "GYM-115", 115),
      ("\u{06F1}\u{06F1}\u{06F5}", "115", 115),
      ("\u{0660}\u{0669}", "09", 9),
    ] as [(String, String, Int64)])
  func arabicIndicDigitsBecomeASCII(raw: String, code: String, id: Int64) {
    #expect(ScanParser.parse(raw) == .success(.idForm(code: code, memberID: id)))
  }

  @Test func arabicIndicNumberIsTheSameIDFormAsItsASCIIForm() {
    #expect(ScanParser.parse("١١٥") == .success(.idForm(code: "115", memberID: 115)))
  }

  @Test func parsingBytesAgreesWithParsingText() {
    let text = "GYM-115-9F3A0C1B\r\n"
    #expect(ScanParser.parse(bytes: Array(text.utf8)) == ScanParser.parse(text))
    #expect(
      ScanParser.parse(bytes: Array("CUST-9".utf8))
        == .success(.idForm(code: "CUST-9", memberID: 9)))
  }

  @Test func exactlyTheLongestCodeIsAccepted() {
    let code = String(repeating: "A", count: ScanParser.maximumLength)
    #expect(ScanParser.parse(code) == .success(.code(code)))
  }

  @Test func displayTextShowsTheCodeOrTheMemberNumber() {
    #expect(ScanPayload.code("GYM-1-AB").displayText == "GYM-1-AB")
    #expect(ScanPayload.idForm(code: "115", memberID: 115).displayText == "115")
    #expect(ScanPayload.member(42).displayText == "#42")
  }
}
