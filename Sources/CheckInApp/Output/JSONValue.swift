import CheckInCore
import Foundation

/// A JSON value that keeps its keys in the order written and writes `null` where a value is
/// missing, as the `--json` outputs promise (Codable would drop nil keys and reorder).
public indirect enum JSONValue: Hashable, Sendable {
  case object([(String, JSONValue)])
  case array([JSONValue])
  case string(String)
  case integer(Int64)
  /// A measured figure, written with three decimals.
  case number(Double)
  case bool(Bool)
  case null

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.rendered == rhs.rendered
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(rendered)
  }

  /// Compact JSON text on one line.
  public var rendered: String {
    var output = ""
    write(to: &output)
    return output
  }

  private func write(to output: inout String) {
    switch self {
    case .object(let members):
      output += "{"
      for (index, (key, value)) in members.enumerated() {
        if index > 0 { output += "," }
        Self.writeString(key, to: &output)
        output += ":"
        value.write(to: &output)
      }
      output += "}"
    case .array(let values):
      output += "["
      for (index, value) in values.enumerated() {
        if index > 0 { output += "," }
        value.write(to: &output)
      }
      output += "]"
    case .string(let text):
      Self.writeString(text, to: &output)
    case .integer(let number):
      output += String(number)
    case .number(let value):
      output += value.isFinite ? String(format: "%.3f", value) : "null"
    case .bool(let flag):
      output += flag ? "true" : "false"
    case .null:
      output += "null"
    }
  }

  private static func writeString(_ text: String, to output: inout String) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      // Escaped, not dropped: JSON keeps the data whole, and its text stays safe on a terminal.
      case _
      where TerminalText.isUnsafe(scalar) || scalar.value == 0x2028 || scalar.value == 0x2029:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default:
        output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}

extension JSONValue {
  static func string(_ text: String?) -> JSONValue {
    text.map { .string($0) } ?? .null
  }

  static func integer(_ number: Int?) -> JSONValue {
    number.map { .integer(Int64($0)) } ?? .null
  }

  static func integer(_ number: Int64?) -> JSONValue {
    number.map { .integer($0) } ?? .null
  }
}
