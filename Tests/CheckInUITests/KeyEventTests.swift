import Testing

@testable import CheckInUI

/// Control codes from a raw-mode terminal become named keys.
@Suite struct KeyEventTests {
  @Test func controlCodesAreNamedKeys() {
    #expect(KeyEvent(scalar: "\r") == .enter)
    #expect(KeyEvent(scalar: "\n") == .enter)
    #expect(KeyEvent(scalar: "\u{1B}") == .escape)
    #expect(KeyEvent(scalar: "\t") == .tab)
    #expect(KeyEvent(scalar: "\u{08}") == .backspace)
    #expect(KeyEvent(scalar: "\u{7F}") == .backspace)
  }

  @Test func ctrlLettersAreControlKeys() {
    #expect(KeyEvent(scalar: "\u{01}") == .control("a"))
    #expect(KeyEvent(scalar: "\u{03}") == .control("c"))
    #expect(KeyEvent(scalar: "\u{0C}") == .control("l"))
    #expect(KeyEvent(scalar: "\u{1A}") == .control("z"))
  }

  @Test func codesWithNoKeyAreDropped() {
    for value: UInt32 in [0x00, 0x1C, 0x1D, 0x1E, 0x1F, 0x80, 0x85, 0x9F] {
      let scalar = Unicode.Scalar(value).map(KeyEvent.init(scalar:))
      #expect(scalar == .some(nil), "U+\(String(value, radix: 16))")
    }
  }

  @Test func printableCharactersInAnyScript() {
    #expect(KeyEvent(scalar: "q") == .character("q"))
    #expect(KeyEvent(scalar: " ") == .character(" "))
    #expect(KeyEvent(scalar: "ب") == .character("ب"))
    #expect(KeyEvent(scalar: "٣") == .character("٣"))
    #expect(KeyEvent(scalar: "王") == .character("王"))
  }

  @Test func labels() {
    #expect(KeyEvent.control("l").label == "Ctrl-L")
    #expect(KeyEvent.character(" ").label == "Space")
    #expect(KeyEvent.character("/").label == "/")
    #expect(KeyEvent.function(8).label == "F8")
    #expect(KeyEvent.backTab.label == "Shift-Tab")
    #expect([KeyEvent.up, .down, .left, .right].map(\.label) == ["↑", "↓", "←", "→"])
  }
}
