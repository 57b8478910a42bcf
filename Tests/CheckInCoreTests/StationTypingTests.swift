import Foundation
import Testing

@testable import CheckInCore

/// Typing into the scan field by hand.
@Suite struct StationTypingTests {
  @Test func typedCodeIsLookedUpOnEnter() throws {
    var desk = Desk()
    desk.send(.typed("11"))
    desk.send(.typed("6"))
    desk.send(.erase)
    desk.send(.typed("5"))
    #expect(desk.state.scanText == "115")
    let effects = desk.send(.submit)
    let lookUp = try #require(effects.lookUps.first)
    #expect(effects == [.lookUp(lookUp.id, .idForm(code: "115", memberID: 115))])
    #expect(desk.state.scanText.isEmpty)
  }

  @Test func enterOnAnEmptyFieldDoesNothing() {
    var desk = Desk()
    #expect(desk.send(.submit) == [])
    #expect(desk.send(.erase) == [])
    #expect(desk.state == StationState())
  }

  @Test func controlCharactersAreNotTyped() {
    var desk = Desk()
    desk.send(.typed("1\u{7}2\u{1B}3"))
    #expect(desk.state.scanText == "123")
  }

  /// The banner stays while the next code is typed above it; Enter looks the code up.
  @Test func typingOnTheBannerFillsTheFieldAboveIt() throws {
    var desk = Desk()
    desk.send(.scanned("bad code"))
    desk.advance(1)
    desk.send(.typed("4"))
    #expect(desk.state.phase.banner != nil)
    #expect(desk.state.scanText == "4")
    let lookUp = try #require(desk.send(.submit).lookUps.first)
    #expect(lookUp.payload == .idForm(code: "4", memberID: 4))
    #expect(desk.state.scanText.isEmpty)
  }

  /// A code typed by hand while a card is open is the next member: the dialog closes, saying
  /// nothing was recorded, and Enter looks the code up instead of confirming.
  @Test func typingWhileADialogShowsStartsTheNextCode() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-1", card: Fixture.sara)
    desk.send(.typed("G"))
    #expect(desk.state.phase == .ready)
    #expect(desk.state.scanText == "G")
    #expect(desk.state.notice?.text == "Nothing recorded for Sara Haddad")
    desk.send(.typed("YM-3"))
    let effects = desk.send(.submit)
    #expect(effects.lookUps.map(\.payload) == [.idForm(code: "GYM-3", memberID: 3)])
    #expect(effects.checkIns.isEmpty)
  }

  @Test func typingOnTheUndoPromptStartsTheNextCode() throws {
    var desk = Desk()
    _ = try desk.checkInSara()
    desk.send(.undoLast)
    guard case .confirmingUndo = desk.state.phase else {
      Issue.record("no undo prompt: \(desk.state.phase)")
      return
    }
    desk.send(.typed("GYM-1"))
    let effects = desk.send(.submit)
    #expect(effects.voids.isEmpty)
    #expect(effects.lookUps.count == 1)
  }

  @Test func fieldStopsGrowingAtTheLimit() {
    var desk = Desk()
    desk.send(.typed(String(repeating: "7", count: 200)))
    desk.send(.typed(String(repeating: "8", count: 200)))
    #expect(desk.state.scanText.count == Station.maximumTypedLength)
    #expect(desk.state.scanText.hasSuffix("8"))
    desk.send(.typed("9"))
    #expect(desk.state.scanText.count == Station.maximumTypedLength)
  }

  @Test func searchQueryStopsGrowingAtTheLimit() {
    var desk = Desk()
    desk.send(.openSearch)
    for _ in 0..<3 { desk.send(.typed(String(repeating: "a", count: 100))) }
    #expect(desk.state.phase.panel?.query.count == Station.maximumTypedLength)
  }

  /// The limit exists so a stuck key can't fill memory. Combining marks attach to the previous
  /// character, so counting Characters lets a stuck (or pasted) combining key grow the field
  /// without bound; the field must stay bounded in what it actually stores.
  @Test func combiningMarksCannotGrowTheFieldWithoutBound() {
    var desk = Desk()
    desk.send(.typed("a"))
    for _ in 0..<300 { desk.send(.typed("\u{0301}")) }
    desk.send(.typed(String(repeating: "\u{0301}", count: 10_000)))
    #expect(desk.state.scanText.unicodeScalars.count <= Station.maximumTypedLength)
  }
}
