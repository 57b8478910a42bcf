/// How many terminal columns text takes. The terminal adapter supplies the C library's `wcwidth`
/// (what ncurses itself uses to move the cursor); `TextWidth.unicode` is a table of the same
/// rules for tests and for measuring without a terminal.
public struct TextWidth: Sendable {
  /// Columns of one scalar: 0 (combining), 1 or 2 (wide); negative for non-printable.
  public let scalarWidth: @Sendable (Unicode.Scalar) -> Int

  public init(scalarWidth: @escaping @Sendable (Unicode.Scalar) -> Int) {
    self.scalarWidth = scalarWidth
  }

  /// Columns of one grapheme as drawn in one cell run: its first printable scalar decides.
  /// U+FE0F (emoji presentation) is ignored: terminals disagree about it, so views strip it.
  public func columns(of character: Character) -> Int {
    for scalar in character.unicodeScalars where scalar != "\u{FE0F}" {
      let width = scalarWidth(scalar)
      if width != 0 { return max(width, 1) }
    }
    return 0
  }

  /// Columns of a whole string.
  public func columns(of text: some StringProtocol) -> Int {
    text.reduce(0) { $0 + columns(of: $1) }
  }

  /// The longest prefix of `text` that fits in `width` columns, with `…` when cut.
  public func truncate(_ text: String, to width: Int) -> String {
    guard width > 0 else { return "" }
    if columns(of: text) <= width { return text }
    var result = ""
    var used = 0
    for character in text {
      let columns = columns(of: character)
      if used + columns > width - 1 { break }
      result.append(character)
      used += columns
    }
    return result + "…"
  }

  /// `text` broken into lines of at most `width` columns, at spaces where possible.
  public func wrap(_ text: String, to width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    var line = ""
    var used = 0
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      let wordWidth = columns(of: word)
      if used > 0 && used + 1 + wordWidth > width {
        lines.append(line)
        line = ""
        used = 0
      }
      if used > 0 {
        line += " "
        used += 1
      }
      if wordWidth > width {
        // A word longer than a line is cut where it must be.
        var rest = Substring(word)
        while columns(of: rest) > width - used {
          var piece = ""
          var pieceWidth = 0
          while let first = rest.first,
            pieceWidth + columns(of: first) <= width - used || (piece.isEmpty && used == 0)
          {
            // A grapheme wider than a whole line still gets a line of its own.
            piece.append(first)
            pieceWidth += columns(of: first)
            rest.removeFirst()
          }
          lines.append(line + piece)
          line = ""
          used = 0
        }
        line += rest
        used += columns(of: rest)
      } else {
        line += word
        used += wordWidth
      }
    }
    lines.append(line)
    return lines
  }

  /// Unicode's East Asian Width and general categories, as glibc's `wcwidth` applies them.
  public static let unicode = TextWidth { scalar in
    let value = scalar.value
    if value == 0 { return 0 }
    if value < 0x20 || (0x7F..<0xA0).contains(value) { return -1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark: return 0
    case .format where value != 0x00AD: return 0
    default: break
    }
    if (0x1160...0x11FF).contains(value) || (0x200B...0x200F).contains(value) { return 0 }
    return UnicodeWide.contains(value) ? 2 : 1
  }
}

/// The wide (two-column) ranges: East Asian Wide and Fullwidth, and emoji shown as pictures.
enum UnicodeWide {
  static let ranges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
    0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
    0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
    0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
    0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
    0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
    0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
    0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
    0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
    0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
    0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
    0x1F200...0x1F251, 0x1F260...0x1F265, 0x1F300...0x1F320, 0x1F32D...0x1F335,
    0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3,
    0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440...0x1F440,
    0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567,
    0x1F57A...0x1F57A, 0x1F595...0x1F596, 0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F,
    0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7,
    0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB,
    0x1F7F0...0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF,
    0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
  ]

  static func contains(_ value: UInt32) -> Bool {
    // Binary search: the ranges are sorted and disjoint.
    var low = 0
    var high = ranges.count - 1
    while low <= high {
      let middle = (low + high) / 2
      let range = ranges[middle]
      if value < range.lowerBound {
        high = middle - 1
      } else if value > range.upperBound {
        low = middle + 1
      } else {
        return true
      }
    }
    return false
  }
}
