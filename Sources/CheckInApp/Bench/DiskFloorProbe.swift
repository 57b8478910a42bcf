import CheckInCore
import Foundation

/// The disk's own floor: 4 KB appended to a scratch file beside the database and made durable
/// with `fsync`, the least any committed check-in on that disk can cost. Scan → receipt is read
/// against it, so a figure from a slow disk and one from a fast disk say the same thing.
final class DiskFloorProbe {
  private let path: String
  private let descriptor: Int32
  private let block = [UInt8](repeating: 0x5A, count: 4096)

  init(besideDatabase database: String) throws(BackendError) {
    path = database + ".disk-probe"
    descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw .storage(
        "couldn't create \(path) to time the disk: \(String(cString: strerror(errno)))")
    }
  }

  deinit {
    close(descriptor)
    unlink(path)
  }

  /// One append and its `fsync`, in milliseconds.
  func appendAndSync() throws(BackendError) -> Double {
    var failure: Int32 = 0
    let elapsed = milliseconds {
      let written = block.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
      if written != block.count || fsync(descriptor) != 0 { failure = errno }
    }
    guard failure == 0 else {
      throw .storage("timing the disk at \(path): \(String(cString: strerror(failure)))")
    }
    return elapsed
  }
}
