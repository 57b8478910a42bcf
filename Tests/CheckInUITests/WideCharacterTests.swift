import Testing

@testable import CheckInUI

/// Two-column graphemes (CJK, emoji) in the cell grid: never half drawn, never half left behind.
@Suite struct WideCharacterTests {
  func frame(_ width: Int = 6, filled: String = ".") -> ScreenBuffer {
    var frame = ScreenBuffer(size: Size(width: width, height: 1))
    frame.fill(frame.bounds, role: .muted, with: filled)
    return frame
  }

  @Test func aWideCharacterTakesItsCellAndAContinuation() {
    var frame = frame()
    let used = frame.put("王a", x: 1, y: 0, role: .value)
    #expect(used == 3)
    #expect(frame[1, 0].text == "王")
    #expect(frame[2, 0].isContinuation)
    #expect(frame[3, 0].text == "a")
    #expect(frame.lines == [".王a.."])
  }

  @Test func aWideCharacterThatDoesNotFitAtTheRightEdgeBecomesASpace() {
    var frame = frame()
    let used = frame.put("abcde王", x: 0, y: 0, role: .value)
    #expect(frame.lines == ["abcde "])
    #expect(used == 6)
    #expect(frame[5, 0].role == .value)
  }

  @Test func aWideCharacterThatDoesNotFitTheLimitBecomesASpace() {
    var frame = frame()
    frame.put("a王", x: 0, y: 0, role: .value, limit: 2)
    #expect(frame.lines == ["a ...."])
  }

  /// Half of 王 would be at column -1: the half that is on screen must not keep what was there.
  @Test func aWideCharacterCutByTheLeftEdgeLeavesABlank() {
    var frame = frame()
    frame.put("王ab", x: -1, y: 0, role: .value)
    #expect(frame.lines == [" ab..."])
    #expect(frame[0, 0].role == .value)
  }

  @Test func overwritingTheLeftHalfBlanksTheRightHalf() {
    var frame = frame()
    frame.put("王伟", x: 0, y: 0, role: .value)
    frame.put("x", x: 2, y: 0, role: .danger)
    #expect(frame.lines == ["王x .."])
    #expect(!frame[3, 0].isContinuation)
  }

  @Test func overwritingTheRightHalfBlanksTheLeftHalf() {
    var frame = frame()
    frame.put("王伟", x: 0, y: 0, role: .value)
    frame.put("x", x: 1, y: 0, role: .danger)
    #expect(frame.lines == [" x伟.."])
    #expect(frame[0, 0].text == " ")
  }

  @Test func aWideCharacterOverAnotherShiftedByOne() {
    var frame = frame()
    frame.put("王伟", x: 0, y: 0, role: .value)
    frame.put("李", x: 1, y: 0, role: .danger)
    #expect(frame.lines == [" 李 .."])
    #expect(frame.lines.allSatisfy { TextWidth.unicode.columns(of: $0) == 6 })
  }

  @Test func controlCharactersShowAsReplacement() {
    var frame = frame()
    frame.put("a\u{07}b\u{1B}c", x: 0, y: 0, role: .value)
    #expect(frame.lines == ["a�b�c."])
    var tab = self.frame()
    tab.put("\tx\u{7F}", x: 0, y: 0, role: .value)
    #expect(tab.lines == ["�x�..."])
  }

  @Test func combiningMarksStayWithTheirLetter() {
    var frame = frame()
    let used = frame.put("e\u{301}a\u{308}z", x: 0, y: 0, role: .value)
    #expect(used == 3)
    #expect(frame[0, 0].text == "e\u{301}")
    #expect(frame[1, 0].text == "a\u{308}")
    #expect(frame[2, 0].text == "z")
  }

  /// Terminals disagree about U+FE0F; the frame never sends it.
  @Test func emojiPresentationSelectorIsStripped() {
    var frame = frame()
    let used = frame.put("\u{2705}\u{FE0F}!", x: 0, y: 0, role: .value)
    #expect(used == 3)
    #expect(frame[0, 0].text == "\u{2705}")
    #expect(frame[2, 0].text == "!")
  }
}
