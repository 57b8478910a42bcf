import CheckInCore
import Testing

@testable import CheckInUI

/// The search panel, pictured at 80×24 and 120×40.
@Suite struct SearchSnapshotTests {
  @Test(arguments: Screens.sizes)
  func hitsWithHighlight(size: Size) {
    Snapshot.expect(Screens.render(Screens.searchHits, size: size), named: "search-hits")
  }

  @Test(arguments: Screens.sizes)
  func noHits(size: Size) {
    Snapshot.expect(Screens.render(Screens.searchEmpty, size: size), named: "search-no-hits")
  }

  /// The highlighted hit is in the selection slot across the whole row; the others are not.
  @Test func theHighlightedHitIsTheSelection() throws {
    let frame = Screens.render(Screens.searchHits, size: Size(width: 80, height: 24))
    let selected = try #require(frame.find("▸ Salma Youssef"))
    for x in 1..<79 {
      #expect(frame[x, selected.y].role == .selection, "column \(x)")
    }
    #expect(frame.roles(of: "  Sara Haddad") == [.normal])
    #expect(frame.roles(of: "sa█") == [.scanField])
  }

  /// Each hit says where the member stands, in the colours of the member pane: a usable plan and
  /// what is left in green, a plan that can't be used in red, then the branch.
  @Test func eachHitSaysWhereTheMemberStands() throws {
    let frame = Screens.render(Screens.searchHits, size: Size(width: 80, height: 24))
    let sara = try #require(frame.find("Sara Haddad"))
    let standing = try #require(frame.find("active · 12 Sessions: 8 sessions left"))
    #expect(standing.y == sara.y + 1)
    #expect(frame.roles(of: "active") == [.good])
    #expect(frame.roles(of: "USED UP") == [.danger])
    #expect(frame.roles(of: "INACTIVE") == [.danger])
    #expect(frame.find("INACTIVE · Heliopolis") != nil, "a server's hit shows what it knows")
  }
}
