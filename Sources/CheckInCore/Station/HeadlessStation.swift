import Foundation

/// Drives the reducer without a screen: each event's effects run to completion, one after
/// another, and their answers are fed back until the station is quiet. The command line uses it
/// so that a scan from a script goes through exactly the rules the terminal uses.
public struct HeadlessStation {
  public private(set) var state = StationState()
  public let environment: StationEnvironment
  /// Builds the context for each event, reading the clock at that moment.
  public let context: @Sendable () -> StationContext

  public init(
    environment: StationEnvironment, context: @escaping @Sendable () -> StationContext
  ) {
    self.environment = environment
    self.context = context
  }

  /// Sends `event` and everything its effects answer, until no effect is left.
  public mutating func send(_ event: StationEvent) async {
    var queue = [event]
    while !queue.isEmpty {
      let next = queue.removeFirst()
      let now = context()
      let effects = Station.reduce(into: &state, next, now)
      for effect in effects {
        if let answer = await EffectRunner.perform(effect, in: environment, context: now) {
          queue.append(answer)
        }
      }
    }
  }
}
