import Foundation
import Testing

@testable import CheckInUI

/// The theme files in `Themes/`: each one usable, each defining every colour slot.
@Suite struct ThemeFileTests {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Themes", isDirectory: true)

  static let required = ["default", "high-contrast", "light", "mono"]

  static var files: [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted().map {
      folder.appendingPathComponent($0)
    }
  }

  static func load(_ name: String) throws -> Theme {
    let url = folder.appendingPathComponent(name + ".json")
    return try Theme.decode(Data(contentsOf: url), source: url.lastPathComponent)
  }

  @Test func theRequiredThemesAreThere() {
    let names = Set(Self.files.map { $0.deletingPathExtension().lastPathComponent })
    #expect(Self.files.count >= Self.required.count, "themes found in \(Self.folder.path)")
    for name in Self.required {
      #expect(names.contains(name), "Themes/\(name).json is missing")
    }
  }

  @Test(arguments: files)
  func everyFileDefinesEveryRole(_ url: URL) throws {
    let theme = try Theme.decode(Data(contentsOf: url), source: url.lastPathComponent)
    #expect(theme.missingRoles == [])
    #expect(Set(theme.styles.keys) == Set(Role.allCases))
    #expect(theme.name == url.deletingPathExtension().lastPathComponent)
  }

  @Test func theDefaultFileIsTheBuiltInTheme() throws {
    #expect(try Self.load("default") == Theme.standard)
  }

  @Test func theMonoFileIsTheBuiltInMonoTheme() throws {
    #expect(try Self.load("mono") == Theme.mono)
  }

  @Test func monoUsesNoColour() throws {
    let mono = try Self.load("mono")
    for role in Role.allCases {
      #expect(!mono.style(for: role).usesColor, "\(role.rawValue) has a colour")
    }
  }

  /// In a theme without colours the roles that must stand out still do, by attributes alone.
  @Test func monoStillMarksWhatMatters() throws {
    let mono = try Self.load("mono")
    for role in [Role.selection, .bannerGood, .bannerRefused, .bannerStaff, .scanField] {
      #expect(mono.style(for: role).reverse, "\(role.rawValue) isn't reversed")
    }
  }

  @Test func theBuiltInThemesDefineEveryRole() {
    #expect(Theme.standard.missingRoles == [])
    #expect(Theme.mono.missingRoles == [])
  }
}
