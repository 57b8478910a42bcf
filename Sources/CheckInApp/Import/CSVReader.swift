/// One record of a CSV file and the line it starts on.
struct CSVRecord: Equatable, Sendable {
  let line: Int
  let fields: [String]
  /// Set when the record can't be read as text; its fields are then empty.
  var problem: String?
}

/// A CSV file that can't be read past some point.
struct CSVSyntaxError: Error, Equatable {
  let line: Int
  let message: String
}

/// Reads RFC 4180 CSV, as spreadsheets export it: commas, quoted fields with doubled quotes,
/// line breaks inside quotes, CRLF or LF endings, an optional UTF-8 byte-order mark.
enum CSVReader {
  static func records(_ bytes: [UInt8]) throws(CSVSyntaxError) -> [CSVRecord] {
    let quote = UInt8(ascii: "\"")
    let comma = UInt8(ascii: ",")
    let lf = UInt8(ascii: "\n")
    let cr = UInt8(ascii: "\r")
    var records: [CSVRecord] = []
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var line = 1
    let count = bytes.count

    while index < count {
      let startLine = line
      var fields: [[UInt8]] = []
      var field: [UInt8] = []
      var recordDone = false
      while !recordDone {
        field.removeAll(keepingCapacity: true)
        if index < count && bytes[index] == quote {
          index += 1
          while true {
            guard index < count else {
              throw CSVSyntaxError(
                line: startLine, message: "a quoted field is never closed (missing \")")
            }
            let byte = bytes[index]
            if byte == quote {
              if index + 1 < count && bytes[index + 1] == quote {
                field.append(quote)
                index += 2
                continue
              }
              index += 1
              break
            }
            if byte == lf { line += 1 }
            field.append(byte)
            index += 1
          }
          if index < count && bytes[index] != comma && bytes[index] != lf && bytes[index] != cr {
            throw CSVSyntaxError(
              line: line, message: "unexpected text after a closing quote")
          }
        } else {
          while index < count && bytes[index] != comma && bytes[index] != lf
            && !(bytes[index] == cr && (index + 1 == count || bytes[index + 1] == lf))
          {
            field.append(bytes[index])
            index += 1
          }
        }
        fields.append(field)
        if index >= count {
          recordDone = true
        } else if bytes[index] == comma {
          index += 1
        } else {
          if bytes[index] == cr { index += 1 }
          if index < count && bytes[index] == lf { index += 1 }
          line += 1
          recordDone = true
        }
      }
      if fields.count == 1 && fields[0].isEmpty { continue }  // blank line
      records.append(decode(fields, line: startLine))
    }
    return records
  }

  private static func decode(_ fields: [[UInt8]], line: Int) -> CSVRecord {
    var texts: [String] = []
    texts.reserveCapacity(fields.count)
    for field in fields {
      guard let text = String(validating: field, as: UTF8.self) else {
        return CSVRecord(
          line: line, fields: [],
          problem: "the row is not UTF-8 text (save the sheet as “CSV UTF-8”)")
      }
      texts.append(text)
    }
    return CSVRecord(line: line, fields: texts)
  }
}
