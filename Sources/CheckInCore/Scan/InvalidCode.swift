/// Why a scan can't be a member code. Each reason tells the desk what to do next.
public enum InvalidCode: Error, Hashable, Sendable {
  case empty
  case tooLong(characters: Int)
  case controlCharacters
  /// Bytes that aren't valid UTF-8: a scanner set to another encoding.
  case unreadableBytes
  /// Characters no member code uses, e.g. Arabic letters from a scanner typing through an Arabic
  /// keyboard layout.
  case foreignCharacters(sample: String)
  case containsSpaces

  public var message: String {
    switch self {
    case .empty:
      "Nothing was scanned"
    case .tooLong(let count):
      "That scan is too long to be a member code (\(count) characters) — scan again"
    case .controlCharacters:
      "The scanner sent control characters — scan again"
    case .unreadableBytes:
      "The scanner sent unreadable bytes — check its encoding setting"
    case .foreignCharacters(let sample):
      "Member codes don't contain “\(sample)” — check the scanner's keyboard layout"
    case .containsSpaces:
      "Member codes have no spaces — scan again or search by name"
    }
  }
}
