/// Turns what a scanner (or a person) typed into a `ScanPayload`, refusing anything that can't be
/// a member code before it reaches a store.
public enum ScanParser {
  /// Longer than any code in the field (they run 5–60 characters) by a wide margin.
  public static let maximumLength = 128

  /// Parses raw bytes as a keyboard wedge or a pipe delivers them.
  public static func parse(bytes: some Collection<UInt8>) -> Result<ScanPayload, InvalidCode> {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      return .failure(.unreadableBytes)
    }
    return parse(text)
  }

  /// Parses one scanned line. Never traps, whatever the input.
  public static func parse(_ raw: String) -> Result<ScanPayload, InvalidCode> {
    // Scanners end codes with CR, LF or Tab depending on their setup; only the ends are trimmed.
    let trimmed = raw.unicodeScalars.trimmingEdges { $0.properties.isWhitespace || isControl($0) }
    if trimmed.isEmpty { return .failure(.empty) }
    if trimmed.count > maximumLength { return .failure(.tooLong(characters: trimmed.count)) }

    var code = String.UnicodeScalarView()
    for scalar in trimmed {
      if scalar == "\u{FFFD}" { return .failure(.unreadableBytes) }
      if isControl(scalar) { return .failure(.controlCharacters) }
      if scalar.properties.isWhitespace { return .failure(.containsSpaces) }
      if let digit = asciiDigit(forLocalDigit: scalar) {
        code.append(digit)
      } else if scalar.isASCII {
        code.append(scalar)
      } else {
        return .failure(.foreignCharacters(sample: String(Character(scalar))))
      }
    }
    let text = String(code)
    if let id = plainID(in: text) { return .success(.idForm(code: text, memberID: id)) }
    return .success(.code(text))
  }

  /// The member id if `code` is one of the plain id forms, else `nil`. Codes with anything after
  /// the number (a regenerated code's suffix) are not id forms: their digits are never used.
  public static func plainID(in code: String) -> Int64? {
    let lowered = code.lowercased()
    for prefix in ["customer_id:", "gym-", "cust-", ""] where lowered.hasPrefix(prefix) {
      let digits = lowered.dropFirst(prefix.count)
      guard (1...18).contains(digits.count), digits.allSatisfy(\.isASCIIDigitCharacter),
        let id = Int64(digits), id > 0
      else { continue }
      return id
    }
    return nil
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned,
      .privateUse:
      true
    default:
      false
    }
  }

  /// Receptionists on an Arabic keyboard type member numbers in Arabic-Indic digits.
  private static func asciiDigit(forLocalDigit scalar: Unicode.Scalar) -> Unicode.Scalar? {
    let value = scalar.value
    let base: UInt32
    switch value {
    case 0x0660...0x0669: base = 0x0660  // Arabic-Indic
    case 0x06F0...0x06F9: base = 0x06F0  // Extended Arabic-Indic (Persian, Urdu)
    default: return nil
    }
    return Unicode.Scalar(UInt8(48 + value - base))
  }
}

extension String.UnicodeScalarView {
  fileprivate func trimmingEdges(while shouldTrim: (Unicode.Scalar) -> Bool)
    -> Substring
    .UnicodeScalarView
  {
    guard let first = firstIndex(where: { !shouldTrim($0) }),
      let last = lastIndex(where: { !shouldTrim($0) })
    else { return Substring.UnicodeScalarView() }
    return self[first...last]
  }
}
