import Testing

@testable import CheckInUI

/// Drawing clips at every edge: a view never writes outside its frame, whatever the size.
@Suite struct ScreenBufferClippingTests {
  func frame(_ width: Int = 6, _ height: Int = 2, filled: String = ".") -> ScreenBuffer {
    var frame = ScreenBuffer(size: Size(width: width, height: height))
    frame.fill(frame.bounds, role: .muted, with: filled)
    return frame
  }

  @Test func textPastTheRightEdgeIsCut() {
    var frame = frame()
    let used = frame.put("abcdefgh", x: 3, y: 0, role: .value)
    #expect(frame.lines == ["...abc", "......"])
    #expect(used == 3)
  }

  @Test func textFromANegativeColumnShowsItsVisiblePart() {
    var frame = frame()
    frame.put("abcdef", x: -2, y: 1, role: .value)
    #expect(frame.lines == ["......", "cdef.."])
    #expect(frame[0, 1].role == .value)
    #expect(frame[4, 1].role == .muted)
  }

  @Test func rowsOutsideTheFrameDrawNothing() {
    var frame = frame()
    #expect(frame.put("abc", x: 0, y: -1, role: .value) == 0)
    #expect(frame.put("abc", x: 0, y: 2, role: .value) == 0)
    #expect(frame.lines == ["......", "......"])
  }

  @Test func aLimitStopsTextBeforeTheEdge() {
    var frame = frame()
    let used = frame.put("abcdef", x: 1, y: 0, role: .value, limit: 2)
    #expect(frame.lines[0] == ".ab...")
    #expect(used == 2)
  }

  @Test func fillAndRestyleClipToo() {
    var frame = frame()
    frame.fill(Rect(x: -3, y: -3, width: 5, height: 4), role: .danger, with: "#")
    frame.restyle(Rect(x: 4, y: 1, width: 10, height: 10), role: .selection)
    #expect(frame.lines == ["##....", "......"])
    #expect(frame[5, 1].role == .selection)
    #expect(frame[3, 1].role == .muted)
  }

  @Test func readingOutsideTheFrameGivesABlank() {
    let frame = frame()
    #expect(frame[-1, 0] == .blank)
    #expect(frame[6, 0] == .blank)
    #expect(frame[0, 2] == .blank)
  }

  @Test func aNegativeSizeIsAnEmptyFrame() {
    var frame = ScreenBuffer(size: Size(width: -4, height: 3))
    #expect(frame.size == Size(width: 0, height: 3))
    #expect(frame.put("abc", x: 0, y: 0, role: .value) == 0)
    #expect(frame.lines == ["", "", ""])
  }

  @Test func centredTextIsCutWithAnEllipsis() {
    var frame = frame(8, 1)
    frame.putCentered("Terminal too small", in: frame.bounds, y: 0, role: .warning)
    #expect(frame.lines == ["Termina…"])
    var roomy = self.frame(8, 1)
    roomy.putCentered("ok", in: Rect(x: 2, y: 0, width: 4, height: 1), y: 0, role: .good)
    #expect(roomy.lines == ["...ok..."])
  }
}
