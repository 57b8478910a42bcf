import CheckInCore
import Foundation

/// Runs the reducer's effects as tasks off the station's thread and posts their answers to the
/// inbox. Keeps each request's task so a superseded one can be cancelled.
final class EffectTasks {
  private let environment: StationEnvironment
  private let inbox: Inbox
  private var running: [RequestID: Task<Void, Never>] = [:]
  /// Check-ins and voids in flight: the station waits for them before it exits.
  private var writes: Set<RequestID> = []

  init(environment: StationEnvironment, inbox: Inbox) {
    self.environment = environment
    self.inbox = inbox
  }

  var writesInFlight: Bool { !writes.isEmpty }

  func perform(_ effect: StationEffect, context: StationContext) {
    switch effect {
    case .cancel(let id):
      running.removeValue(forKey: id)?.cancel()
      return
    case .checkIn(let id, _), .void(let id, _):
      writes.insert(id)
    default:
      break
    }
    let environment = self.environment
    let inbox = self.inbox
    // Detached: the station's thread is busy in its loop and must not be asked to run them.
    let task = Task.detached {
      if let answer = await EffectRunner.perform(effect, in: environment, context: context) {
        inbox.post(.event(answer))
      }
    }
    if let id = effect.requestID { running[id] = task }
  }

  /// An answer arrived: its task is done.
  func finished(_ event: StationEvent) {
    guard let id = event.answeredRequest else { return }
    running.removeValue(forKey: id)
    writes.remove(id)
  }
}

extension StationEffect {
  var requestID: RequestID? {
    switch self {
    case .lookUp(let id, _), .checkIn(let id, _), .search(let id, _, _, _), .void(let id, _),
      .login(let id, _), .loadVisits(let id, _):
      id
    case .cancel, .loadToday, .announce, .signal, .log: nil
    }
  }
}

extension StationEvent {
  var answeredRequest: RequestID? {
    switch self {
    case .lookedUp(let id, _), .checkedIn(let id, _), .searched(let id, _), .voided(let id, _),
      .loggedIn(let id, _), .visitsLoaded(let id, _):
      id
    default: nil
    }
  }
}
