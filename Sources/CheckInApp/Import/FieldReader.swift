import CheckInCore
import Foundation

/// Reads typed values out of one row, noting what is wrong with each field.
struct FieldReader {
  let columns: Columns
  let fields: [String]
  let today: CalendarDay
  var errors: [String] = []

  func present(_ column: String) -> Bool { columns.value(column, in: fields) != nil }

  mutating func id(_ column: String, required: Bool) -> Int64? {
    guard let text = columns.value(column, in: fields) else {
      if required { errors.append("\(column) is empty") }
      return nil
    }
    guard let value = Int64(text), value > 0 else {
      errors.append("\(column) “\(text)” is not a positive whole number")
      return nil
    }
    return value
  }

  mutating func count(_ column: String) -> Int? {
    guard let text = columns.value(column, in: fields) else { return nil }
    guard let value = Int(text), value >= 0, value <= 1_000_000 else {
      errors.append("\(column) “\(text)” is not a whole number from 0 to 1,000,000")
      return nil
    }
    return value
  }

  mutating func name() -> String? {
    guard let name = columns.value("full_name", in: fields) else {
      errors.append("full_name is empty")
      return nil
    }
    check("full_name", name, maximum: 200, lineBreaks: false)
    return name
  }

  mutating func text(_ column: String, maximum: Int) -> String? {
    guard let raw = columns.value(column, in: fields) else { return nil }
    // Notes may run over several lines, as a spreadsheet cell does; nothing else may. Stored with
    // LF alone: a CR would rewrite the line a terminal shows.
    let text =
      column == "notes"
      ? raw.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
      : raw
    check(column, text, maximum: maximum, lineBreaks: column == "notes")
    return text
  }

  /// Text from a spreadsheet is drawn on terminals and handed to hooks: no control characters
  /// (an ESC can clear a screen or retitle a window), no bidi overrides (they reorder what a
  /// receptionist reads), and a length limit in characters *and* bytes (a "name" of a million
  /// combining marks is one character long).
  private mutating func check(_ column: String, _ text: String, maximum: Int, lineBreaks: Bool) {
    if text.count > maximum || text.utf8.count > maximum * 8 {
      errors.append("\(column) is longer than \(maximum) characters")
    }
    let controls = text.unicodeScalars.contains { scalar in
      TerminalText.isControl(scalar) && !(lineBreaks && (scalar == "\n" || scalar == "\r"))
    }
    if controls { errors.append("\(column) contains control characters") }
    if text.unicodeScalars.contains(where: TerminalText.reorders) {
      errors.append("\(column) contains bidi override characters")
    }
  }

  /// A code must be one the scanner can deliver, and an id-shaped code must be its own member's.
  mutating func code(memberID: Int64?) -> String? {
    guard let text = columns.value("qr_code", in: fields) else { return nil }
    switch ScanParser.parse(text) {
    case .failure(let invalid):
      errors.append("qr_code “\(text)” can't be scanned: \(invalid.message)")
      return nil
    case .success(.idForm(let code, let id)) where memberID != nil && id != memberID:
      errors.append("qr_code \(code) looks like member \(id)'s number")
      return nil
    case .success(let payload):
      return payload.displayText
    }
  }

  mutating func yesNo(_ column: String, default fallback: Bool) -> Bool {
    guard let text = columns.value(column, in: fields) else { return fallback }
    switch text.lowercased() {
    case "1", "yes", "true", "y", "active": return true
    case "0", "no", "false", "n", "inactive": return false
    default:
      errors.append("\(column) “\(text)” is not 1/0, yes/no or true/false")
      return fallback
    }
  }

  mutating func day(_ column: String) -> CalendarDay? {
    guard let text = columns.value(column, in: fields) else { return nil }
    guard let day = CalendarDay(iso: text) else {
      errors.append("\(column) “\(text)” is not a date (YYYY-MM-DD)")
      return nil
    }
    return day
  }

  mutating func kind() -> PlanKind? {
    guard let text = columns.value("kind", in: fields) else {
      errors.append("kind is empty (sessions, coins or time)")
      return nil
    }
    guard let kind = PlanKind(external: text) else {
      errors.append("kind “\(text)” is not sessions, coins or time")
      return nil
    }
    return kind
  }

  mutating func status() -> PlanStatus? {
    guard let text = columns.value("status", in: fields) else {
      errors.append("status is empty (active, frozen, stopped or expired)")
      return nil
    }
    guard let status = PlanStatus(external: text) else {
      errors.append("status “\(text)” is not active, frozen, stopped or expired")
      return nil
    }
    return status
  }
}
