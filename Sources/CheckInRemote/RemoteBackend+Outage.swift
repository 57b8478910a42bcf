import CheckInCore
import Foundation

/// The server is taken to be down: why, and the probe that asks it again.
struct Outage: Sendable {
  let reason: String
  let probe: Task<Void, Never>
}

extension RemoteBackend {
  /// Why the server is taken to be down, or nil while it answers. While it is down, lookups use
  /// the offline cards and check-ins go to the outbox at once: a server that accepts connections
  /// and never answers would otherwise cost every member at the door a full timeout.
  var outageReason: String? { outage.withLock { $0?.reason } }

  func beginOutage(_ reason: String) {
    let began = outage.withLock { current -> Bool in
      guard current == nil else { return false }
      let interval = options.probeInterval
      let probe = Task.detached { [weak self] in
        while !Task.isCancelled {
          try? await Task.sleep(for: .seconds(interval))
          guard let self, !Task.isCancelled else { return }
          if await self.serverAnswers() {
            self.noteReachable(true)
            return
          }
        }
      }
      current = Outage(reason: reason, probe: probe)
      return true
    }
    guard began else { return }
    log(
      "server \(server.host) taken to be down (\(reason)); asking it again every "
        + "\(Int(options.probeInterval)) s")
  }

  func endOutage() {
    let ended = outage.withLock { current in
      defer { current = nil }
      return current
    }
    guard let ended else { return }
    ended.probe.cancel()
    log("server \(server.host) answers again")
  }

  /// One cheap request: any answer at all (even a refused login) means the server is back.
  func serverAnswers() async -> Bool {
    do {
      let _: Ignored = try await client.send(
        "GET", "/api/auth/me", timeout: options.probeTimeout)
      return true
    } catch {
      switch error {
      case .notDelivered, .noAnswer, .cancelled, .withdrawn: return false
      case .http, .unauthorized, .unreadable: return true
      }
    }
  }

  /// The error for work not tried because the server is down.
  func outageError() -> BackendError? {
    outageReason.map { .offline("the server is down (\($0)); trying it again in the background") }
  }
}
