import Foundation
import Testing

@testable import CheckInUI

/// Colour names and numbers, as theme files spell them.
@Suite struct ThemeColorTests {
  @Test func namesReadAsThePaletteColours() {
    #expect(ThemeColor(name: "black") == .palette(0))
    #expect(ThemeColor(name: "cyan") == .palette(6))
    #expect(ThemeColor(name: "white") == .palette(7))
    #expect(ThemeColor(name: "bright-black") == .palette(8))
    #expect(ThemeColor(name: "Bright-Yellow") == .palette(11))
    #expect(ThemeColor(name: "default") == .terminalDefault)
    #expect(ThemeColor(name: "purple") == nil)
    #expect(ThemeColor(name: "bright-") == nil)
    #expect(ThemeColor(name: "12") == nil, "numbers are JSON numbers, not strings")
  }

  @Test func everyColourRoundTripsThroughJSON() throws {
    let all = [ThemeColor.terminalDefault] + (0...255).map(ThemeColor.palette)
    let data = try JSONEncoder().encode(all)
    #expect(try JSONDecoder().decode([ThemeColor].self, from: data) == all)
  }

  @Test func theFirstSixteenAreWrittenAsNames() throws {
    let data = try JSONEncoder().encode([
      ThemeColor.palette(1), .palette(9), .palette(16), .terminalDefault,
    ])
    #expect(String(decoding: data, as: UTF8.self) == #"["red","bright-red",16,"default"]"#)
  }

  @Test func numbersOutsideThePaletteAreRefused() {
    for bad in ["256", "-1", "\"none\"", "true"] {
      #expect(throws: DecodingError.self, "\(bad)") {
        try JSONDecoder().decode(ThemeColor.self, from: Data(bad.utf8))
      }
    }
  }
}
