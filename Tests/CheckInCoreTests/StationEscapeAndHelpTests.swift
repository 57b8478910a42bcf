import Foundation
import Testing

@testable import CheckInCore

/// Esc from every screen, and the help overlay.
@Suite struct StationEscapeAndHelpTests {
  @Test func escapeInReadyClearsTheFieldAndNotice() {
    var desk = Desk()
    desk.send(.undoLast)  // leaves a "nothing to undo" notice
    desk.send(.typed("11"))
    #expect(desk.send(.cancel) == [])
    #expect(desk.state.scanText.isEmpty)
    #expect(desk.state.notice == nil)
  }

  @Test func escapeCancelsALookup() throws {
    var desk = Desk()
    let lookUp = try #require(desk.send(.scanned("GYM-1")).lookUps.first)
    #expect(desk.send(.cancel) == [.cancel(lookUp.id)])
    #expect(desk.state.phase == .ready)
    #expect(desk.state.notice == Notice("Lookup cancelled", tone: .info))
  }

  @Test func escapeClosesTheDialogRecordingNothing() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-1", card: Fixture.sara)
    #expect(desk.send(.cancel) == [])
    #expect(desk.state.phase == .ready)
    #expect(desk.state.notice == Notice("Nothing recorded for Sara Haddad", tone: .info))
  }

  @Test func escapeCannotAbandonASubmission() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-1", card: Fixture.sara)
    desk.send(.submit)
    let before = desk.state
    #expect(desk.send(.cancel) == [])
    #expect(desk.state == before)
  }

  /// Once it has been seen: in its first second the banner stays whatever is pressed.
  @Test func escapeDismissesTheBanner() throws {
    var desk = Desk()
    _ = try desk.checkInSara()
    desk.advance(0.5)
    #expect(desk.send(.cancel) == [])
    #expect(desk.state.phase.banner != nil, "held for its first second")
    desk.advance(0.5)
    #expect(desk.send(.cancel) == [])
    #expect(desk.state.phase == .ready)
  }

  @Test func escapeClosesSearchAndCancelsItsRequest() throws {
    var desk = Desk()
    desk.send(.openSearch)
    let search = try #require(desk.send(.typed("a")).searches.first)
    #expect(desk.send(.cancel) == [.cancel(search.id)])
    #expect(desk.state.phase == .ready)
  }

  @Test func escapeClosesIdleSearchQuietly() {
    var desk = Desk()
    desk.send(.openSearch)
    #expect(desk.send(.cancel) == [])
    #expect(desk.state.phase == .ready)
  }

  @Test func helpTogglesAndEscapeClosesOnlyTheHelp() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-1", card: Fixture.sara)
    desk.send(.toggleHelp)
    #expect(desk.state.showsHelp)
    let dialog = desk.state.phase
    #expect(desk.send(.cancel) == [])
    #expect(!desk.state.showsHelp)
    #expect(desk.state.phase == dialog, "the first Esc closes the help, not the dialog")
    desk.send(.toggleHelp)
    desk.send(.toggleHelp)
    #expect(!desk.state.showsHelp)
  }

  @Test func scanClosesTheHelp() {
    var desk = Desk()
    desk.send(.toggleHelp)
    desk.send(.scanned("GYM-1"))
    #expect(!desk.state.showsHelp)
  }
}
