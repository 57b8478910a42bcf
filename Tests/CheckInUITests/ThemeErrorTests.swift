import Foundation
import Testing

@testable import CheckInUI

/// A theme file that can't be used says which file and what is wrong with it.
@Suite struct ThemeErrorTests {
  /// A complete theme's styles, as JSON members, with `changes` applied (nil removes a role).
  static func themeJSON(_ changes: [String: String?] = [:]) -> Data {
    var styles: [String: String] = [:]
    for role in Role.allCases { styles[role.rawValue] = #"{"bold": true}"# }
    for (key, value) in changes { styles[key] = value }
    let members = styles.keys.sorted().compactMap { key in
      styles[key].map { "\"\(key)\": \($0)" }
    }
    return Data(#"{"name": "broken", "styles": {\#(members.joined(separator: ", "))}}"#.utf8)
  }

  func message(_ data: Data, source: String = "Themes/broken.json") -> String? {
    do {
      _ = try Theme.decode(data, source: source)
      return nil
    } catch {
      return error.message
    }
  }

  @Test func theHelperMakesAValidTheme() throws {
    let theme = try Theme.decode(Self.themeJSON(), source: "ok.json")
    #expect(theme.name == "broken")
    #expect(theme.missingRoles == [])
  }

  @Test func unknownRole() throws {
    let text = try #require(message(Self.themeJSON(["sparkle": #"{"bold": true}"#])))
    #expect(text.hasPrefix("Themes/broken.json: "))
    #expect(text.contains("unknown role “sparkle”"))
  }

  @Test func missingRole() throws {
    let text = try #require(message(Self.themeJSON(["histogram": nil, "selection": nil])))
    #expect(text.hasPrefix("Themes/broken.json: "))
    #expect(text.contains("histogram"))
    #expect(text.contains("selection"))
  }

  /// A gym's theme written before the second-scan band existed keeps working.
  @Test func aThemeOlderThanARoleBorrowsItsStandIn() throws {
    let data = Self.themeJSON([
      "banner_info": nil, "selection": #"{"fg": "black", "bg": "cyan", "bold": true}"#,
    ])
    let theme = try Theme.decode(data, source: "Themes/old.json")
    #expect(theme.style(for: .bannerInfo) == theme.style(for: .selection))
    #expect(theme.style(for: .bannerInfo).background != nil)
  }

  @Test func badColourName() throws {
    let text = try #require(message(Self.themeJSON(["title": #"{"fg": "purple"}"#])))
    #expect(text.hasPrefix("Themes/broken.json: "))
    #expect(text.contains("unknown colour “purple”"))
    #expect(text.contains("title"), "names where: \(text)")
  }

  @Test func colourOutOfRange() throws {
    let text = try #require(message(Self.themeJSON(["border": #"{"bg": 300}"#])))
    #expect(text.hasPrefix("Themes/broken.json: "))
    #expect(text.contains("300"))
    #expect(text.contains("0–255"))
    #expect(text.contains("border"), "names where: \(text)")
  }

  @Test func notJSON() throws {
    let text = try #require(message(Data("name = mono\n".utf8), source: "custom.theme"))
    #expect(text.hasPrefix("custom.theme: "))
    #expect(text.lowercased().contains("json"), "says it isn't JSON: \(text)")
  }

  @Test func wrongKindOfValue() throws {
    let text = try #require(message(Self.themeJSON(["value": #"{"bold": "yes"}"#])))
    #expect(text.hasPrefix("Themes/broken.json: "))
    #expect(text.contains("value"))
  }

  @Test func noStyles() throws {
    let text = try #require(message(Data(#"{"name": "empty"}"#.utf8)))
    #expect(text.contains("missing “styles”"))
  }
}
