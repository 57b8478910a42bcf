import Testing

@testable import CheckInCore

/// Throws tens of thousands of random and hostile lines at the parser. Whatever comes in, it must
/// answer (never trap) with either a payload that is safe to hand to a store or a reason.
@Suite struct ScanParserFuzzTests {
  @Test func randomAndHostileInputKeepsThePayloadInvariants() {
    var fuzz = Fuzz(seed: 0x5CA7_C0DE_2026)
    fuzz.randomBytes(count: 6000)
    fuzz.randomScalars(count: 5000)
    fuzz.codesWithJunk(count: 4000)
    fuzz.hostileLines(count: 4000)
    fuzz.idShapedCodes(count: 3000)
    fuzz.longLines(count: 40)
    #expect(fuzz.checked >= 20_000)
    #expect(fuzz.violations.isEmpty, "\(fuzz.violations.prefix(10).joined(separator: "\n"))")
  }
}

private struct Fuzz {
  var rng: SplitMix64
  var checked = 0
  var violations: [String] = []

  init(seed: UInt64) {
    rng = SplitMix64(seed: seed)
  }

  static let hostile: [String] = [
    "' OR 1=1 --", "\"; DROP TABLE customers; --", "1; DELETE FROM attendance", "%n%s%x%p",
    "%s%s%s%s%s%s", "{{7*7}}", "${jndi:ldap://x/a}", "../../etc/passwd",
    "<script>alert(1)</script>",
    "$(rm -rf /)", "`id`", "\u{0}", "NULL", "😀👍🏽🇪🇬", "👨‍👩‍👧‍👦", "\u{202E}GYM-115",
    "\u{200F}\u{200E}\u{202B}", "أحمد", "GYM-١١٥", "Z\u{0351}\u{0352}\u{0353}\u{0354}", "\u{FFFD}",
    "\u{FEFF}", "\r\n\r\n", "\u{1B}[31m", "customer_id:", "GYM-115-9F3A0C1B", "%00", "\\x00",
    "\u{10FFFF}", "\u{E000}", "ﷺ", "\u{2028}", "0x7FFFFFFFFFFFFFFF", "-9223372036854775808",
  ]

  static let junk: [Unicode.Scalar] = [
    "\0", "\u{7}", "\u{8}", "\t", "\n", "\r", "\u{1B}", "\u{7F}", "\u{85}", "\u{200E}",
    "\u{200F}", "\u{FEFF}", "\u{2028}", "\u{2029}", " ", "\u{A0}", "\u{3000}", "\u{2003}",
  ]

  static let prefixes = [
    "", "customer_id:", "CUSTOMER_ID:", "GYM-", "gym-", "Gym-", "CUST-", "cust-",
  ]

  // MARK: Generators

  /// Bytes as a misconfigured scanner or a pipe delivers them, valid UTF-8 or not.
  mutating func randomBytes(count: Int) {
    for _ in 0..<count {
      let length = Int.random(in: 0...48, using: &rng)
      var bytes: [UInt8] = []
      for _ in 0..<length {
        switch Int.random(in: 0..<20, using: &rng) {
        case 0..<12: bytes.append(UInt8.random(in: 0x21...0x7E, using: &rng))
        case 12..<14: bytes.append(UInt8.random(in: 0...0x20, using: &rng))
        default: bytes.append(UInt8.random(in: 0...255, using: &rng))
        }
      }
      let result = ScanParser.parse(bytes: bytes)
      let decoded = String(decoding: bytes, as: UTF8.self)
      if Array(decoded.utf8) == bytes {
        expect(result == ScanParser.parse(decoded), "bytes disagree with text", bytes)
      } else {
        expect(result == .failure(.unreadableBytes), "invalid UTF-8 not refused", bytes)
      }
      check(result, input: "\(bytes)")
    }
  }

  /// Any scalar at all, from the whole code space.
  mutating func randomScalars(count: Int) {
    for _ in 0..<count {
      var text = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0...32, using: &rng) {
        text.append(randomScalar())
      }
      check(ScanParser.parse(String(text)), input: String(text))
    }
  }

  /// A good code with control characters and spaces around or inside it: around is trimmed,
  /// inside is refused for the first offending character.
  mutating func codesWithJunk(count: Int) {
    for _ in 0..<count {
      let code = randomPrintableASCII(length: Int.random(in: 1...40, using: &rng))
      var text = String.UnicodeScalarView(randomJunk(upTo: 3))
      var firstInside: Unicode.Scalar?
      for (offset, scalar) in code.unicodeScalars.enumerated() {
        if offset > 0, Bool.random(using: &rng), Int.random(in: 0..<4, using: &rng) == 0 {
          let inside = randomJunk(upTo: 2)
          if firstInside == nil { firstInside = inside.first }
          text.append(contentsOf: inside)
        }
        text.append(scalar)
      }
      text.append(contentsOf: randomJunk(upTo: 3))
      let input = String(text)
      let result = ScanParser.parse(input)
      if let firstInside {
        let reason: InvalidCode =
          Self.isControlLike(firstInside) ? .controlCharacters : .containsSpaces
        expect(result == .failure(reason), "junk inside not refused as \(reason)", input)
      } else {
        let payload = ScanParser.plainID(in: code).map {
          ScanPayload.idForm(code: code, memberID: $0)
        }
        expect(result == .success(payload ?? .code(code)), "edges not trimmed", input)
      }
      check(result, input: input)
    }
  }

  /// Injection attempts, format strings, emoji and bidi marks, alone and spliced into codes.
  mutating func hostileLines(count: Int) {
    for line in Self.hostile {
      check(ScanParser.parse(line), input: line)
    }
    for _ in 0..<count {
      let pick = Self.hostile[Int.random(in: 0..<Self.hostile.count, using: &rng)]
      let code = "GYM-\(Int.random(in: 1...9999, using: &rng))"
      let input: String
      switch Int.random(in: 0..<4, using: &rng) {
      case 0: input = pick + code
      case 1: input = code + pick
      case 2:
        input = code + pick + String(Self.junk[Int.random(in: 0..<Self.junk.count, using: &rng)])
      default: input = pick + Self.hostile[Int.random(in: 0..<Self.hostile.count, using: &rng)]
      }
      check(ScanParser.parse(input), input: input)
      check(ScanParser.parse(bytes: Array(input.utf8)), input: input)
    }
  }

  /// Id-shaped codes with leading zeros, zero, too many digits and suffixes: only a bare number
  /// that fits and isn't zero is an id form.
  mutating func idShapedCodes(count: Int) {
    for _ in 0..<count {
      let prefix = Self.prefixes[Int.random(in: 0..<Self.prefixes.count, using: &rng)]
      var digits = ""
      for _ in 0..<Int.random(in: 1...22, using: &rng) {
        digits.append(String(Int.random(in: 0...9, using: &rng)))
      }
      let suffix = Bool.random(using: &rng) ? "" : "-" + randomPrintableASCII(length: 8)
      let code = prefix + digits + suffix
      let value = Int64(digits)
      let result = ScanParser.parse(code)
      if suffix.isEmpty, let value, value > 0, digits.count <= 18 {
        expect(result == .success(.idForm(code: code, memberID: value)), "id form missed", code)
      } else if suffix.isEmpty, let value, value > 0 {
        // Over 18 digits yet fitting (19 digits, or zero-padded): the id or an exact-only code
        // are both safe readings, as long as the id is the number itself.
        let asID = result == .success(.idForm(code: code, memberID: value))
        expect(asID || result == .success(.code(code)), "long id misread", code)
      } else {
        expect(result == .success(.code(code)), "zero, overflow or suffix read as an id", code)
      }
      check(result, input: code)
    }
  }

  /// Lines of 10 KB, as a stuck scanner or a pasted file produces.
  mutating func longLines(count: Int) {
    for index in 0..<count {
      var text = String.UnicodeScalarView()
      for _ in 0..<10_240 {
        text.append(index.isMultiple(of: 2) ? randomScalar() : "7")
      }
      let input = String(text)
      let result = ScanParser.parse(input)
      if !index.isMultiple(of: 2) {
        expect(result == .failure(.tooLong(characters: 10_240)), "long line accepted", "7×10240")
      }
      check(result, input: "10 KB line #\(index)")
    }
  }

  // MARK: Invariants

  /// What every answer must satisfy, whatever the input.
  mutating func check(_ result: Result<ScanPayload, InvalidCode>, input: String) {
    checked += 1
    guard case .success(let payload) = result else { return }
    let text: String
    switch payload {
    case .idForm(let code, let id):
      text = code
      expect(id > 0 && ScanParser.plainID(in: code) == id, "bad id form \(payload)", input)
    case .code(let code):
      text = code
      expect(ScanParser.plainID(in: code) == nil, "exact-only code has an id", input)
    case .member:
      expect(false, "a scan produced a member pick", input)
      return
    }
    let scalars = text.unicodeScalars
    expect(!scalars.isEmpty, "empty payload", input)
    expect(scalars.count <= ScanParser.maximumLength, "payload too long", input)
    expect(scalars.allSatisfy { (0x21...0x7E).contains($0.value) }, "non-printable payload", input)
    expect(ScanParser.parse(text) == result, "payload doesn't parse to itself", input)
  }

  private mutating func expect(
    _ condition: Bool, _ what: String, _ input: some CustomDebugStringConvertible
  ) {
    if !condition { violations.append("\(what): \(input.debugDescription)") }
  }

  // MARK: Pieces

  private mutating func randomScalar() -> Unicode.Scalar {
    while true {
      let value: UInt32 =
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: UInt32.random(in: 0...0x7F, using: &rng)
        case 1: UInt32.random(in: 0x80...0x7FF, using: &rng)
        case 2: UInt32.random(in: 0x800...0xFFFF, using: &rng)
        default: UInt32.random(in: 0x1_0000...0x10_FFFF, using: &rng)
        }
      if let scalar = Unicode.Scalar(value) { return scalar }
    }
  }

  private mutating func randomPrintableASCII(length: Int) -> String {
    var text = String.UnicodeScalarView()
    for _ in 0..<length {
      text.append(Unicode.Scalar(UInt8.random(in: 0x21...0x7E, using: &rng)))
    }
    return String(text)
  }

  private mutating func randomJunk(upTo limit: Int) -> [Unicode.Scalar] {
    (0..<Int.random(in: 0...limit, using: &rng)).map { _ in
      Self.junk[Int.random(in: 0..<Self.junk.count, using: &rng)]
    }
  }

  /// Mirrors the categories the station treats as control characters, for the oracle above.
  private static func isControlLike(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned: true
    default: false
    }
  }
}
