import CheckInUI
import Foundation
import Testing

@testable import CheckInApp

/// An installed binary (copied to /usr/local/bin, nothing beside it) has every shipped theme; a
/// theme file on disk still wins over the built-in one.
@Suite struct ThemeCatalogTests {
  private let installed = ThemeCatalog(
    environment: ["HOME": "/nonexistent", "XDG_CONFIG_HOME": "/nonexistent/config"],
    executablePath: "/usr/local/bin/checkin")

  @Test(arguments: ["default", "high-contrast", "light", "mono"])
  func everyShippedThemeIsBuiltIn(_ name: String) throws {
    let theme = try installed.load(name).get()
    #expect(theme.name == name)
  }

  @Test func everyFileInThemesIsShipped() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Themes")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }
    #expect(Set(files) == Set(ThemeCatalog.shipped.keys))
  }

  @Test func aThemeFileOnDiskWinsOverTheBuiltInOne() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("checkin-themes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let shipped = try #require(ThemeCatalog.shipped["light"])
    let edited = String(decoding: shipped, as: UTF8.self)
      .replacingOccurrences(of: "\"name\": \"light\"", with: "\"name\": \"light-local\"")
    try edited.write(
      to: folder.appendingPathComponent("light.json"), atomically: true, encoding: .utf8)
    let catalog = ThemeCatalog(
      environment: ["HOME": "/nonexistent", "CHECKIN_THEMES": folder.path],
      executablePath: "/usr/local/bin/checkin")
    #expect(try catalog.load("light").get().name == "light-local")
  }

  @Test func anUnknownThemeNamesTheBuiltInOnes() {
    guard case .failure(let error) = installed.load("solarized") else {
      Issue.record("found a theme that doesn't exist")
      return
    }
    #expect(error.message.contains("high-contrast, light"), "\(error.message)")
  }
}
