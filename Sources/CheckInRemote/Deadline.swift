import CheckInCore
import Foundation

/// Runs `body` and gives up with `.timedOut` once `seconds` have passed, cancelling what is still
/// in flight. A lookup is two or three rounds of requests; each has its own timeout, but the
/// receptionist waits for all of them, so the whole lookup gets one deadline too.
func withinDeadline<Value: Sendable>(
  _ seconds: TimeInterval, _ body: @escaping @Sendable () async throws(BackendError) -> Value
) async throws(BackendError) -> Value {
  let first = await withTaskGroup(of: Result<Value, BackendError>?.self) { group in
    group.addTask {
      do throws(BackendError) {
        return .success(try await body())
      } catch {
        return .failure(error)
      }
    }
    group.addTask {
      do {
        try await Task.sleep(for: .seconds(seconds))
        return nil
      } catch {
        // Woken early: either the body finished (this answer is dropped) or the caller left.
        return .failure(.cancelled)
      }
    }
    let first = await group.next() ?? nil
    group.cancelAll()
    return first
  }
  guard let first else { throw .timedOut }
  return try first.get()
}
