/// One terminal cell: a grapheme and the role that colours it.
public struct Cell: Hashable, Sendable {
  /// The grapheme shown; empty for the right half of a two-column grapheme.
  public var text: String
  public var role: Role

  public init(_ text: String, role: Role) {
    self.text = text
    self.role = role
  }

  public static let blank = Cell(" ", role: .normal)

  /// True for the second column of a wide grapheme, which the terminal fills by itself.
  public var isContinuation: Bool { text.isEmpty }
}
