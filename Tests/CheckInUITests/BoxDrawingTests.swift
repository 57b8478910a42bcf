import Testing

@testable import CheckInUI

/// Bordered boxes: corners, sides, and a title that never breaks the border.
@Suite struct BoxDrawingTests {
  func frame(_ width: Int, _ height: Int) -> ScreenBuffer {
    ScreenBuffer(size: Size(width: width, height: height))
  }

  @Test func aPlainBox() {
    var frame = frame(6, 4)
    frame.box(Rect(x: 1, y: 0, width: 4, height: 3), role: .border)
    #expect(frame.lines == [" ┌──┐ ", " │  │ ", " └──┘ ", "      "])
    #expect(frame[1, 0].role == .border)
  }

  @Test func aTitleSitsInTheTopEdge() {
    var frame = frame(14, 3)
    frame.box(frame.bounds, role: .border, title: "Keys", titleRole: .title)
    #expect(frame.lines == ["┌─ Keys ─────┐", "│            │", "└────────────┘"])
    #expect(frame.roles(of: " Keys ") == [.title])
  }

  @Test func aLongTitleIsCutInsideTheCorners() {
    var frame = frame(12, 3)
    frame.box(frame.bounds, role: .border, title: "Unlock staff keys")
    #expect(frame.lines[0] == "┌─ Unloc… ─┐")
  }

  @Test func aWideTitleKeepsTheRightCorner() {
    var frame = frame(14, 3)
    frame.box(frame.bounds, role: .border, title: "私人教练课程十次卡")
    #expect(frame[13, 0].text == "┐")
    #expect(TextWidth.unicode.columns(of: frame.lines[0]) == 14)
    #expect(frame.lines[0].hasPrefix("┌─ 私人教… ─"))
  }

  @Test func tooSmallBoxesDrawNothing() {
    var frame = frame(4, 3)
    frame.box(Rect(x: 0, y: 0, width: 1, height: 3), role: .border)
    frame.box(Rect(x: 0, y: 0, width: 4, height: 1), role: .border)
    #expect(frame.lines == ["    ", "    ", "    "])
  }

  @Test func aBoxPartlyOffScreenIsClipped() {
    var frame = frame(4, 3)
    frame.box(Rect(x: 2, y: 1, width: 5, height: 5), role: .border)
    #expect(frame.lines == ["    ", "  ┌─", "  │ "])
  }
}
