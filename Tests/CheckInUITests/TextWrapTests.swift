import Testing

@testable import CheckInUI

/// Breaking text into lines by display width, at spaces where possible.
@Suite struct TextWrapTests {
  let measure = TextWidth.unicode

  func fits(_ lines: [String], _ width: Int) -> Bool {
    lines.allSatisfy { measure.columns(of: $0) <= width }
  }

  @Test func shortTextIsOneLine() {
    #expect(measure.wrap("Enter void it", to: 40) == ["Enter void it"])
    #expect(measure.wrap("", to: 10) == [""])
    #expect(measure.wrap("anything", to: 0) == [])
  }

  @Test func latinBreaksAtSpaces() {
    let lines = measure.wrap("Check in anyway, without deducting", to: 16)
    #expect(lines == ["Check in anyway,", "without", "deducting"])
  }

  @Test func arabicBreaksAtSpacesByWidth() {
    let lines = measure.wrap("مريم حسن عبد الله بن علي", to: 8)
    #expect(lines == ["مريم حسن", "عبد الله", "بن علي"])
    #expect(fits(lines, 8))
  }

  @Test func cjkCountsTwoColumnsACharacter() {
    let lines = measure.wrap("王伟 李娜 张伟", to: 9)
    #expect(lines == ["王伟 李娜", "张伟"])
  }

  /// A word longer than the line is cut where it must be, by width, never mid-character.
  @Test func aLongWordIsCut() {
    #expect(measure.wrap("GYM-115-9F3A0C1B", to: 6) == ["GYM-11", "5-9F3A", "0C1B"])
    let cjk = measure.wrap("私人教练课程十次卡", to: 5)
    #expect(cjk == ["私人", "教练", "课程", "十次", "卡"])
    #expect(fits(cjk, 5))
  }

  @Test func wrappedTextKeepsEveryWord() {
    let text = "Refused: مريم حسن's plan is frozen (王伟 paid at the desk)"
    for width in 8...30 {
      let lines = measure.wrap(text, to: width)
      #expect(fits(lines, width), "width \(width)")
      #expect(lines.joined(separator: " ") == text, "width \(width)")
    }
  }
}
