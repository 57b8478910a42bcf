import Foundation
import Synchronization

/// The process's standard output and error, written the way a Unix tool should: output that
/// nobody reads any more (`checkin today | head -1`) ends the command quietly, like `git log`
/// under `head`, and no further check-in is made for a reader who is gone; output that can't be
/// written (a full disk, a closed stream) is one line on standard error and status 1. Never a
/// Swift runtime trap from an output path.
public enum StandardStreams {
  /// The status a command ends with when its reader went away: what a shell reports for a
  /// process ended by SIGPIPE.
  static let brokenPipeStatus: Int32 = 128 + SIGPIPE

  /// Which of 0, 1, 2 the process started without.
  private static let closedAtStart = Mutex<Set<Int32>>([])

  /// Opens /dev/null on any of the three standard descriptors that the process was started
  /// without, before anything else opens a file: otherwise the next file opened (a database!)
  /// would take descriptor 1 and receive the output. Writes to such a stream are then reported
  /// as failed, not lost in /dev/null.
  public static func reserveClosedDescriptors() {
    var closed: Set<Int32> = []
    for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
      let opened = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
      if opened == descriptor { closed.insert(descriptor) } else if opened >= 0 { close(opened) }
    }
    closedAtStart.withLock { $0 = closed }
  }

  /// Writes `text` to standard output, ending the process if that can't be done.
  static func writeOutput(_ text: String) {
    guard let failure = write(text, to: STDOUT_FILENO) else { return }
    if failure == EPIPE { exit(brokenPipeStatus) }
    writeError("checkin: can't write the output (\(describe(failure))) — stopped here\n")
    exit(1)
  }

  /// Writes `text` to standard error; if that can't be done there is nowhere left to say so.
  static func writeError(_ text: String) {
    _ = write(text, to: STDERR_FILENO)
  }

  /// Every byte of `text` to `descriptor`, or the errno that stopped it.
  private static func write(_ text: String, to descriptor: Int32) -> Int32? {
    if closedAtStart.withLock({ $0.contains(descriptor) }) { return EBADF }
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
      if written > 0 {
        bytes = bytes.dropFirst(written)
      } else if written < 0 && errno == EINTR {
        continue
      } else {
        return written < 0 ? errno : EIO
      }
    }
    return nil
  }

  private static func describe(_ failure: Int32) -> String {
    failure == EBADF ? "the stream is closed" : String(cString: strerror(failure))
  }
}
