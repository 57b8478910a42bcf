import CheckInCore
import Foundation
import Synchronization

/// Where finished effects leave their answers for the station's loop, which sleeps in `poll`: a
/// byte on the wake pipe interrupts the sleep.
final class Inbox: Sendable {
  enum Delivery: Sendable {
    case event(StationEvent)
    case note(String)
  }

  private let deliveries = Mutex<[Delivery]>([])
  let readFD: Int32
  private let writeFD: Int32

  init() throws {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { throw POSIXError(.EMFILE) }
    readFD = ends[0]
    writeFD = ends[1]
    for fd in ends {
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
      _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }
  }

  deinit {
    close(readFD)
    close(writeFD)
  }

  func post(_ delivery: Delivery) {
    deliveries.withLock { $0.append(delivery) }
    var byte: UInt8 = 1
    _ = write(writeFD, &byte, 1)  // a full pipe already means "wake up"
  }

  /// Everything posted so far, in order; empties the wake pipe too.
  func drain() -> [Delivery] {
    var buffer = [UInt8](repeating: 0, count: 256)
    while read(readFD, &buffer, buffer.count) > 0 {}
    return deliveries.withLock { pending in
      defer { pending.removeAll() }
      return pending
    }
  }
}
