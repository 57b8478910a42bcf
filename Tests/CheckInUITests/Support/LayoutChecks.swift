import CheckInCore
import Testing

@testable import CheckInUI

/// Alignment checks shared by the wide-name pictures: columns a person expects to line up.
enum LayoutChecks {
  /// The body's first column: views draw one column in from the edge.
  static let bodyX = 1
  /// Where a plan line's bar or "time plan" starts: the marker (2) and the name column (17).
  static let planDetailX = bodyX + 2 + 17

  /// The member number starts three columns after the name, however wide the name's script is.
  static func expectMemberNumberAfterName(
    _ frame: ScreenBuffer, card: MemberCard, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let name = card.member.fullName
    let number = "#\(card.member.id) · "
    guard let namePlace = frame.find(name), let numberPlace = frame.find(number) else {
      Issue.record("name or member number not on screen", sourceLocation: sourceLocation)
      return
    }
    #expect(namePlace.x == bodyX, sourceLocation: sourceLocation)
    #expect(numberPlace.y == namePlace.y, sourceLocation: sourceLocation)
    let expected = bodyX + TextWidth.unicode.columns(of: name) + 3
    #expect(numberPlace.x == expected, "member number column", sourceLocation: sourceLocation)
  }

  /// Every plan line's detail (bar or "time plan") starts in the same column.
  static func expectPlanDetailsAligned(
    _ frame: ScreenBuffer, plans: Int, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    guard let heading = frame.find("Plans") else {
      Issue.record("no Plans heading", sourceLocation: sourceLocation)
      return
    }
    for y in heading.y + 1...heading.y + plans {
      let before = frame[planDetailX - 1, y].text
      let first = frame[planDetailX, y].text
      #expect(before == " ", "row \(y): the name column overflows", sourceLocation: sourceLocation)
      #expect(
        first == "█" || first == "░" || first == "t", "row \(y): detail starts at \(first)",
        sourceLocation: sourceLocation)
    }
  }

  /// The box whose top-left corner is the first `┌` at or below `top` has straight sides: the
  /// right border stays in one column on every row.
  static func expectBoxIntact(
    _ frame: ScreenBuffer, top: Int = 0, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    guard let corner = frame.find("┌", from: top),
      let right = frame.columns(showing: "┐", row: corner.y).first(where: { $0 > corner.x })
    else {
      Issue.record("no box on screen", sourceLocation: sourceLocation)
      return
    }
    var y = corner.y + 1
    while y < frame.size.height, frame[corner.x, y].text == "│" {
      #expect(frame[right, y].text == "│", "row \(y): right border", sourceLocation: sourceLocation)
      y += 1
    }
    #expect(frame[corner.x, y].text == "└", sourceLocation: sourceLocation)
    #expect(frame[right, y].text == "┘", "bottom-right corner", sourceLocation: sourceLocation)
    for x in corner.x + 1..<right where frame[x, y].text != "─" {
      Issue.record("row \(y) column \(x): bottom border broken", sourceLocation: sourceLocation)
    }
  }

  /// On a wide screen the today panel's separator is unbroken from the scan field's rule down to
  /// the status line, and every mark in the list ends at the panel's right edge.
  static func expectTodayPanelIntact(
    _ frame: ScreenBuffer, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let width = frame.size.width
    let separator = width - 36 - 1
    for y in 5..<frame.size.height - 1 {
      #expect(
        frame[separator, y].text == "│", "row \(y): separator", sourceLocation: sourceLocation)
    }
    let right = width - 2
    for y in 5..<frame.size.height - 1 {
      let row = frame.text(
        in: Rect(x: separator + 1, y: y, width: width - separator - 1, height: 1))
      guard let line = row.first, line.hasSuffix("−1 ") || line.hasSuffix("voided ") else {
        continue
      }
      let last = frame[right, y].text
      #expect(last == "1" || last == "d", "row \(y): mark end", sourceLocation: sourceLocation)
    }
  }
}
