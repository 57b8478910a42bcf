/// A key, as `KeyDecoder` reads it from the bytes the terminal sent.
public enum KeyEvent: Hashable, Sendable {
  /// A printable character.
  case character(Character)
  /// Ctrl plus a letter (`.control("c")` is Ctrl-C), as a raw-mode terminal delivers it.
  case control(Character)
  case enter
  case escape
  case backspace
  case delete
  case tab
  case backTab
  case up
  case down
  case left
  case right
  case home
  case end
  case pageUp
  case pageDown
  /// F1…F12.
  case function(Int)

  /// Reads a Unicode scalar from the terminal: control codes become named keys.
  public init?(scalar: Unicode.Scalar) {
    switch scalar.value {
    case 0x0D, 0x0A: self = .enter
    case 0x1B: self = .escape
    case 0x09: self = .tab
    case 0x08, 0x7F: self = .backspace
    case 0x01...0x1A:
      self = .control(Character(Unicode.Scalar(UInt8(scalar.value) + 0x60)))
    case 0x00, 0x1C...0x1F: return nil
    default:
      guard scalar.properties.generalCategory != .control else { return nil }
      self = .character(Character(scalar))
    }
  }

  /// How the help overlay and the status line name the key.
  public var label: String {
    switch self {
    case .character(" "): "Space"
    case .character(let character): String(character)
    case .control(let letter): "Ctrl-\(letter.uppercased())"
    case .enter: "Enter"
    case .escape: "Esc"
    case .backspace: "Backspace"
    case .delete: "Del"
    case .tab: "Tab"
    case .backTab: "Shift-Tab"
    case .up: "↑"
    case .down: "↓"
    case .left: "←"
    case .right: "→"
    case .home: "Home"
    case .end: "End"
    case .pageUp: "PgUp"
    case .pageDown: "PgDn"
    case .function(let number): "F\(number)"
    }
  }
}
