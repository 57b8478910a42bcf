import CheckInCore
import Foundation
import Synchronization

/// Runs `body` and gives up with `.timedOut` once `seconds` have passed. A lookup is two or three
/// rounds of requests; each has its own timeout, but the receptionist waits for all of them, so
/// the whole lookup gets one deadline too. The answer comes as soon as the deadline passes: what
/// is still in flight is cancelled, and its winding down isn't waited for.
func withinDeadline<Value: Sendable>(
  _ seconds: TimeInterval, _ body: @escaping @Sendable () async throws(BackendError) -> Value
) async throws(BackendError) -> Value {
  let outcome = FirstOutcome<Result<Value, BackendError>>()
  let work = Task {
    do throws(BackendError) {
      outcome.settle(.success(try await body()))
    } catch {
      outcome.settle(.failure(error))
    }
  }
  let timer = Task {
    guard (try? await Task.sleep(for: .seconds(seconds))) != nil else { return }
    outcome.settle(.failure(.timedOut))
  }
  let result = await withTaskCancellationHandler {
    await outcome.value()
  } onCancel: {
    outcome.settle(.failure(.cancelled))
  }
  work.cancel()
  timer.cancel()
  return try result.get()
}

/// The first of several racing answers; later ones are dropped.
private final class FirstOutcome<Value: Sendable>: Sendable {
  private struct Slot {
    var value: Value?
    var waiter: CheckedContinuation<Value, Never>?
  }

  private let slot = Mutex(Slot())

  func settle(_ value: Value) {
    let waiter = slot.withLock { slot -> CheckedContinuation<Value, Never>? in
      guard slot.value == nil else { return nil }
      slot.value = value
      defer { slot.waiter = nil }
      return slot.waiter
    }
    waiter?.resume(returning: value)
  }

  func value() async -> Value {
    await withCheckedContinuation { continuation in
      let ready = slot.withLock { slot -> Value? in
        if let value = slot.value { return value }
        slot.waiter = continuation
        return nil
      }
      if let ready { continuation.resume(returning: ready) }
    }
  }
}
