import Foundation
import Testing

@testable import CheckInCore

/// Every screen left alone returns to the scan field on a tick, and not a moment before.
@Suite struct StationTimeoutTests {
  /// Ticks just short of `limit`, then at it; returns the effects of the second tick.
  private func tickAcross(_ limit: TimeInterval, _ desk: inout Desk) -> [StationEffect] {
    let before = desk.state
    desk.advance(limit - 0.001)
    #expect(desk.send(.tick) == [])
    #expect(desk.state == before, "nothing happens before the limit")
    desk.advance(0.001)
    return desk.send(.tick)
  }

  @Test func resultBannerTimesOut() throws {
    var desk = Desk()
    desk.send(.scanned("bad code"))
    #expect(tickAcross(desk.timing.result, &desk) == [])
    #expect(desk.state.phase == .ready)
  }

  @Test func unansweredDialogTimesOutRecordingNothing() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-1", card: Fixture.sara)
    #expect(tickAcross(desk.timing.dialog, &desk) == [])
    #expect(desk.state.phase == .ready)
    #expect(desk.state.notice?.text.hasPrefix("Nothing recorded for Sara Haddad") == true)
    #expect(desk.state.lastCheckIn == nil)
  }

  /// Staff moving between choices or plans are still deciding: the time-out starts again.
  @Test func choosingKeepsTheDialogOpen() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-1", card: Fixture.sara)
    desk.advance(desk.timing.dialog - 5)
    desk.send(.toggleChoice)
    desk.advance(10)
    desk.send(.tick)
    #expect(desk.state.phase.dialog != nil, "\(desk.state.phase)")
    desk.advance(desk.timing.dialog)
    desk.send(.tick)
    #expect(desk.state.phase == .ready)
  }

  @Test func helpLeftOpenCloses() {
    var desk = Desk()
    desk.send(.toggleHelp)
    desk.advance(desk.timing.search - 1)
    desk.send(.tick)
    #expect(desk.state.showsHelp)
    desk.advance(1)
    desk.send(.tick)
    #expect(!desk.state.showsHelp)
  }

  @Test func idleSearchTimesOutAndCancelsItsRequest() throws {
    var desk = Desk()
    desk.send(.openSearch)
    let search = try #require(desk.send(.typed("sa")).searches.first)
    #expect(tickAcross(desk.timing.search, &desk) == [.cancel(search.id)])
    #expect(desk.state.phase == .ready)
  }

  /// Moving through the hits counts as activity.
  @Test func browsingHitsKeepsSearchOpen() throws {
    var desk = Desk()
    desk.send(.openSearch)
    let search = try #require(desk.send(.typed("sa")).searches.first)
    desk.send(.searched(search.id, .success(Fixture.page("sa"))))
    desk.advance(desk.timing.search - 1)
    desk.send(.moveSelection(1))
    desk.advance(2)
    desk.send(.tick)
    #expect(desk.state.phase.panel != nil)
  }

  @Test func undoPromptTimesOut() throws {
    var desk = Desk()
    let receipt = try desk.checkInSara()
    desk.send(.undoLast)
    #expect(tickAcross(desk.timing.undoPrompt, &desk) == [])
    #expect(desk.state.phase == .ready)
    #expect(desk.state.lastCheckIn == receipt)
  }

  @Test func lookupTheStoreNeverAnswersTimesOut() throws {
    var desk = Desk()
    let lookUp = try #require(desk.send(.scanned("GYM-1")).lookUps.first)
    #expect(tickAcross(desk.timing.lookup, &desk) == [.cancel(lookUp.id)])
    #expect(desk.state.phase == .ready)
    #expect(desk.state.notice?.tone == .error)
  }

  /// A write in flight may have been committed; only its answer may end it.
  @Test func writesInFlightDoNotTimeOut() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-1", card: Fixture.sara)
    desk.send(.submit)
    let submitting = desk.state
    desk.advance(3600)
    #expect(desk.send(.tick) == [])
    #expect(desk.state == submitting)
  }

  @Test func tickInReadyDoesNothing() {
    var desk = Desk()
    desk.send(.typed("12"))
    let before = desk.state
    desk.advance(3600)
    #expect(desk.send(.tick) == [])
    #expect(desk.state == before)
  }
}
