import Testing

@testable import CheckInUI

/// Display widths, and cutting text to a width, in the scripts members' names come in.
@Suite struct TextWidthTests {
  let measure = TextWidth.unicode

  @Test func columnsByScript() {
    #expect(measure.columns(of: "Sara Haddad") == 11)
    #expect(measure.columns(of: "مريم حسن") == 8)
    #expect(measure.columns(of: "مُحَمَّد") == 4, "Arabic vowel marks take no column")
    #expect(measure.columns(of: "王伟") == 4)
    #expect(measure.columns(of: "김민준") == 6)
    #expect(measure.columns(of: "e\u{301}") == 1)
    #expect(measure.columns(of: "👍🎉") == 4)
    #expect(measure.columns(of: "─│┌▸█░•…") == 8)
    #expect(measure.columns(of: "\u{2705}\u{FE0F}") == 2, "U+FE0F adds nothing")
  }

  @Test func nonPrintableScalarsAreNegative() {
    #expect(measure.scalarWidth("\u{07}") < 0)
    #expect(measure.scalarWidth("\u{7F}") < 0)
    #expect(measure.scalarWidth("\u{85}") < 0)
    #expect(measure.scalarWidth("\u{0}") == 0)
    #expect(measure.scalarWidth("\u{200B}") == 0)
    #expect(measure.scalarWidth("\u{AD}") == 1, "a soft hyphen shows")
  }

  @Test func textThatFitsIsLeftAlone() {
    #expect(measure.truncate("Sara", to: 4) == "Sara")
    #expect(measure.truncate("王伟", to: 4) == "王伟")
    #expect(measure.truncate("anything", to: 0) == "")
    #expect(measure.truncate("anything", to: -3) == "")
  }

  @Test func latinIsCutWithAnEllipsis() {
    #expect(measure.truncate("Salma Youssef", to: 8) == "Salma Y…")
    #expect(measure.truncate("Salma", to: 1) == "…")
  }

  @Test func cjkIsCutByWidthNeverMidCharacter() {
    let cut = measure.truncate("私人教练课程十次卡", to: 16)
    #expect(cut == "私人教练课程十…")
    #expect(measure.columns(of: cut) == 15)
    #expect(measure.truncate("王伟李娜", to: 5) == "王伟…")
    #expect(measure.truncate("王伟李娜", to: 4) == "王…")
  }

  @Test func arabicIsCutByWidthKeepingMarks() {
    let name = "مُحَمَّد عبد الرحمن"
    let cut = measure.truncate(name, to: 6)
    #expect(cut == "مُحَمَّد …")
    #expect(measure.columns(of: cut) == 6)
  }
}
