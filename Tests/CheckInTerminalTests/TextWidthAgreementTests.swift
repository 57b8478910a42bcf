import CheckInUI
import Foundation
import Testing

@testable import CheckInTerminal

/// The views lay text out with `TextWidth.unicode`; the terminal moves its cursor by the C
/// library's `wcwidth`. Where they disagree a name would push the rest of its line sideways, so
/// they must agree on every script the station shows.
@Suite struct TextWidthAgreementTests {
  init() {
    // wcwidth answers by the locale; the station sets a UTF-8 one at start, so must the test.
    setlocale(LC_CTYPE, "C.UTF-8")
  }

  static let samples: [(String, String)] = [
    ("Latin", "Sara Haddad José Zoë Müller García Novák"),
    ("Arabic", "أحمد السيد مريم حسن فاطمة مصطفى"),
    ("Arabic marks", "\u{064E}\u{064F}\u{0650}\u{0651}\u{0652}\u{0640}"),
    ("CJK", "王伟李娜张伟"),
    ("Hangul", "김민준"),
    ("combining", "e\u{0301}a\u{0308}"),
    ("box drawing", "─│┌┐└┘▸█░▁▂▃▄▅▆▇•…·✓✗★✎⏳⚠"),
    ("emoji", "😀🎉👍🏋"),
  ]

  @Test(arguments: samples)
  func theTableAgreesWithWcwidth(_ sample: (String, String)) {
    for scalar in sample.1.unicodeScalars {
      #expect(
        TextWidth.unicode.scalarWidth(scalar) == Terminal.width.scalarWidth(scalar),
        "\(sample.0): U+\(String(scalar.value, radix: 16, uppercase: true))")
    }
  }
}
