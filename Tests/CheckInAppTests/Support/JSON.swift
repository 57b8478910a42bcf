import Foundation
import Testing

/// Reads the program's JSON output with Foundation's parser, independent of how it was written.
enum JSON {
  static func object(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> [String: Any]
  {
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(
      value as? [String: Any], "not a JSON object: \(text)", sourceLocation: sourceLocation)
  }

  static func array(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> [[String: Any]]
  {
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(
      value as? [[String: Any]], "not a JSON array of objects: \(text)",
      sourceLocation: sourceLocation)
  }

  /// The single line `output` must consist of, as an object.
  static func onlyObject(in result: RunResult, sourceLocation: SourceLocation = #_sourceLocation)
    throws -> [String: Any]
  {
    #expect(
      result.lines.count == 1, "expected one line:\n\(result)", sourceLocation: sourceLocation)
    let line = try #require(
      result.lines.first, "no output:\n\(result)", sourceLocation: sourceLocation)
    return try object(line, sourceLocation: sourceLocation)
  }
}

extension Dictionary where Key == String, Value == Any {
  func int(_ key: String) -> Int? { self[key] as? Int }
  func string(_ key: String) -> String? { self[key] as? String }
  func bool(_ key: String) -> Bool? { self[key] as? Bool }
  func isNull(_ key: String) -> Bool { self[key] is NSNull }
  func object(_ key: String) -> [String: Any]? { self[key] as? [String: Any] }
  func array(_ key: String) -> [[String: Any]]? { self[key] as? [[String: Any]] }
}
