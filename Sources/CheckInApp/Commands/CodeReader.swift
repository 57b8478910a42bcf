import CheckInCore
import Foundation

/// Splits `scan --stdin`'s input into codes the way scanners end them: CR, LF, CR LF or Tab each
/// end a code (a scanner set to send Tab between fields must not merge two members into one
/// invalid code). Blank codes are skipped. A run far longer than any member code is one overlong
/// token, its bytes dropped as they arrive, so a runaway input never fills the memory.
struct CodeReader {
  enum Token: Equatable {
    case code(String)
    /// A run of `bytes` bytes with no end in sight of a code's length.
    case overlong(bytes: Int)
  }

  /// Bytes kept of one code before it is taken as overlong: many times the longest code.
  static let longest = 4096

  private let read: () -> [UInt8]?
  private let stopped: () -> Bool
  private var pending: [UInt8] = []
  private var overlong = 0
  private var finished = false

  /// `read` gives the next bytes of the input, or nil at its end. When `stopped` says the input
  /// ended because the command was asked to stop, an unended last code is dropped: it may be the
  /// start of another (`GYM-1` of `GYM-13`), and checking that member in would be wrong.
  init(read: @escaping () -> [UInt8]?, stopped: @escaping () -> Bool = { false }) {
    self.read = read
    self.stopped = stopped
  }

  mutating func next() -> Token? {
    while true {
      if let token = take() { return token }
      if finished { return stopped() ? nil : flush() }
      if let bytes = read() {
        pending += bytes
      } else {
        finished = true
      }
    }
  }

  /// The next complete token in what has arrived, if any.
  private mutating func take() -> Token? {
    while let end = pending.firstIndex(where: Self.ends) {
      let run = pending[..<end]
      pending.removeFirst(end + 1)
      if overlong > 0 {
        let total = overlong + run.count
        overlong = 0
        return .overlong(bytes: total)
      }
      if let code = Self.code(run) { return .code(code) }
    }
    if pending.count > Self.longest {
      overlong += pending.count
      pending.removeAll(keepingCapacity: true)
    }
    return nil
  }

  private mutating func flush() -> Token? {
    defer {
      pending.removeAll()
      overlong = 0
    }
    if overlong > 0 { return .overlong(bytes: overlong + pending.count) }
    return Self.code(pending[...]).map(Token.code)
  }

  private static func ends(_ byte: UInt8) -> Bool {
    byte == 10 || byte == 13 || byte == 9
  }

  /// A code as text; nil for a blank one. Bytes that aren't UTF-8 stay visible as replacement
  /// characters, for the parser to refuse.
  private static func code(_ run: ArraySlice<UInt8>) -> String? {
    let text = String(decoding: run, as: UTF8.self)
    return text.trimmingCharacters(in: .whitespaces).isEmpty ? nil : text
  }
}
