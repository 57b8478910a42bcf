import Testing

@testable import CheckInCore

/// Every event sequence up to a fixed depth, with every invariant checked on every step
/// (see `StationExplorer`). This is the station's main safety net: the scenario tests show what
/// should happen; this shows that nothing else can.
@Suite struct StationExplorationTests {
  /// Depth 6 from a fresh station runs in a few seconds in debug; depth 7 takes four times as long.
  static let depth = 6
  /// Undo and the answers after it lie deeper than that, so a second walk starts where a check-in
  /// has just been recorded.
  static let depthAfterCheckIn = 5

  @Test func everySequenceKeepsTheStationsPromises() {
    var explorer = StationExplorer()
    explorer.explore(depth: Self.depth)
    // Scan Sara, the store finds her, Enter (deduct), the store records it.
    let (checkedIn, path) = explorer.follow([.scanned("GYM-1"), nil, .submit, nil])
    #expect(checkedIn.state.lastCheckIn != nil)
    explorer.explore(from: checkedIn, path: path, depth: Self.depthAfterCheckIn)
    print(
      "Station exploration (depth \(Self.depth), then \(Self.depthAfterCheckIn) after a check-in): "
        + "\(explorer.visited.count) distinct states, \(explorer.transitions) transitions")
    #expect(explorer.violations.isEmpty, "\(explorer.violations.joined(separator: "\n"))")

    // The walk reached every screen and completed real check-ins, so the checks above had
    // something to bite on.
    #expect(
      explorer.phasesSeen
        == [
          "ready", "lookingUp", "member", "submitting", "result", "searching", "confirmingUndo",
          "undoing", "overriding", "loggingIn",
        ])
    #expect(explorer.checkInsAnswered > 1)
    #expect(explorer.voidsAnswered > 0)

    // (f) Nothing gets stuck: Esc, the clock and the awaited answer always lead back.
    var stuck: [StationState] = []
    for node in explorer.visited.keys
    where StationExplorer.stepsToReady(from: node, limit: 4) == nil {
      stuck.append(node.state)
    }
    #expect(stuck.isEmpty, "stuck states: \(stuck.prefix(3))")
  }
}
