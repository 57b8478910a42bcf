import CheckInCore

/// A frame: a grid of cells that views draw into and the terminal copies to the screen. Drawing
/// clips at the edges, so a view never writes outside its frame whatever the terminal size.
public struct ScreenBuffer: Equatable, Sendable {
  public let size: Size
  public private(set) var cells: [Cell]
  public let measure: TextWidth

  public init(size: Size, measure: TextWidth = .unicode, fill: Role = .normal) {
    self.size = Size(width: max(0, size.width), height: max(0, size.height))
    self.cells = Array(
      repeating: Cell(" ", role: fill), count: self.size.width * self.size.height)
    self.measure = measure
  }

  public static func == (lhs: ScreenBuffer, rhs: ScreenBuffer) -> Bool {
    lhs.size == rhs.size && lhs.cells == rhs.cells
  }

  public var bounds: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

  public subscript(x: Int, y: Int) -> Cell {
    guard contains(x: x, y: y) else { return .blank }
    return cells[y * size.width + x]
  }

  func contains(x: Int, y: Int) -> Bool {
    x >= 0 && y >= 0 && x < size.width && y < size.height
  }

  /// Writes `text` from column `x` on row `y`, at most `limit` columns wide (to the frame's edge
  /// by default). Control characters are shown as `�`, a wide grapheme that doesn't fit whole is
  /// replaced by a space. Returns the columns used.
  @discardableResult
  public mutating func put(_ text: String, x: Int, y: Int, role: Role, limit: Int? = nil) -> Int {
    guard y >= 0, y < size.height else { return 0 }
    let end = min(size.width, x + (limit ?? size.width))
    var column = x
    for character in text {
      if column >= end { break }
      var grapheme = String(character)
      var width = measure.columns(of: character)
      // The same rule as every text output (`TerminalText`), plus whatever the terminal's own
      // width table can't draw.
      if character.unicodeScalars.contains(where: TerminalText.reorders) { continue }
      if character.unicodeScalars.contains(where: {
        TerminalText.isControl($0) || measure.scalarWidth($0) < 0
      }) {
        grapheme = "�"
        width = 1
      }
      if width == 0 { continue }
      grapheme.unicodeScalars.removeAll { $0 == "\u{FE0F}" }
      if column + width > end {
        set(Cell(" ", role: role), x: column, y: y)
        column += 1
        break
      }
      if column >= 0 {
        set(Cell(grapheme, role: role), x: column, y: y)
        if width == 2 { set(Cell("", role: role), x: column + 1, y: y) }
      } else if column + width > 0 {
        // A wide grapheme cut by the left edge: its visible half can only be blank.
        set(Cell(" ", role: role), x: 0, y: y)
      }
      column += width
    }
    return max(0, column - x)
  }

  /// Writes `text` centred in `rect`'s row `y`.
  public mutating func putCentered(_ text: String, in rect: Rect, y: Int, role: Role) {
    let fitted = measure.truncate(text, to: rect.width)
    let width = measure.columns(of: fitted)
    put(fitted, x: rect.x + (rect.width - width) / 2, y: y, role: role, limit: rect.width)
  }

  /// Fills `rect` with spaces (or `character`) in `role`.
  public mutating func fill(_ rect: Rect, role: Role, with character: String = " ") {
    for y in rect.y..<rect.maxY {
      for x in rect.x..<rect.maxX {
        set(Cell(character, role: role), x: x, y: y)
      }
    }
  }

  /// Changes the role of the cells in `rect`, keeping their text (highlighting a row).
  public mutating func restyle(_ rect: Rect, role: Role) {
    for y in rect.y..<rect.maxY {
      for x in rect.x..<rect.maxX where contains(x: x, y: y) {
        cells[y * size.width + x].role = role
      }
    }
  }

  /// Draws a single-line border around `rect`, with an optional title in the top edge.
  public mutating func box(_ rect: Rect, role: Role, title: String? = nil, titleRole: Role? = nil) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let right = rect.maxX - 1
    let bottom = rect.maxY - 1
    for x in rect.x + 1..<right {
      set(Cell("─", role: role), x: x, y: rect.y)
      set(Cell("─", role: role), x: x, y: bottom)
    }
    for y in rect.y + 1..<bottom {
      set(Cell("│", role: role), x: rect.x, y: y)
      set(Cell("│", role: role), x: right, y: y)
    }
    set(Cell("┌", role: role), x: rect.x, y: rect.y)
    set(Cell("┐", role: role), x: right, y: rect.y)
    set(Cell("└", role: role), x: rect.x, y: bottom)
    set(Cell("┘", role: role), x: right, y: bottom)
    if let title, rect.width > 6 {
      let text = " " + measure.truncate(title, to: rect.width - 6) + " "
      put(text, x: rect.x + 2, y: rect.y, role: titleRole ?? role, limit: rect.width - 4)
    }
  }

  /// Writes one cell. Overwriting half of a wide grapheme leaves the other half meaningless, so
  /// it is blanked. A continuation is only ever written right after its own grapheme, whose
  /// write already dealt with the cell before it.
  private mutating func set(_ cell: Cell, x: Int, y: Int) {
    guard contains(x: x, y: y) else { return }
    let index = y * size.width + x
    let old = cells[index]
    if old.isContinuation && !cell.isContinuation && x > 0 {
      cells[index - 1].text = " "
    }
    if !old.isContinuation && x + 1 < size.width && cells[index + 1].isContinuation {
      cells[index + 1].text = " "
    }
    cells[index] = cell
  }

  /// The frame as text, one string per row: what a person would read on the screen.
  public var lines: [String] {
    (0..<size.height).map { y in
      var line = ""
      for x in 0..<size.width {
        line += cells[y * size.width + x].text
      }
      return line
    }
  }

  /// The cells that differ from `previous` (all of them if the sizes differ), row by row: what
  /// the terminal must redraw.
  public func changes(since previous: ScreenBuffer?) -> [(x: Int, y: Int, cell: Cell)] {
    var result: [(x: Int, y: Int, cell: Cell)] = []
    let all = previous?.size != size
    for y in 0..<size.height {
      for x in 0..<size.width {
        let index = y * size.width + x
        let cell = cells[index]
        if cell.isContinuation { continue }
        // A wide grapheme is redrawn when its right half changed too.
        let wideHalfChanged =
          x + 1 < size.width && cells[index + 1].isContinuation
          && previous?.cells[index + 1] != cells[index + 1]
        if all || previous?.cells[index] != cell || wideHalfChanged {
          result.append((x, y, cell))
        }
      }
    }
    return result
  }
}
