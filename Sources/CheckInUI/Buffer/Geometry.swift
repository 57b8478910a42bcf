/// A terminal's size in columns and rows.
public struct Size: Hashable, Sendable, CustomStringConvertible {
  public var width: Int
  public var height: Int

  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }

  public var description: String { "\(width)×\(height)" }
}

/// A rectangle of cells.
public struct Rect: Hashable, Sendable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  public var maxX: Int { x + width }
  public var maxY: Int { y + height }

  /// The rectangle shrunk by `dx` columns on each side and `dy` rows top and bottom.
  public func inset(dx: Int, dy: Int) -> Rect {
    Rect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy)
  }

  /// A `width`×`height` rectangle centred in this one.
  public func centered(width: Int, height: Int) -> Rect {
    let w = min(width, self.width)
    let h = min(height, self.height)
    return Rect(x: x + (self.width - w) / 2, y: y + (self.height - h) / 2, width: w, height: h)
  }

  /// Splits off the first `count` rows.
  public func splitTop(_ count: Int) -> (top: Rect, rest: Rect) {
    let rows = min(max(count, 0), height)
    return (
      Rect(x: x, y: y, width: width, height: rows),
      Rect(x: x, y: y + rows, width: width, height: height - rows)
    )
  }

  /// Splits off the last `count` columns.
  public func splitRight(_ count: Int) -> (left: Rect, right: Rect) {
    let columns = min(max(count, 0), width)
    return (
      Rect(x: x, y: y, width: width - columns, height: height),
      Rect(x: x + width - columns, y: y, width: columns, height: height)
    )
  }
}
