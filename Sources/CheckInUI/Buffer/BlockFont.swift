/// Big letters drawn with block characters, readable from two metres: the result banner's word.
/// Five rows, five columns per letter (and a column of space between letters).
public enum BlockFont {
  public static let height = 5
  public static let letterWidth = 5

  /// The rows of `text` in big letters; characters the font lacks are left blank.
  public static func render(_ text: String) -> [String] {
    var rows = Array(repeating: "", count: height)
    for (index, character) in text.uppercased().enumerated() {
      let glyph = glyphs[character] ?? glyphs[" "] ?? []
      for row in 0..<height {
        if index > 0 { rows[row] += " " }
        let bits = row < glyph.count ? glyph[row] : ""
        rows[row] += bits.map { $0 == "#" ? "█" : " " }.joined()
      }
    }
    return rows
  }

  /// Columns `text` takes in big letters.
  public static func width(of text: String) -> Int {
    text.isEmpty ? 0 : text.count * (letterWidth + 1) - 1
  }

  private static let glyphs: [Character: [String]] = [
    " ": ["     ", "     ", "     ", "     ", "     "],
    "A": [" ### ", "#   #", "#####", "#   #", "#   #"],
    "C": [" ####", "#    ", "#    ", "#    ", " ####"],
    "D": ["#### ", "#   #", "#   #", "#   #", "#### "],
    "E": ["#####", "#    ", "#### ", "#    ", "#####"],
    "F": ["#####", "#    ", "#### ", "#    ", "#    "],
    "H": ["#   #", "#   #", "#####", "#   #", "#   #"],
    "I": ["#####", "  #  ", "  #  ", "  #  ", "#####"],
    "K": ["#   #", "#  # ", "###  ", "#  # ", "#   #"],
    "L": ["#    ", "#    ", "#    ", "#    ", "#####"],
    "M": ["#   #", "## ##", "# # #", "#   #", "#   #"],
    "N": ["#   #", "##  #", "# # #", "#  ##", "#   #"],
    "O": [" ### ", "#   #", "#   #", "#   #", " ### "],
    "P": ["#### ", "#   #", "#### ", "#    ", "#    "],
    "R": ["#### ", "#   #", "#### ", "#  # ", "#   #"],
    "S": [" ####", "#    ", " ### ", "    #", "#### "],
    "T": ["#####", "  #  ", "  #  ", "  #  ", "  #  "],
    "U": ["#   #", "#   #", "#   #", "#   #", " ### "],
    "W": ["#   #", "#   #", "# # #", "## ##", "#   #"],
    "!": ["  #  ", "  #  ", "  #  ", "     ", "  #  "],
  ]
}
