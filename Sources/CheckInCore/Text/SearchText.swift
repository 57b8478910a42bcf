import Foundation

/// Folds names and queries into the form the search index holds, so that what a receptionist types
/// finds the member however the name was spelled in the records.
///
/// Latin: case and accents are ignored (`José` = `jose`). Arabic: short vowels and tatweel are
/// dropped and the letters people interchange when typing are unified (`أحمد` = `احمد`,
/// `فاطمة` = `فاطمه`, `مصطفى` = `مصطفي`). Digits in Arabic script become ASCII digits. Every other
/// script keeps its letters and spacing vowel signs and drops its nonspacing marks, the same way
/// for the name and the query. Each emoji is a word of its own (`Omar💪` is `omar` and `💪`).
public enum SearchText {
  /// Which folding this program does. Raised whenever a name folds differently, so that a store
  /// folds the names it holds again (1: emoji separated words; 2: each emoji is a word, and
  /// invisible format characters such as joiners are dropped; 3: a flag's two regional
  /// indicators are one word, so 🇬🇪 doesn't find 🇪🇬).
  public static let foldVersion = 3

  /// The folded words of `text`, in order. Anything that isn't a letter, digit or emoji separates
  /// words; an emoji is a word by itself.
  public static func words(_ text: String) -> [String] {
    var words: [String] = []
    var current = String.UnicodeScalarView()
    // The last word is a lone regional indicator, waiting for the second letter of its flag.
    var flagOpen = false
    func flush() {
      if !current.isEmpty { words.append(String(current)) }
      current = String.UnicodeScalarView()
    }
    for scalar in text.decomposedForSearch.unicodeScalars {
      switch fold(scalar) {
      case .dropped:
        break
      case .separator:
        flush()
        flagOpen = false
      case .letter(let folded):
        current.append(folded)
        flagOpen = false
      case .word(let folded):
        flush()
        let indicator = isRegionalIndicator(folded)
        if indicator && flagOpen, let first = words.popLast() {
          words.append(first + String(folded))
          flagOpen = false
        } else {
          words.append(String(folded))
          flagOpen = indicator
        }
      }
    }
    flush()
    return words
  }

  private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
    (0x1F1E6...0x1F1FF).contains(scalar.value)
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

  private enum Folded {
    case dropped
    case separator
    /// Part of the current word.
    case letter(Unicode.Scalar)
    /// A word by itself, whatever is next to it.
    case word(Unicode.Scalar)
  }

  private static func fold(_ scalar: Unicode.Scalar) -> Folded {
    if let digit = asciiDigit(scalar) { return .letter(digit) }
    switch scalar.value {
    case 0x064B...0x065F, 0x0670, 0x0640:  // Arabic harakat, superscript alef, tatweel
      return .dropped
    case 0x0622, 0x0623, 0x0625, 0x0671:  // آ أ إ ٱ
      return .letter("\u{0627}")
    case 0x0629:  // ة
      return .letter("\u{0647}")
    case 0x0649:  // ى
      return .letter("\u{064A}")
    case 0x0624:  // ؤ
      return .letter("\u{0648}")
    case 0x0626:  // ئ
      return .letter("\u{064A}")
    case 0x200B:  // zero width space: invisible, but there to separate words
      return .separator
    default:
      break
    }
    let properties = scalar.properties
    // Skin tones only restyle the emoji before them: 👍🏽 is 👍.
    if properties.isEmojiModifier { return .dropped }
    // Accents after decomposition, Indic viramas, Thai tone marks, emoji variation selectors.
    if properties.generalCategory == .nonspacingMark { return .dropped }
    // Invisible joiners (ZWJ in 👨‍👩‍👧, ZWNJ inside Persian words), soft hyphens and the tags of
    // flag sequences: nobody types them, so they must not split a word.
    if properties.generalCategory == .format { return .dropped }
    // Swift exposes the Emoji property, not Extended_Pictographic. Outside ASCII (where #, * and
    // digits only start keycaps) it holds every emoji, the regional indicators of flags included;
    // the pictographs it lacks are symbols no emoji keyboard offers.
    if properties.isEmoji && !scalar.isASCII { return .word(scalar) }
    if properties.isAlphabetic {
      // Single-scalar lowercase keeps the index and the query byte-identical.
      let lower = properties.lowercaseMapping.unicodeScalars
      return .letter(lower.count == 1 ? lower.first ?? scalar : scalar)
    }
    if properties.numericType != nil { return .letter(scalar) }
    return .separator
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
