import CheckInUI
import Testing

/// 256-colour theme values on terminals with 8 or 16 colours: folded to the nearest basic one.
@Suite struct ThemeColorFoldingTests {
  @Test func colorsTheTerminalHasAreKept() {
    #expect(ThemeColor.palette(3).number(forTerminalColors: 8) == 3)
    #expect(ThemeColor.palette(12).number(forTerminalColors: 16) == 12)
    #expect(ThemeColor.palette(160).number(forTerminalColors: 256) == 160)
    #expect(ThemeColor.terminalDefault.number(forTerminalColors: 8) == -1)
    #expect(ThemeColor.terminalDefault.number(forTerminalColors: 256) == -1)
  }

  @Test func brightColoursFoldToTheirBasicColour() {
    for index in 8..<16 {
      #expect(ThemeColor.palette(index).number(forTerminalColors: 8) == index - 8)
    }
  }

  @Test func theColourCubeFoldsByHue() {
    let cases: [(Int, Int)] = [
      (16, 0), (196, 1), (46, 2), (226, 3), (21, 4), (201, 5), (51, 6), (231, 7),
    ]
    for (index, basic) in cases {
      #expect(ThemeColor.palette(index).number(forTerminalColors: 8) == basic, "\(index)")
      #expect(ThemeColor.palette(index).number(forTerminalColors: 16) == basic, "\(index)")
    }
  }

  @Test func theGreyRampFoldsToBlackOrWhite() {
    #expect(ThemeColor.palette(232).number(forTerminalColors: 8) == 0)
    #expect(ThemeColor.palette(240).number(forTerminalColors: 8) == 0)
    #expect(ThemeColor.palette(250).number(forTerminalColors: 8) == 7)
    #expect(ThemeColor.palette(255).number(forTerminalColors: 16) == 7)
  }

  /// The light theme's own colours keep their meaning on a basic terminal: green stays green.
  /// 28 is xterm's (0, 135, 0); 135 is nearer full intensity than none.
  @Test func theLightThemeKeepsItsHues() {
    let expected: [Int: Int] = [28: 2, 160: 1, 220: 3, 127: 5]
    for (index, basic) in expected.sorted(by: { $0.key < $1.key }) {
      #expect(ThemeColor.palette(index).number(forTerminalColors: 8) == basic, "colour \(index)")
    }
  }
}
