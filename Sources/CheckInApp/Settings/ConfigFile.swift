import Foundation

/// The configuration file: `key = value` lines, `#` comments, blank lines ignored. Small enough to
/// edit by hand at a front desk without breaking it on a missing comma.
struct ConfigFile: Equatable, Sendable {
  /// Every key the station reads, with what it means (shown when a key is misspelt).
  static let knownKeys: [(key: String, meaning: String)] = [
    ("db", "path of the station's database"),
    ("branch", "this station's branch id"),
    ("station", "this station's name"),
    ("duplicate_window", "seconds within which a second check-in is refused"),
    ("allow_other_branches", "yes/no: let other branches' members in"),
    ("id_fallback", "yes/no: accept plain member numbers (GYM-115, 115) as codes"),
    ("on_checkin", "command run after each check-in"),
    ("on_checkin_timeout", "seconds before the on_checkin command is stopped"),
    ("busy_timeout_ms", "how long to wait for another station's write"),
    ("theme", "colour theme: a name (default, high-contrast, light, mono) or a file"),
    ("kiosk", "yes/no: unattended kiosk, staff keys locked"),
    ("kiosk_unlock_code", "the code that unlocks staff keys at a kiosk"),
    ("kiosk_action", "what a kiosk records by itself: default, check-in-only, or ask SECONDS"),
    ("result_seconds", "how long the result banner stays"),
    ("api", "the chain's server (https://...) for remote mode"),
    ("api_lookup_timeout", "seconds before a member lookup on the server is given up"),
    ("api_checkin_timeout", "seconds before a check-in's answer counts as lost"),
    ("offline_cache_hours", "how old a cached member card may be when the server is down"),
  ]

  let path: String
  private(set) var values: [String: String] = [:]
  /// The line each key was set on, for error messages.
  private(set) var lines: [String: Int] = [:]

  init(path: String, values: [String: String] = [:]) {
    self.path = path
    self.values = values
  }

  /// Reads `path`; `nil` when the file doesn't exist and `required` is false.
  static func load(path: String, required: Bool) throws(UsageError) -> ConfigFile? {
    guard let data = FileManager.default.contents(atPath: path) else {
      if required || FileManager.default.fileExists(atPath: path) {
        throw UsageError(message: "can't read the configuration file \(path)")
      }
      return nil
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw UsageError(message: "\(path) is not UTF-8 text")
    }
    return try parse(text, path: path)
  }

  static func parse(_ text: String, path: String) throws(UsageError) -> ConfigFile {
    var file = ConfigFile(path: path)
    let known = Set(knownKeys.map(\.key))
    // `isNewline` splits CRLF files (one Character in Swift) as well as LF ones.
    for (offset, rawLine) in text.split(
      omittingEmptySubsequences: false, whereSeparator: \.isNewline
    )
    .enumerated() {
      let number = offset + 1
      let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
      if line.isEmpty || line.hasPrefix("#") { continue }
      guard let equals = line.firstIndex(of: "=") else {
        throw UsageError(message: "\(path) line \(number): expected `key = value`")
      }
      let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
      var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
      if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
        value = String(value.dropFirst().dropLast())
      }
      guard known.contains(key) else {
        let list = knownKeys.map(\.key).joined(separator: ", ")
        throw UsageError(
          message: "\(path) line \(number): unknown key `\(key)` (known: \(list))")
      }
      if let earlier = file.lines[key] {
        // Which one was meant can't be told: the last silently winning would hide a mistake.
        throw UsageError(
          message: "\(path) lines \(earlier) and \(number) both set `\(key)` — keep one")
      }
      file.values[key] = value
      file.lines[key] = number
    }
    return file
  }

  func value(_ key: String) -> String? { values[key] }

  /// "checkin.conf line 4" for messages about `key`.
  func location(of key: String) -> String {
    lines[key].map { "\(path) line \($0)" } ?? path
  }
}
