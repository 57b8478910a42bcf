/// The one rule for text from data (members' names, phones, notes, codes, a server's words) on
/// its way to a terminal, a log or a hook: no scalar that a terminal would obey rather than draw.
/// C0 and C1 controls and DEL (ESC can clear a screen or retitle a window; U+009B is a CSI on
/// some terminals) become `�`, so that something visibly was there; bidi embeddings, overrides
/// and isolates, which reorder the rest of a line, are dropped. Import refuses both, so only data
/// that came another way (an older file, another program, a server) is ever changed.
public enum TerminalText {
  /// A control a terminal would act on.
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  /// U+202A…U+202E (embeddings, overrides) and U+2066…U+2069 (isolates).
  public static func reorders(_ scalar: Unicode.Scalar) -> Bool {
    (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
  }

  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    isControl(scalar) || reorders(scalar)
  }

  /// `text` as it may reach a terminal. Line breaks (LF) are kept when `lineBreaks` is set, for
  /// text of several lines; a CR never is (it rewrites the line it ends).
  public static func safe(_ text: String, lineBreaks: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if reorders(scalar) { continue }
      if scalar == "\n" && lineBreaks {
        result.append(scalar)
      } else if scalar == "\t" {
        result.append(" ")
      } else if isControl(scalar) {
        result.append("\u{FFFD}")
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }
}
