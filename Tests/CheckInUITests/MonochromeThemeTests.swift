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
      #expect(
        stripped.underline == original.underline && stripped.reverse == original.reverse,
        "\(role.rawValue)")
    }
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
