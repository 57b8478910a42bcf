import CheckInRemote
import Foundation

/// Where the station keeps its files, by the XDG base directory rules.
struct Paths: Sendable {
  let environment: [String: String]

  private var home: String {
    environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
  }

  /// `$XDG_DATA_HOME/checkin`: databases.
  var dataDirectory: String {
    directory("XDG_DATA_HOME", fallback: ".local/share")
  }

  /// `$XDG_CONFIG_HOME/checkin`: the configuration file (and, later, the login token).
  var configDirectory: String {
    directory("XDG_CONFIG_HOME", fallback: ".config")
  }

  /// `$XDG_STATE_HOME/checkin`: the log.
  var stateDirectory: String {
    directory("XDG_STATE_HOME", fallback: ".local/state")
  }

  var defaultDatabase: String { dataDirectory + "/station.sqlite3" }
  var demoDatabase: String { dataDirectory + "/demo.sqlite3" }
  var defaultConfigFile: String { configDirectory + "/checkin.conf" }
  var logFile: String { stateDirectory + "/checkin.log" }
  /// The server login (token), readable by its owner only.
  var sessionFile: String { configDirectory + "/session.json" }

  /// The offline cache, visit record and outbox of one server.
  func remoteCache(server: ServerAddress) -> String {
    dataDirectory + "/remote-" + server.fileStem + ".sqlite3"
  }

  /// Where an earlier version kept the cache of every server on `host` in one file.
  func legacyRemoteCache(host: String) -> String {
    let safe = host.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" }
    return dataDirectory + "/remote-" + String(safe) + ".sqlite3"
  }

  private func directory(_ variable: String, fallback: String) -> String {
    // The XDG spec says a relative value is invalid and must be ignored.
    if let value = environment[variable], value.hasPrefix("/") { return value + "/checkin" }
    return home + "/" + fallback + "/checkin"
  }

  /// Creates the folder that will hold `file`, readable by its owner only.
  static func makeParentDirectory(of file: String) throws {
    let folder = (file as NSString).deletingLastPathComponent
    guard !folder.isEmpty else { return }
    try FileManager.default.createDirectory(
      atPath: folder, withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])
  }
}
