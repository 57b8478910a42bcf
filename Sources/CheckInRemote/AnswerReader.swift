import Foundation

/// Reads an HTTP/1.1 answer as its bytes arrive: the status line and headers, then a body sized
/// by `Content-Length`, sent in chunks, or ended by the server closing the connection.
struct AnswerReader {
  enum Step: Equatable {
    case needMore
    case done(Data, status: Int)
    case unreadable(String)
  }

  private enum Body {
    case length(Int)
    case chunked
    case untilClose
  }

  private var bytes: [UInt8] = []
  /// Where the search for the end of the head goes on from: bytes before it were looked at.
  private var scanned = 0
  private var status: Int?
  private var body: Body?
  private var bodyStart = 0

  /// A ceiling on what an answer may hold: far above any the station expects, low enough that
  /// a server gone wrong can't fill the memory of a kiosk.
  static let largest = 16 * 1024 * 1024

  mutating func take(_ more: ArraySlice<UInt8>) -> Step {
    bytes += more
    guard bytes.count <= Self.largest else { return .unreadable("an answer far too large") }
    while status == nil {
      guard let end = Self.headerEnd(in: bytes, from: scanned) else {
        scanned = max(0, bytes.count - 3)
        return .needMore
      }
      switch Self.head(bytes[0..<end]) {
      case .success(let (code, framing)) where (100..<200).contains(code) && code != 101:
        // An interim answer (100 Continue, 103 Early Hints): the real one follows.
        _ = framing
        bytes.removeFirst(end + 4)
        scanned = 0
      case .success(let (code, framing)):
        status = code
        body = framing
        bodyStart = end + 4
      case .failure(let problem):
        return .unreadable(problem.reason)
      }
    }
    return complete() ?? .needMore
  }

  /// The answer, when the connection's end is also the body's end; nil when it was cut short.
  func finishedByClose() -> (Data, Int)? {
    guard let status, case .untilClose? = body else { return nil }
    return (Data(bytes[bodyStart...]), status)
  }

  private func complete() -> Step? {
    guard let status, let body else { return nil }
    let received = bytes[bodyStart...]
    switch body {
    case .length(let length):
      guard received.count >= length else { return nil }
      return .done(Data(received.prefix(length)), status: status)
    case .chunked:
      return Self.dechunk(received).map { .done($0, status: status) }
    case .untilClose:
      return nil
    }
  }

  private static func headerEnd(in bytes: [UInt8], from start: Int) -> Int? {
    guard bytes.count >= 4, start <= bytes.count - 4 else { return nil }
    for index in start...(bytes.count - 4)
    where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13
      && bytes[index + 3] == 10
    {
      return index
    }
    return nil
  }

  private struct Problem: Error {
    let reason: String
  }

  /// The status and how the body is framed, from the head's text.
  private static func head(_ raw: ArraySlice<UInt8>) -> Result<(Int, Body), Problem> {
    let lines = String(decoding: raw, as: UTF8.self).components(separatedBy: "\r\n")
    let statusLine = lines.first?.split(separator: " ", maxSplits: 2) ?? []
    guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/1."),
      let code = Int(statusLine[1]), (100...599).contains(code)
    else {
      return .failure(Problem(reason: "not an HTTP answer"))
    }
    var framing = Body.untilClose
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      if name == "transfer-encoding" && value.lowercased().contains("chunked") {
        framing = .chunked
      } else if name == "content-length", case .untilClose = framing {
        guard let length = Int(value), length >= 0 else {
          return .failure(Problem(reason: "an answer of unreadable length"))
        }
        framing = .length(length)
      }
    }
    // Answers that never have a body.
    if code == 204 || code == 304 || (100..<200).contains(code) { framing = .length(0) }
    return .success((code, framing))
  }

  /// The body of a complete chunked encoding, or nil while chunks are still to come.
  private static func dechunk(_ received: ArraySlice<UInt8>) -> Data? {
    var body = Data()
    var index = received.startIndex
    while true {
      guard let lineEnd = lineEnd(in: received, from: index) else { return nil }
      let sizeText =
        String(decoding: received[index..<lineEnd], as: UTF8.self)
        .split(separator: ";").first.map(String.init) ?? ""
      // Hex digits only (no sign), and no larger than an answer may be: a size from a broken
      // server must not make an index go wrong.
      let digits = sizeText.trimmingCharacters(in: .whitespaces)
      guard !digits.isEmpty, digits.count <= 8, digits.allSatisfy(\.isHexDigit),
        let size = Int(digits, radix: 16), size <= largest
      else {
        return nil
      }
      let start = lineEnd + 2
      if size == 0 { return body }
      guard received.endIndex - start >= size + 2 else { return nil }
      body.append(contentsOf: received[start..<(start + size)])
      index = start + size + 2
    }
  }

  private static func lineEnd(in bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
    var index = start
    while index + 1 < bytes.endIndex {
      if bytes[index] == 13 && bytes[index + 1] == 10 { return index }
      index += 1
    }
    return nil
  }
}
