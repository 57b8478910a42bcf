import Foundation

/// Folds names and queries into the form the search index holds, so that what a receptionist types
/// finds the member however the name was spelled in the records.
///
/// Latin: case and accents are ignored (`José` = `jose`). Arabic: short vowels and tatweel are
/// dropped and the letters people interchange when typing are unified (`أحمد` = `احمد`,
/// `فاطمة` = `فاطمه`, `مصطفى` = `مصطفي`). Digits in Arabic script become ASCII digits.
public enum SearchText {
  /// The folded words of `text`, in order. Anything that isn't a letter or digit separates words.
  public static func words(_ text: String) -> [String] {
    var words: [String] = []
    var current = String.UnicodeScalarView()
    func flush() {
      if !current.isEmpty { words.append(String(current)) }
      current = String.UnicodeScalarView()
    }
    for scalar in text.decomposedForSearch.unicodeScalars {
      if let folded = fold(scalar) {
        if folded == " " { flush() } else { current.append(folded) }
      }
    }
    flush()
    return words
  }

  /// The folded words joined by single spaces: the form stored beside each name.
  public static func normalized(_ text: String) -> String {
    words(text).joined(separator: " ")
  }

  /// The digits of a phone number, for matching however it was written (`+20 100-123 4567`).
  public static func digits(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if let digit = asciiDigit(scalar) { result.append(digit) }
    }
    return String(result)
  }

  /// `nil` drops the scalar; `" "` separates words.
  private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    if let digit = asciiDigit(scalar) { return digit }
    switch scalar.value {
    case 0x064B...0x065F, 0x0670, 0x0640:  // Arabic harakat, superscript alef, tatweel
      return nil
    case 0x0622, 0x0623, 0x0625, 0x0671:  // آ أ إ ٱ
      return "\u{0627}"
    case 0x0629:  // ة
      return "\u{0647}"
    case 0x0649:  // ى
      return "\u{064A}"
    case 0x0624:  // ؤ
      return "\u{0648}"
    case 0x0626:  // ئ
      return "\u{064A}"
    default:
      break
    }
    let properties = scalar.properties
    if properties.generalCategory == .nonspacingMark { return nil }  // accents after decomposition
    if properties.isAlphabetic {
      // Single-scalar lowercase keeps the index and the query byte-identical.
      let lower = properties.lowercaseMapping.unicodeScalars
      return lower.count == 1 ? lower.first : scalar
    }
    if properties.numericType != nil { return scalar }
    return " "
  }

  private static func asciiDigit(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    let value = scalar.value
    switch value {
    case 0x30...0x39: return scalar
    case 0x0660...0x0669: return Unicode.Scalar(UInt8(48 + value - 0x0660))
    case 0x06F0...0x06F9: return Unicode.Scalar(UInt8(48 + value - 0x06F0))
    default: return nil
    }
  }
}

extension String {
  /// Canonical decomposition splits `é` into `e` and a combining accent the folding drops.
  fileprivate var decomposedForSearch: String { decomposedStringWithCanonicalMapping }
}
