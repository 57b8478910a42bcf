@testable import CheckInUI

/// Reading a frame the way a person looks at a screen: where a text is, which colour slot it has.
extension ScreenBuffer {
  /// The first place `text` is drawn, matched grapheme by grapheme (the right halves of wide
  /// graphemes are skipped), searching rows top to bottom; `nil` if it isn't on screen.
  func find(_ text: String, from top: Int = 0) -> (x: Int, y: Int)? {
    let wanted = text.map(String.init)
    guard !wanted.isEmpty else { return nil }
    for y in max(0, top)..<size.height {
      let drawn = (0..<size.width).filter { !self[$0, y].isContinuation }
      guard drawn.count >= wanted.count else { continue }
      for start in 0...(drawn.count - wanted.count) {
        let matches = wanted.indices.allSatisfy { self[drawn[start + $0], y].text == wanted[$0] }
        if matches { return (drawn[start], y) }
      }
    }
    return nil
  }

  /// The roles of the cells under `text` where it is first drawn (empty if it isn't).
  func roles(of text: String) -> Set<Role> {
    guard let place = find(text) else { return [] }
    let width = measure.columns(of: text)
    return Set((place.x..<place.x + width).map { self[$0, place.y].role })
  }

  /// The columns on row `y` whose cell shows `text`.
  func columns(showing text: String, row y: Int) -> [Int] {
    (0..<size.width).filter { self[$0, y].text == text }
  }

  /// The text of the cells in `rect`, row by row.
  func text(in rect: Rect) -> [String] {
    (rect.y..<rect.maxY).map { y in
      (rect.x..<rect.maxX).map { self[$0, y].text }.joined()
    }
  }
}
