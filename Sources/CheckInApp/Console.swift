import CheckInCore
import CheckInTerminal
import Foundation

/// The program's standard streams, as values so tests can capture them.
public struct Console: Sendable {
  public var out: @Sendable (String) -> Void
  public var err: @Sendable (String) -> Void
  public var readLine: @Sendable () -> String?
  /// The next bytes of standard input, however they arrive; nil at its end.
  public var readBytes: @Sendable () -> [UInt8]?
  /// Progress lines are drawn only for a person watching.
  public var errorIsTerminal: Bool
  /// Whether standard input and output are a terminal the full-screen station can take over.
  public var isInteractive: Bool
  /// Asks a person for a secret (a password) without showing what is typed; `nil` when there is
  /// no terminal to ask on.
  public var readSecret: @Sendable (String) -> String?

  public init(
    out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
    readLine: @escaping @Sendable () -> String?, errorIsTerminal: Bool,
    isInteractive: Bool = false, readSecret: @escaping @Sendable (String) -> String? = { _ in nil },
    readBytes: (@Sendable () -> [UInt8]?)? = nil
  ) {
    self.out = out
    self.err = err
    self.readLine = readLine
    self.readBytes = readBytes ?? { readLine().map { Array(($0 + "\n").utf8) } }
    self.errorIsTerminal = errorIsTerminal
    self.isInteractive = isInteractive
    self.readSecret = readSecret
  }

  /// The process's own stdin, stdout and stderr.
  public static var standard: Console {
    Console(
      out: { StandardStreams.writeOutput($0) },
      err: { StandardStreams.writeError($0) },
      readLine: { Swift.readLine(strippingNewline: true) },
      errorIsTerminal: isatty(STDERR_FILENO) == 1,
      isInteractive: isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1,
      readSecret: SecretPrompt.ask,
      readBytes: {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        // A stop signal ends the input (`StopSignals`), even while the read waits.
        guard let count = StopSignals.readInput(into: &buffer), count > 0 else { return nil }
        return Array(buffer[0..<count])
      })
  }

  /// Every line of output carries data (names, notes, codes, a server's words): each goes
  /// through the one sanitiser on its way to whatever terminal reads it.
  func line(_ text: String) { out(TerminalText.safe(text, lineBreaks: true) + "\n") }
  func warn(_ text: String) { err("checkin: \(TerminalText.safe(text, lineBreaks: true))\n") }
}

/// The process's exit statuses, as documented in `checkin help scan`.
public enum ExitCode: Int32, Sendable {
  case success = 0
  case failure = 1
  case usage = 2
  case refused = 3
  /// Stopped by SIGHUP, SIGINT or SIGTERM after finishing the work in hand (128 + the signal, as
  /// a shell reports it).
  case hungUp = 129
  case interrupted = 130
  case terminated = 143

  init(stoppedBy signal: Int32) {
    switch signal {
    case SIGHUP: self = .hungUp
    case SIGINT: self = .interrupted
    default: self = .terminated
    }
  }
}
