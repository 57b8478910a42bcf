import CNCursesW

/// SIGINT, SIGTERM and SIGHUP as a request to stop after the work in hand, for commands that read
/// their input to its end. See `ckt_install_stop_signals`.
public enum StopSignals {
  public static func install() { ckt_install_stop_signals() }

  /// Reads standard input into `buffer`: the bytes read, `[]` at its end, `nil` on an error or
  /// once a stop signal has arrived.
  public static func readInput(into buffer: inout [UInt8]) -> Int? {
    let count = buffer.withUnsafeMutableBytes { ckt_read_input($0.baseAddress, UInt($0.count)) }
    return count >= 0 ? count : nil
  }

  /// The signal received, or `nil`.
  public static var received: Int32? {
    let number = ckt_stop_signal()
    return number == 0 ? nil : number
  }
}
