import CNCursesW
import CheckInUI
import Testing

@testable import CheckInTerminal

/// A theme resolved for one terminal: colour pairs for the roles that have colours, attribute
/// bits for all.
@Suite struct PaletteTests {
  @Test func everyColouredRoleGetsItsOwnPair() {
    let palette = Palette(theme: .standard, colors: 256)
    let coloured = Set(Role.allCases.filter { Theme.standard.style(for: $0).usesColor })
    #expect(Set(palette.pairs.keys) == coloured)
    #expect(!coloured.isEmpty)
    #expect(palette.pairs[.normal] == nil, "the default theme's normal text has no colour")
    let numbers = Array(palette.pairs.values)
    #expect(Set(numbers).count == numbers.count, "pairs are not shared")
    #expect(numbers.allSatisfy { $0 > 0 }, "pair 0 is the terminal's own")
  }

  @Test func noColoursNoPairs() {
    #expect(Palette(theme: .standard, colors: 0).pairs.isEmpty)
    #expect(Palette(theme: .mono, colors: 256).pairs.isEmpty)
    #expect(Palette(theme: .standard.monochrome, colors: 8).pairs.isEmpty)
  }

  @Test func attributesUseTheirPair() {
    let palette = Palette(theme: .standard, colors: 8)
    let selection = palette.attributes(for: .selection)
    #expect(selection.pair == Int32(palette.pairs[.selection] ?? -1))
    #expect(palette.attributes(for: .normal).pair == 0)
    #expect(Palette(theme: .standard, colors: 0).attributes(for: .selection).pair == 0)
  }

  @Test func attributeBits() {
    let bold = Int32(CKT_BOLD)
    let dim = Int32(CKT_DIM)
    let underline = Int32(CKT_UNDERLINE)
    let reverse = Int32(CKT_REVERSE)
    #expect(Set([bold, dim, underline, reverse]).count == 4)
    let theme = Theme(
      name: "bits",
      styles: [
        .normal: Style(), .title: Style(bold: true), .muted: Style(dim: true),
        .warning: Style(underline: true), .selection: Style(reverse: true),
        .danger: Style(bold: true, dim: true, underline: true, reverse: true),
      ])
    let palette = Palette(theme: theme, colors: 0)
    #expect(palette.attributes(for: .normal).attributes == 0)
    #expect(palette.attributes(for: .title).attributes == bold)
    #expect(palette.attributes(for: .muted).attributes == dim)
    #expect(palette.attributes(for: .warning).attributes == underline)
    #expect(palette.attributes(for: .selection).attributes == reverse)
    #expect(palette.attributes(for: .danger).attributes == bold | dim | underline | reverse)
  }

  @Test func monoMarksWithAttributesAlone() {
    let palette = Palette(theme: .mono, colors: 256)
    let reverse = Int32(CKT_REVERSE)
    #expect(palette.attributes(for: .selection).attributes & reverse != 0)
    #expect(palette.attributes(for: .bannerGood).attributes & reverse != 0)
    #expect(palette.attributes(for: .selection).pair == 0)
  }

  @Test func coloursAreTheTerminalsNumbers() {
    let palette = Palette(theme: .standard, colors: 256)
    let selection = palette.colors(for: .selection)
    #expect(selection.foreground == 0 && selection.background == 6)
    #expect(palette.colors(for: .normal) == (-1, -1))
    #expect(palette.colors(for: .statusKey) == (11, 4))
    let eight = Palette(theme: .standard, colors: 8)
    #expect(eight.colors(for: .statusKey) == (3, 4), "bright yellow folds to yellow")
  }
}
