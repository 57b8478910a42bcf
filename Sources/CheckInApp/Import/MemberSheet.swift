import CheckInCore
import CheckInSQLite
import Foundation

/// A problem with one line of a members spreadsheet.
struct SheetProblem: Error, Equatable, Sendable {
  let line: Int
  let message: String
}

/// Every problem found in a spreadsheet, in line order.
struct SheetProblems: Error, Equatable, Sendable {
  let problems: [SheetProblem]

  init(_ problems: [SheetProblem]) {
    self.problems = problems.sorted { $0.line < $1.line }
  }
}

/// Reads the members spreadsheet: one row per member and plan, checked row by row against the
/// rules the database will enforce, so that a bad file is reported whole and imports nothing.
enum MemberSheet {
  static let requiredColumns = [
    "member_id", "full_name", "phone", "qr_code", "branch_id", "is_active", "subscription_id",
    "kind", "status", "total", "remaining", "start_date", "end_date",
  ]
  static let optionalColumns = ["date_of_birth", "notes", "branch_name"]

  struct Parsed {
    var batch: ImportBatch
    /// The line each member and plan came from, to name lines in database conflicts.
    var memberLines: [Int]
    var planLines: [Int]
  }

  static func parse(_ records: [CSVRecord], today: CalendarDay) -> Result<Parsed, SheetProblems> {
    guard let header = records.first else {
      return .failure(SheetProblems([SheetProblem(line: 1, message: "the file is empty")]))
    }
    let columns: Columns
    switch Columns.read(header) {
    case .success(let read): columns = read
    case .failure(let problem): return .failure(SheetProblems([problem]))
    }
    var reader = RowReader(columns: columns, today: today)
    for record in records.dropFirst() { reader.read(record) }
    return reader.finish()
  }
}

/// Where each column sits in the file.
struct Columns {
  let index: [String: Int]
  let count: Int

  static func read(_ header: CSVRecord) -> Result<Columns, SheetProblem> {
    var index: [String: Int] = [:]
    let known = Set(MemberSheet.requiredColumns + MemberSheet.optionalColumns)
    for (position, raw) in header.fields.enumerated() {
      let name = raw.trimmingSpaces.lowercased()
      guard known.contains(name) else {
        return .failure(
          SheetProblem(line: header.line, message: "unknown column “\(raw)” in the header"))
      }
      guard index[name] == nil else {
        return .failure(
          SheetProblem(line: header.line, message: "column “\(name)” appears twice"))
      }
      index[name] = position
    }
    let missing = MemberSheet.requiredColumns.filter { index[$0] == nil }
    if !missing.isEmpty {
      return .failure(
        SheetProblem(
          line: header.line,
          message: "the header lacks " + missing.joined(separator: ", ")
            + " (expected: " + MemberSheet.requiredColumns.joined(separator: ",") + ")"))
    }
    return .success(Columns(index: index, count: header.fields.count))
  }

  /// The trimmed field, or `nil` when empty or the column is absent.
  func value(_ name: String, in fields: [String]) -> String? {
    guard let position = index[name], position < fields.count else { return nil }
    let text = fields[position].trimmingSpaces
    return text.isEmpty ? nil : text
  }
}

extension String {
  /// The string without leading and trailing spaces and tabs. Much cheaper than Foundation's
  /// `trimmingCharacters(in:)`, which an import calls for every field of every row.
  var trimmingSpaces: String {
    let utf8 = self.utf8
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else {
      return self
    }
    guard let start = utf8.firstIndex(where: { !isSpace($0) }),
      let end = utf8.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[start...end])
  }
}
