import CheckInUI
import Foundation

/// Finds themes by name or path: a path is read as given; a name is looked up in
/// `$CHECKIN_THEMES`, `$XDG_CONFIG_HOME/checkin/themes`, the `Themes` folder of the source tree
/// the program was built from, and `/usr/local/share/checkin/themes`. `default` and `mono` are
/// built in, so the station always has a theme.
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
    switch request {
    case "default": return .success(.standard)
    case "mono": return .success(.mono)
    default:
      return .failure(
        ThemeError(message: "no theme “\(request)” (looked in \(folders.joined(separator: ", ")))"))
    }
  }

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
