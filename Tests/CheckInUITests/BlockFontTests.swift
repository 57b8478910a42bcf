import Testing

@testable import CheckInUI

/// The banner's big letters.
@Suite struct BlockFontTests {
  @Test(arguments: ["WELCOME", "CHECK!", "SEE DESK", "REFUSED", "SCAN"])
  func everyBannerWordIsDrawnWhole(_ word: String) {
    let rows = BlockFont.render(word)
    #expect(rows.count == BlockFont.height)
    for row in rows {
      #expect(row.count == BlockFont.width(of: word))
    }
    // Each letter (not the space) has ink in its five columns.
    for (index, letter) in word.enumerated() where letter != " " {
      let start = index * (BlockFont.letterWidth + 1)
      let ink = rows.contains { row in
        Array(row)[start..<start + BlockFont.letterWidth].contains("█")
      }
      #expect(ink, "\(letter) of \(word) is blank")
    }
  }

  @Test func lettersAreUppercasedAndUnknownOnesLeftBlank() {
    #expect(BlockFont.render("scan") == BlockFont.render("SCAN"))
    #expect(BlockFont.render("Q").allSatisfy { $0 == "     " })
    #expect(BlockFont.render("") == ["", "", "", "", ""])
    #expect(BlockFont.width(of: "") == 0)
  }

  @Test func anI() {
    #expect(BlockFont.render("I") == ["█████", "  █  ", "  █  ", "  █  ", "█████"])
  }
}
