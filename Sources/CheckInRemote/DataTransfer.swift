import Dispatch
import Foundation
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// One HTTP exchange with a deadline of its own, cancellable from Swift concurrency without
/// deadlocking FoundationNetworking.
///
/// `URLSession.data(for:)` on Linux cancels its transfer from inside Swift's task-cancellation
/// handler, which holds the task's status lock while waiting for URLSession's work queue; the
/// work queue, finishing the same transfer, waits for that lock to resume the task. The station
/// then freezes for good (swift-corelibs-foundation#5412, fixed after this toolchain). Here the
/// transfer is cancelled from another queue, after the handler has returned. The deadline is
/// kept here too: FoundationNetworking ignores a request's own `timeoutInterval` and counts the
/// session's in whole seconds.
final class DataTransfer: Sendable {
  private enum Ending {
    case timedOut
    case cancelled
  }

  private struct Control {
    var task: URLSessionDataTask?
    var ending: Ending?
    /// Cancelling a task that has finished can trap in FoundationNetworking (its registry no
    /// longer knows the task), so once the answer is in nothing cancels it.
    var finished = false
  }

  private let control = Mutex(Control())

  private init() {}

  /// Sends `request` and waits at most `timeout` for the whole answer: its body and status.
  static func run(_ request: URLRequest, on session: URLSession, timeout: TimeInterval)
    async throws(APIFailure) -> (Data, Int)
  {
    let transfer = DataTransfer()
    let outcome = await withTaskCancellationHandler {
      await withCheckedContinuation {
        (continuation: CheckedContinuation<Result<(Data, Int), APIFailure>, Never>) in
        transfer.start(request, on: session, timeout: timeout) {
          continuation.resume(returning: $0)
        }
      }
    } onCancel: {
      DispatchQueue.global().async { transfer.end(.cancelled) }
    }
    return try outcome.get()
  }

  private func start(
    _ request: URLRequest, on session: URLSession, timeout: TimeInterval,
    finish: @escaping @Sendable (Result<(Data, Int), APIFailure>) -> Void
  ) {
    // Cancelled before anything was sent: nothing is.
    if control.withLock({ $0.ending != nil }) {
      finish(.failure(.cancelled))
      return
    }
    let task = session.dataTask(with: request) { [self] data, response, error in
      control.withLock { $0.finished = true }
      finish(outcome(data: data, response: response, error: error))
    }
    let endedMeanwhile = control.withLock { control in
      control.task = task
      return control.ending != nil
    }
    // A task made and never started would stay in the session's books for the station's life;
    // started and cancelled at once, it ends through the completion handler like any other.
    task.resume()
    if endedMeanwhile {
      task.cancel()
      return
    }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [self] in end(.timedOut) }
  }

  /// Ends the transfer early, once; the first reason given is the one reported.
  private func end(_ reason: Ending) {
    let task = control.withLock { control -> URLSessionDataTask? in
      guard control.ending == nil, !control.finished else { return nil }
      control.ending = reason
      return control.task
    }
    task?.cancel()
  }

  private func outcome(data: Data?, response: URLResponse?, error: (any Error)?) -> Result<
    (Data, Int), APIFailure
  > {
    if let error {
      let urlError = error as? URLError
      if urlError?.code == .cancelled || urlError == nil {
        switch control.withLock({ $0.ending }) {
        case .timedOut?: return .failure(.noAnswer("timed out"))
        case .cancelled?: return .failure(.cancelled)
        case nil: break
        }
      }
      return .failure(urlError.map(APIFailure.from) ?? .noAnswer("\(error)"))
    }
    guard let http = response as? HTTPURLResponse else {
      return .failure(.unreadable("not an HTTP answer"))
    }
    return .success((data ?? Data(), http.statusCode))
  }
}
