/// How one role looks: colours and attributes. A monochrome theme uses attributes only.
public struct Style: Hashable, Sendable, Codable {
  public var foreground: ThemeColor?
  public var background: ThemeColor?
  public var bold: Bool
  public var dim: Bool
  public var underline: Bool
  public var reverse: Bool

  public init(
    foreground: ThemeColor? = nil, background: ThemeColor? = nil, bold: Bool = false,
    dim: Bool = false, underline: Bool = false, reverse: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.dim = dim
    self.underline = underline
    self.reverse = reverse
  }

  enum CodingKeys: String, CodingKey {
    case foreground = "fg"
    case background = "bg"
    case bold, dim, underline, reverse
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    foreground = try container.decodeIfPresent(ThemeColor.self, forKey: .foreground)
    background = try container.decodeIfPresent(ThemeColor.self, forKey: .background)
    bold = try container.decodeIfPresent(Bool.self, forKey: .bold) ?? false
    dim = try container.decodeIfPresent(Bool.self, forKey: .dim) ?? false
    underline = try container.decodeIfPresent(Bool.self, forKey: .underline) ?? false
    reverse = try container.decodeIfPresent(Bool.self, forKey: .reverse) ?? false
  }

  /// This style without its colours, for terminals that have none. A style that sets a
  /// background stands out by it (a highlighted choice, a banner), so without colour it is
  /// reversed instead: bold alone would look like any other value.
  public var monochrome: Style {
    Style(bold: bold, dim: dim, underline: underline, reverse: reverse || background != nil)
  }

  public var usesColor: Bool { foreground != nil || background != nil }
}
