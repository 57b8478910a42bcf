import CheckInCore
import Dispatch

/// A value used by one queue only — a database connection — offered to async code. Work runs on
/// the queue, so SQLite's blocking calls and busy waits never hold a thread of Swift's concurrency
/// pool, and callers wait without blocking theirs.
public final class Confined<Value>: @unchecked Sendable {
  // `value` is touched only on `queue`; that confinement is what makes this class Sendable.
  private let value: Value
  private let queue: DispatchQueue

  public init(_ value: Value, label: String) {
    self.value = value
    self.queue = DispatchQueue(label: label)
  }

  /// Runs `body` with the value on its queue and returns its result.
  public func run<T: Sendable>(
    _ body: @escaping @Sendable (Value) throws(BackendError) -> T
  ) async throws(BackendError) -> T {
    let result: Result<T, BackendError> = await withCheckedContinuation { continuation in
      queue.async {
        do throws(BackendError) {
          continuation.resume(returning: .success(try body(self.value)))
        } catch {
          continuation.resume(returning: .failure(error))
        }
      }
    }
    return try result.get()
  }

  /// Runs `body` with the value on its queue, after whatever is queued already, without waiting.
  public func schedule(_ body: @escaping @Sendable (Value) -> Void) {
    queue.async { body(self.value) }
  }
}
