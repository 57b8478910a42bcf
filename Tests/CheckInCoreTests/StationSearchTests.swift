import Foundation
import Testing

@testable import CheckInCore

/// The name / phone search panel.
@Suite struct StationSearchTests {
  @Test func openingSearchShowsAnEmptyPanel() throws {
    var desk = Desk()
    #expect(desk.send(.openSearch) == [])
    let panel = try #require(desk.state.phase.panel)
    #expect(panel.query.isEmpty)
    #expect(panel.page == nil)
    #expect(panel.pending == nil)
  }

  @Test func typingSearchesAndSupersedesTheSearchInFlight() throws {
    var desk = Desk()
    desk.timing.searchDebounce = 0.25
    desk.send(.openSearch)
    let first = try #require(desk.send(.typed("sa")).searches.first)
    #expect(first.query == "sa")
    #expect(first.delay == 0.25)

    let effects = desk.send(.typed("r"))
    let second = try #require(effects.searches.first)
    #expect(
      effects == [.cancel(first.id), .search(second.id, query: "sar", limit: 20, delay: 0.25)])
    #expect(desk.state.phase.panel?.pending == second.id)

    let before = desk.state
    #expect(desk.send(.searched(first.id, .success(Fixture.page("sa")))) == [])
    #expect(desk.state == before, "the superseded search's hits are dropped")

    #expect(desk.send(.searched(second.id, .success(Fixture.page("sar")))) == [])
    let panel = try #require(desk.state.phase.panel)
    #expect(panel.page == Fixture.page("sar"))
    #expect(panel.selection == 0)
    #expect(panel.pending == nil)
  }

  @Test func whatWasTypedInTheScanFieldBecomesTheQuery() throws {
    var desk = Desk()
    desk.send(.typed("Sara"))
    let effects = desk.send(.openSearch)
    let search = try #require(effects.searches.first)
    #expect(effects == [.search(search.id, query: "Sara", limit: 20, delay: 0)])
    #expect(desk.state.scanText.isEmpty)
  }

  @Test func erasingToNothingClearsTheHitsAndCancels() throws {
    var desk = Desk()
    desk.send(.openSearch)
    let search = try #require(desk.send(.typed("s")).searches.first)
    #expect(desk.send(.erase) == [.cancel(search.id)])
    let panel = try #require(desk.state.phase.panel)
    #expect(panel.query.isEmpty)
    #expect(panel.pending == nil)
    #expect(desk.send(.erase) == [], "erasing an empty query does nothing")
  }

  @Test func blankQueryDoesNotSearch() {
    var desk = Desk()
    desk.send(.openSearch)
    #expect(desk.send(.typed("   ")) == [])
  }

  @Test func selectionMovesWithinTheHits() throws {
    var desk = Desk()
    desk.send(.openSearch)
    let search = try #require(desk.send(.typed("a")).searches.first)
    desk.send(.searched(search.id, .success(Fixture.page("a"))))
    desk.send(.moveSelection(1))
    #expect(desk.state.phase.panel?.selection == 1)
    desk.send(.moveSelection(1))
    #expect(desk.state.phase.panel?.selection == 1, "clamped at the last hit")
    desk.send(.moveSelection(-7))
    #expect(desk.state.phase.panel?.selection == 0, "clamped at the first hit")
  }

  @Test func selectionWithoutHitsDoesNothing() {
    var desk = Desk()
    desk.send(.openSearch)
    let before = desk.state
    desk.send(.moveSelection(1))
    #expect(desk.state == before)
  }

  @Test func enterOpensTheSelectedMemberByID() throws {
    var desk = Desk()
    desk.send(.openSearch)
    let search = try #require(desk.send(.typed("a")).searches.first)
    desk.send(.searched(search.id, .success(Fixture.page("a"))))
    desk.send(.moveSelection(1))
    let effects = desk.send(.submit)
    let lookUp = try #require(effects.lookUps.first)
    #expect(effects == [.lookUp(lookUp.id, .member(2))])
    #expect(desk.state.phase.lookUp?.payload == .member(2))

    desk.send(.lookedUp(lookUp.id, .success(Fixture.omar)))
    let checkIn = try #require(desk.send(.submit).checkIns.first)
    #expect(checkIn.request.code == nil, "a member picked from a list has no scanned code")
    #expect(checkIn.request.memberID == 2)
  }

  @Test func enterWhileTypingOnCancelsTheNewerSearch() throws {
    var desk = Desk()
    desk.send(.openSearch)
    let first = try #require(desk.send(.typed("a")).searches.first)
    desk.send(.searched(first.id, .success(Fixture.page("a"))))
    let second = try #require(desk.send(.typed("b")).searches.first)
    let effects = desk.send(.submit)
    let lookUp = try #require(effects.lookUps.first)
    #expect(effects == [.cancel(second.id), .lookUp(lookUp.id, .member(1))])
  }

  @Test func enterWithoutHitsDoesNothing() throws {
    var desk = Desk()
    desk.send(.openSearch)
    let search = try #require(desk.send(.typed("zz")).searches.first)
    desk.send(.searched(search.id, .success(SearchPage(query: "zz", hits: [], hasMore: false))))
    let before = desk.state
    #expect(desk.send(.submit) == [])
    #expect(desk.state == before)
  }

  @Test func failedSearchShowsItsError() throws {
    var desk = Desk()
    desk.send(.openSearch)
    let search = try #require(desk.send(.typed("a")).searches.first)
    desk.send(.searched(search.id, .failure(.offline("down"))))
    let panel = try #require(desk.state.phase.panel)
    #expect(panel.error == BackendError.offline("down").message)
    #expect(panel.pending == nil)
    desk.send(.typed("b"))
    #expect(desk.state.phase.panel?.error == nil, "typing again clears the error")
  }

  @Test func scanDuringSearchCancelsItAndLooksUp() throws {
    var desk = Desk()
    desk.send(.openSearch)
    let search = try #require(desk.send(.typed("a")).searches.first)
    let effects = desk.send(.scanned("GYM-1"))
    let lookUp = try #require(effects.lookUps.first)
    #expect(
      effects == [.cancel(search.id), .lookUp(lookUp.id, .idForm(code: "GYM-1", memberID: 1))])
  }

  @Test func searchCannotOpenOverADialog() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-1", card: Fixture.sara)
    let before = desk.state
    #expect(desk.send(.openSearch) == [])
    #expect(desk.state == before)
  }
}
