import Testing

@testable import CheckInUI

/// What a terminal without colour (or `NO_COLOR`) gets from a colour theme.
@Suite struct MonochromeThemeTests {
  @Test func monochromeStripsEveryColourAndKeepsAttributes() {
    let theme = Theme.standard.monochrome
    #expect(theme.name == "default (no colour)")
    #expect(theme.missingRoles == [])
    for role in Role.allCases {
      let original = Theme.standard.style(for: role)
      let stripped = theme.style(for: role)
      #expect(!stripped.usesColor, "\(role.rawValue)")
      #expect(stripped.bold == original.bold && stripped.dim == original.dim, "\(role.rawValue)")
      #expect(stripped.underline == original.underline, "\(role.rawValue)")
      // What stood out by its background stands out reversed.
      #expect(
        stripped.reverse == (original.reverse || original.background != nil), "\(role.rawValue)")
    }
  }

  /// Without colour the highlighted choice must still differ from the other one: both were bold.
  @Test func theHighlightedChoiceIsReversedWithoutColour() {
    let theme = Theme.standard.monochrome
    #expect(theme.style(for: .selection).reverse)
    #expect(theme.style(for: .selection) != theme.style(for: .value))
  }

  @Test func aStyleWithoutColourIsUnchanged() {
    let style = Style(bold: true, underline: true)
    #expect(style.monochrome == style)
    #expect(!style.usesColor)
    #expect(Style(background: .palette(4)).usesColor)
  }

  @Test func aRoleAThemeLacksGetsThePlainStyle() {
    let partial = Theme(name: "partial", styles: [.title: Style(bold: true)])
    #expect(partial.style(for: .histogram) == Style())
    #expect(partial.missingRoles.count == Role.allCases.count - 1)
    #expect(!partial.missingRoles.contains(.title))
  }
}
