import Foundation

/// The program's standard streams, as values so tests can capture them.
public struct Console: Sendable {
  public var out: @Sendable (String) -> Void
  public var err: @Sendable (String) -> Void
  public var readLine: @Sendable () -> String?
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
    isInteractive: Bool = false, readSecret: @escaping @Sendable (String) -> String? = { _ in nil }
  ) {
    self.out = out
    self.err = err
    self.readLine = readLine
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
      readSecret: SecretPrompt.ask)
  }

  func line(_ text: String) { out(text + "\n") }
  func warn(_ text: String) { err("checkin: \(text)\n") }
}

/// The process's exit statuses, as documented in `checkin help scan`.
public enum ExitCode: Int32, Sendable {
  case success = 0
  case failure = 1
  case usage = 2
  case refused = 3
}
