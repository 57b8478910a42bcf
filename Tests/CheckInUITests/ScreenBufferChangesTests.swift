import Testing

@testable import CheckInUI

/// `changes(since:)`: what the terminal must redraw, and nothing more.
@Suite struct ScreenBufferChangesTests {
  func frame(_ text: String = "", width: Int = 8, height: Int = 2) -> ScreenBuffer {
    var frame = ScreenBuffer(size: Size(width: width, height: height))
    frame.put(text, x: 0, y: 0, role: .normal)
    return frame
  }

  @Test func anUnchangedFrameHasNoChanges() {
    #expect(frame("hello").changes(since: frame("hello")).isEmpty)
  }

  @Test func onlyTheChangedCellsAreReturned() {
    let old = frame("hello")
    var new = old
    new.put("J", x: 0, y: 0, role: .normal)
    new.put("!", x: 7, y: 1, role: .normal)
    let changes = new.changes(since: old)
    #expect(changes.map(\.x) == [0, 7])
    #expect(changes.map(\.y) == [0, 1])
    #expect(changes.map(\.cell.text) == ["J", "!"])
  }

  @Test func aRoleChangeIsAChange() {
    let old = frame("hello")
    var new = old
    new.restyle(Rect(x: 1, y: 0, width: 2, height: 1), role: .selection)
    let changes = new.changes(since: old)
    #expect(changes.map(\.x) == [1, 2])
    #expect(changes.allSatisfy { $0.cell.role == .selection })
  }

  @Test func everythingAfterASizeChangeOrWithoutAPreviousFrame() {
    let old = frame("hello", width: 8)
    let new = frame("hello", width: 9)
    #expect(new.changes(since: old).count == 18)
    #expect(new.changes(since: nil).count == 18)
    let taller = frame("hello", width: 8, height: 3)
    #expect(taller.changes(since: old).count == 24)
  }

  /// A wide grapheme is sent once, from its first cell; its right half is never sent alone.
  @Test func aWideCharacterIsOneChange() {
    let old = frame("ab")
    let new = frame("王")
    let changes = new.changes(since: old)
    #expect(changes.count == 1)
    #expect(changes.first?.x == 0)
    #expect(changes.first?.cell.text == "王")
  }

  /// When a wide grapheme goes, the cell its right half covered must be redrawn too.
  @Test func replacingAWideCharacterRedrawsBothCells() {
    let old = frame("王")
    let new = frame("ab")
    #expect(new.changes(since: old).map(\.x) == [0, 1])
  }
}
