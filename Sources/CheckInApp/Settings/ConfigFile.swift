import Foundation

/// The configuration file: `key = value` lines, `#` comments, blank lines ignored. Small enough to
/// edit by hand at a front desk without breaking it on a missing comma.
struct ConfigFile: Equatable, Sendable {
  /// Every key the station reads, with what it means (shown when a key is misspelt).
  static var knownKeys: [(key: String, meaning: String)] {
    SettingTable.fileSettings.compactMap { spec in spec.key.map { ($0, spec.fullHelp) } }
  }

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
    // A file handle reads `/dev/null` too, the usual way to say "no configuration".
    guard let data = readWhole(path) else {
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

  private static func readWhole(_ path: String) -> Data? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    do {
      return try handle.readToEnd() ?? Data()
    } catch {
      return nil
    }
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

  func line(of key: String) -> Int? { lines[key] }

  /// "checkin.conf line 4" for messages about `key`.
  func location(of key: String) -> String {
    lines[key].map { "\(path) line \($0)" } ?? path
  }
}
