/// A terminal colour: one of the eight named colours (and their bright forms), an xterm-256
/// palette number, or the terminal's own default.
public enum ThemeColor: Hashable, Sendable, Codable {
  case terminalDefault
  case palette(Int)

  static let names = [
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
  ]

  /// Reads `"cyan"`, `"bright-cyan"`, `"default"` or a number 0–255.
  public init?(name: String) {
    let lowered = name.lowercased()
    if lowered == "default" {
      self = .terminalDefault
    } else if let index = Self.names.firstIndex(of: lowered) {
      self = .palette(index)
    } else if lowered.hasPrefix("bright-"),
      let index = Self.names.firstIndex(of: String(lowered.dropFirst(7)))
    {
      self = .palette(index + 8)
    } else {
      return nil
    }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let number = try? container.decode(Int.self) {
      guard (0...255).contains(number) else {
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: "colour \(number) is not 0–255")
      }
      self = .palette(number)
      return
    }
    let name = try container.decode(String.self)
    guard let color = ThemeColor(name: name) else {
      throw DecodingError.dataCorruptedError(
        in: container,
        debugDescription: "unknown colour “\(name)” (use black, red, green, yellow, blue, "
          + "magenta, cyan, white, bright-NAME, default or 0–255)")
    }
    self = color
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .terminalDefault: try container.encode("default")
    case .palette(let index) where index < 8: try container.encode(Self.names[index])
    case .palette(let index) where index < 16:
      try container.encode("bright-" + Self.names[index - 8])
    case .palette(let index): try container.encode(index)
    }
  }

  /// The colour number for a terminal with `colors` colours (-1 for the default): palette colours
  /// beyond what the terminal has fall back to the basic eight.
  public func number(forTerminalColors colors: Int) -> Int {
    switch self {
    case .terminalDefault: return -1
    case .palette(let index):
      if index < colors { return index }
      if index < 16 { return index % 8 }
      return Self.nearestBasic(index)
    }
  }

  /// The basic colour closest to an xterm-256 colour, for 8- and 16-colour terminals.
  static func nearestBasic(_ index: Int) -> Int {
    if index >= 232 { return index >= 244 ? 7 : 0 }  // the grey ramp
    let cube = index - 16
    let (r, g, b) = (cube / 36, (cube / 6) % 6, cube % 6)
    // Levels 0–5 are 0, 95, 135, 175, 215, 255: from 135 on a channel reads as lit.
    let bits = (r >= 2 ? 1 : 0) | (g >= 2 ? 2 : 0) | (b >= 2 ? 4 : 0)
    return bits
  }
}
