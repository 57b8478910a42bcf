/// Big letters drawn with block characters, readable from two metres: the result banner's word.
/// Five rows, five columns per letter (and a column of space between letters), each cell drawn
/// `scale` times across and down: a big screen gets letters twice as big.
public enum BlockFont {
  public static let height = 5
  public static let letterWidth = 5

  /// The rows of `text` in big letters; characters the font lacks are left blank.
  public static func render(_ text: String, scale: Int = 1) -> [String] {
    let scale = max(1, scale)
    var rows = Array(repeating: "", count: height)
    let gap = String(repeating: " ", count: scale)
    for (index, character) in text.uppercased().enumerated() {
      let glyph = glyphs[character] ?? glyphs[" "] ?? []
      for row in 0..<height {
        if index > 0 { rows[row] += gap }
        let bits = row < glyph.count ? glyph[row] : ""
        rows[row] += bits.map { String(repeating: $0 == "#" ? "█" : " ", count: scale) }.joined()
      }
    }
    return rows.flatMap { Array(repeating: $0, count: scale) }
  }

  /// Columns `text` takes in big letters.
  public static func width(of text: String, scale: Int = 1) -> Int {
    text.isEmpty ? 0 : text.count * (letterWidth + 1) * max(1, scale) - max(1, scale)
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
    "Y": ["#   #", " # # ", "  #  ", "  #  ", "  #  "],
    "!": ["  #  ", "  #  ", "  #  ", "     ", "  #  "],
  ]
}
