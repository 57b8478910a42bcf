import CheckInUI
import Foundation

/// Finds themes by name or path: a path is read as given; a name is looked up in
/// `$CHECKIN_THEMES`, `$XDG_CONFIG_HOME/checkin/themes`, the `Themes` folder of the source tree
/// the program was built from, and `/usr/local/share/checkin/themes`; a file found there wins.
/// Every shipped theme is also compiled into the program, so an installed binary has them all.
struct ThemeCatalog {
  let environment: [String: String]
  let executablePath: String

  var folders: [String] {
    var folders: [String] = []
    if let custom = environment["CHECKIN_THEMES"], !custom.isEmpty { folders.append(custom) }
    folders.append(Paths(environment: environment).configDirectory + "/themes")
    // `swift build` puts the program at .build/<triple>/<configuration>/checkin.
    let built = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
    folders.append(
      built.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Themes").path)
    folders.append("/usr/local/share/checkin/themes")
    return folders
  }

  /// The theme named or pointed to by `request`, or the reason it can't be used.
  func load(_ request: String) -> Result<Theme, ThemeError> {
    if request.contains("/") || request.hasSuffix(".json") {
      return read(request)
    }
    for folder in folders {
      let path = folder + "/" + request + ".json"
      if FileManager.default.fileExists(atPath: path) { return read(path) }
    }
    if let shipped = Self.shipped[request] {
      do {
        return .success(try Theme.decode(Data(shipped), source: "the built-in \(request) theme"))
      } catch {
        return .failure(error)
      }
    }
    switch request {
    case "default": return .success(.standard)
    case "mono": return .success(.mono)
    default:
      return .failure(
        ThemeError(
          message:
            "no theme “\(request)” (built in: \(Self.shipped.keys.sorted().joined(separator: ", ")); "
            + "looked in \(folders.joined(separator: ", ")))"))
    }
  }

  /// The themes shipped in Themes/, as compiled in.
  static let shipped: [String: [UInt8]] = [
    "default": PackageResources.default_json, "high-contrast": PackageResources.high_contrast_json,
    "light": PackageResources.light_json, "mono": PackageResources.mono_json,
  ]

  private func read(_ path: String) -> Result<Theme, ThemeError> {
    guard let data = FileManager.default.contents(atPath: path) else {
      return .failure(ThemeError(message: "\(path): can't read the file"))
    }
    do {
      return .success(try Theme.decode(data, source: path))
    } catch {
      return .failure(error)
    }
  }
}
