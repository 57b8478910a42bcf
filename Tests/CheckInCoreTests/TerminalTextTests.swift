import Testing

@testable import CheckInCore

@Suite struct TerminalTextTests {
  @Test func controlsBecomeAVisibleMarkAndReorderingIsDropped() {
    #expect(TerminalText.safe("Sara\u{1B}[2J Haddad") == "Sara\u{FFFD}[2J Haddad")
    #expect(TerminalText.safe("\u{9B}31mred") == "\u{FFFD}31mred", "a C1 CSI")
    #expect(TerminalText.safe("\u{1B}]0;owned\u{07}") == "\u{FFFD}]0;owned\u{FFFD}")
    #expect(TerminalText.safe("abc\u{202E}fed\u{202C}") == "abcfed")
    #expect(TerminalText.safe("\u{2066}x\u{2069}\u{7F}") == "x\u{FFFD}")
    #expect(TerminalText.safe("line\r\nnext") == "line\u{FFFD}\u{FFFD}next")
    #expect(TerminalText.safe("line\nnext", lineBreaks: true) == "line\nnext")
    #expect(TerminalText.safe("a\tb") == "a b")
  }

  @Test func everyScriptAndMarkPassesUntouched() {
    for text in [
      "José Müller", "أحمد مُحَمَّد", "राम शर्मा", "রবীন্দ্র", "สมชาย ใจดี", "王小明", "김민준",
      "Omar 💪🏽 👨‍👩‍👧", "\u{200F}RLM and \u{200E}LRM marks", "",
    ] {
      #expect(TerminalText.safe(text) == text)
    }
  }
}
