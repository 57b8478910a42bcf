import Foundation

/// A named set of styles, one for every role.
public struct Theme: Hashable, Sendable {
  public var name: String
  public var styles: [Role: Style]

  public init(name: String, styles: [Role: Style]) {
    self.name = name
    self.styles = styles
  }

  public func style(for role: Role) -> Style {
    styles[role] ?? Style()
  }

  /// The roles this theme doesn't define.
  public var missingRoles: [Role] {
    Role.allCases.filter { styles[$0] == nil }
  }

  /// This theme with every colour removed: what a terminal without colour, or `NO_COLOR`, gets
  /// when a colour theme is asked for.
  public var monochrome: Theme {
    Theme(name: name + " (no colour)", styles: styles.mapValues(\.monochrome))
  }
}

/// Why a theme file can't be used; says which file and what is wrong.
public struct ThemeError: Error, Equatable, Sendable {
  public let message: String

  public init(message: String) {
    self.message = message
  }
}

extension Theme {
  private struct File: Decodable {
    let name: String?
    let styles: [String: Style]
  }

  /// Reads a theme file (`{"name": ..., "styles": {"title": {"fg": "cyan", "bold": true}, ...}}`).
  /// Every role must be defined (a role newer than the file borrows its older stand-in's style),
  /// and nothing else.
  public static func decode(_ data: Data, source: String) throws(ThemeError) -> Theme {
    let file: File
    do {
      file = try JSONDecoder().decode(File.self, from: data)
    } catch let error as DecodingError {
      throw ThemeError(message: "\(source): \(describe(error))")
    } catch {
      throw ThemeError(message: "\(source): \(error)")
    }
    var styles: [Role: Style] = [:]
    for (key, style) in file.styles {
      guard let role = Role(rawValue: key) else {
        throw ThemeError(message: "\(source): unknown role “\(key)”")
      }
      styles[role] = style
    }
    for role in Role.allCases where styles[role] == nil {
      if let standIn = role.olderStandIn { styles[role] = styles[standIn] }
    }
    let theme = Theme(name: file.name ?? source, styles: styles)
    if let missing = theme.missingRoles.first {
      let all = theme.missingRoles.map(\.rawValue).joined(separator: ", ")
      throw ThemeError(
        message: "\(source): no style for “\(missing.rawValue)” (missing: \(all))")
    }
    return theme
  }

  private static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      let keys = context.codingPath.map(\.stringValue).joined(separator: ".")
      return keys.isEmpty ? "" : " at \(keys)"
    }
    switch error {
    case .dataCorrupted(let context) where context.codingPath.isEmpty:
      // Where the JSON breaks, when the decoder says (line and column).
      let detail = (context.underlyingError as NSError?)?.userInfo["NSDebugDescription"] as? String
      return "not valid JSON" + (detail.map { " (\($0))" } ?? "")
    case .dataCorrupted(let context):
      return "\(context.debugDescription)\(path(context))"
    case .keyNotFound(let key, let context):
      return "missing “\(key.stringValue)”\(path(context))"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "wrong kind of value\(path(context)): \(context.debugDescription)"
    @unknown default:
      return "\(error)"
    }
  }
}
