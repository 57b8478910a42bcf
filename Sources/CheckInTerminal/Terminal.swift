import CNCursesW
import CheckInUI
import Foundation

/// The terminal, full-screen: the only place that talks to ncurses. Confine it to one thread;
/// ncurses is not thread-safe.
public final class Terminal: TerminalDevice {
  /// Why the terminal can't be used.
  public enum StartError: Error, Equatable {
    case notATerminal
    case unknownTerminal(String)
    case dumbTerminal(String)

    public var message: String {
      switch self {
      case .notATerminal:
        "The station needs a terminal; use the commands (checkin scan, search, today) in scripts"
      case .unknownTerminal(let term):
        "This terminal (TERM=\(term)) is unknown here, nor are xterm or vt100 — set TERM"
      case .dumbTerminal(let term):
        "This terminal (TERM=\(term)) can't move the cursor — use a full terminal or the commands"
      }
    }
  }

  /// What interrupted a wait.
  public struct Wake: Equatable, Sendable {
    public var input = false
    public var hangUp = false
    public var wakePipe = false
    public var signals: [Int32] = []
  }

  public private(set) var terminalType = ""
  private var signalFD: Int32 = -1
  private var started = false
  private var palette = Palette(theme: .mono, colors: 0)
  private var previous: ScreenBuffer?

  public init() {}

  /// Display widths as the terminal library computes them (valid after `start`).
  public static let width = TextWidth { scalar in Int(ckt_wcwidth(scalar.value)) }

  /// Takes over the screen. `theme` is shown in colour if the terminal has colours and
  /// `allowColor` is set.
  public func start(theme: Theme, allowColor: Bool) throws(StartError) {
    var used = [CChar](repeating: 0, count: 64)
    let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
    switch ckt_start(&used, Int32(used.count)) {
    case Int32(CKT_OK): break
    case Int32(CKT_NOT_A_TERMINAL): throw .notATerminal
    case Int32(CKT_DUMB_TERMINAL): throw .dumbTerminal(term)
    default: throw .unknownTerminal(term)
    }
    started = true
    terminalType = String(
      decoding: used.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    signalFD = ckt_install_signals()
    apply(theme: theme, allowColor: allowColor)
  }

  /// Gives the screen back. Safe to call more than once.
  public func stop() {
    guard started else { return }
    started = false
    ckt_stop()
  }

  /// Colours available (0 when the terminal has none).
  public var colors: Int { Int(ckt_colors()) }

  public func apply(theme: Theme, allowColor: Bool) {
    let colors = allowColor ? Int(ckt_colors()) : 0
    palette = Palette(theme: colors > 0 ? theme : theme.monochrome, colors: colors)
    for (role, pair) in palette.pairs {
      let colors = palette.colors(for: role)
      ckt_define_pair(Int32(pair), Int32(colors.foreground), Int32(colors.background))
    }
    previous = nil
  }

  public var size: Size { Size(width: Int(ckt_cols()), height: Int(ckt_lines())) }

  /// Copies `frame` to the screen, writing only the cells that changed since the last frame.
  /// Returns how many cells were written.
  @discardableResult
  public func draw(_ frame: ScreenBuffer, full: Bool) -> Int {
    let changes = frame.changes(since: full ? nil : previous)
    var scalars: [wchar_t] = []
    for change in changes {
      scalars.removeAll(keepingCapacity: true)
      for scalar in change.cell.text.unicodeScalars.prefix(5) {
        scalars.append(wchar_t(bitPattern: scalar.value))
      }
      let style = palette.attributes(for: change.cell.role)
      ckt_put(
        Int32(change.y), Int32(change.x), scalars, Int32(scalars.count), style.attributes,
        style.pair)
    }
    ckt_flush(full ? 1 : 0)
    previous = frame
    return changes.count
  }

  /// Waits for input, a signal, the wake pipe, or `timeout` seconds.
  public func wait(timeout: Double, wakeFD: Int32) -> Wake {
    let milliseconds = Int32(max(0, min(timeout, 60)) * 1000)
    let mask = ckt_wait(signalFD, wakeFD, milliseconds)
    var wake = Wake()
    wake.input = mask & 1 != 0
    wake.hangUp = mask & 4 != 0
    wake.wakePipe = mask & 8 != 0
    if mask & 2 != 0 {
      while case let number = ckt_take_signal(), number != 0 { wake.signals.append(number) }
    }
    return wake
  }

  public var measure: TextWidth { Self.width }

  /// Everything the terminal sent, undecoded: with keypad mode off, ncurses hands over the
  /// bytes of escape sequences as they came, and `KeyDecoder` knows more terminals than terminfo.
  public func readInput() -> TerminalInput {
    var input = TerminalInput()
    var value: UInt32 = 0
    while input.scalars.count < 4096 {
      let kind = ckt_read_key(&value)
      if kind == Int32(CKT_NONE) { break }
      if kind == Int32(CKT_KEY) {
        if value == UInt32(CKT_KEY_RESIZE) { input.resized = true }
      } else if let scalar = Unicode.Scalar(value) {
        input.scalars.append(scalar)
      }
    }
    return input
  }

  public func beep() {
    ckt_beep()
  }
}
