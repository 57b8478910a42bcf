import Foundation

/// The screen and keyboard the station runs on: ncurses in the field, a fake in tests.
public protocol TerminalDevice: AnyObject {
  var size: Size { get }
  /// Display widths as this terminal computes them.
  var measure: TextWidth { get }
  /// Everything the terminal sent since the last call, as read, without waiting.
  func readInput() -> TerminalInput
  /// Shows `frame`; `full` repaints every cell (after a resize or Ctrl-L). Returns how many cells
  /// changed.
  @discardableResult func draw(_ frame: ScreenBuffer, full: Bool) -> Int
  func beep()
}

/// What one read of the terminal found.
public struct TerminalInput: Hashable, Sendable {
  /// The characters and control codes sent, escape sequences not yet decoded.
  public var scalars: [Unicode.Scalar]
  /// The window changed size.
  public var resized: Bool

  public init(scalars: [Unicode.Scalar] = [], resized: Bool = false) {
    self.scalars = scalars
    self.resized = resized
  }
}

/// The station's two clocks: a monotonic one for key timing and bells, the wall clock for
/// what the reducer and the screen show.
public protocol StationClock: AnyObject {
  /// Seconds on a clock that never jumps.
  var monotonic: Double { get }
  var now: Date { get }
}

/// The real clocks.
public final class SystemClock: StationClock {
  private let started = ContinuousClock.now

  public init() {}

  public var monotonic: Double {
    let elapsed = ContinuousClock.now - started
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }

  public var now: Date { Date() }
}
