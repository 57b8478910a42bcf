import Testing

@testable import CheckInUI

/// The snapshot helper's diff: a failure must read like the picture it is about.
@Suite struct LineDiffTests {
  @Test func equalPicturesHaveNoDiff() {
    #expect(LineDiff.describe(expected: "a\nb\n", actual: "a\nb\n") == "")
  }

  @Test func changedLinesAreNumberedAndMarked() {
    let diff = LineDiff.describe(expected: "top\nold line\nend\n", actual: "top\nnew line\nend\n")
    #expect(diff == "-  2|old line|\n+  2|new line|")
  }

  @Test func trailingSpacesShowBetweenTheBars() {
    let diff = LineDiff.describe(expected: "ab  \n", actual: "ab\n")
    #expect(diff == "-  1|ab  |\n+  1|ab|")
  }

  @Test func missingAndExtraLinesAreReported() {
    let diff = LineDiff.describe(expected: "a\nb\nc\n", actual: "a\nb\n")
    #expect(diff == "-  3|c|\n(expected 3 lines, got 2)")
    let extra = LineDiff.describe(expected: "a\n", actual: "a\nz\n")
    #expect(extra == "+  2|z|\n(expected 1 lines, got 2)")
  }

  @Test func aPictureIsTheFramesLinesJoined() {
    var frame = ScreenBuffer(size: Size(width: 3, height: 2))
    frame.put("ab", x: 0, y: 0, role: .normal)
    frame.put("王", x: 1, y: 1, role: .normal)
    #expect(Snapshot.picture(of: frame) == "ab \n 王\n")
  }
}
