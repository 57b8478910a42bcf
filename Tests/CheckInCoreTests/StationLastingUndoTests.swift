import Foundation
import Testing

@testable import CheckInCore

/// Undo that lasts: any of this station's check-ins within the undo window can be voided, the one
/// before comes next after an undo, a restart forgets nothing (today's list is read from the
/// store), and today's visits void the highlighted one.
@Suite struct StationLastingUndoTests {
  /// A visit as the store lists it after a restart.
  static func listed(
    _ id: Int64, minutesAgo: Double, station: String? = "front-desk", voided: Bool = false
  ) -> AttendanceEntry {
    AttendanceEntry(
      id: id, memberID: id, memberName: "Member \(id)",
      checkedInAt: Fixture.now.addingTimeInterval(-minutesAgo * 60), action: .deduct, deducted: 1,
      subscriptionID: 11, branchID: Fixture.branchID, station: station, isVoided: voided,
      kind: .coins)
  }

  /// A station that has just started, its today's list loaded from the store.
  static func restarted(with entries: [AttendanceEntry]) -> Desk {
    var desk = Desk()
    let day = CalendarDay(Fixture.now, in: Fixture.timeZone)
    desk.send(
      .todayLoaded(
        .success(TodayOverview(listing: entries, day: day, timeZone: Fixture.timeZone))))
    return desk
  }

  /// Voids what the undo prompt asks about; returns its id.
  private func undo(_ desk: inout Desk) throws -> Int64 {
    desk.send(.undoLast)
    let prompt = try #require(desk.state.phase.undoPrompt)
    let void = try #require(desk.send(.submit).voids.first)
    let receipt = VoidReceipt(
      attendanceID: void.attendanceID, memberID: void.attendanceID,
      memberName: prompt.target.memberName, restored: prompt.target.deducted,
      kind: prompt.target.kind, remaining: 4, voidedAt: desk.clock)
    desk.send(.voided(void.id, .success(receipt)))
    return void.attendanceID
  }

  @Test func afterUndoingOneTheOneBeforeIsNext() throws {
    var desk = Self.restarted(with: [Self.listed(5, minutesAgo: 1), Self.listed(4, minutesAgo: 3)])
    #expect(try undo(&desk) == 5)
    #expect(try undo(&desk) == 4, "#4, three minutes old, is still in the window")
    desk.send(.undoLast)
    #expect(desk.state.phase == .ready)
    #expect(desk.state.notice?.text == "Nothing to undo: no check-in at this station today")
  }

  @Test func aRestartForgetsNothing() throws {
    var desk = Self.restarted(with: [Self.listed(7, minutesAgo: 2)])
    #expect(desk.state.lastCheckIn == nil, "nothing in memory: the list came from the store")
    #expect(desk.state.abilities(desk.context).allows(.undo))
    desk.send(.undoLast)
    let prompt = try #require(desk.state.phase.undoPrompt)
    #expect(prompt.target.attendanceID == 7)
    #expect(prompt.target.kind == .coins)
  }

  @Test func anotherStationsVisitIsNotUndoneHere() throws {
    var desk = Self.restarted(with: [
      Self.listed(9, minutesAgo: 1, station: "door-2"), Self.listed(8, minutesAgo: 2),
    ])
    desk.send(.undoLast)
    #expect(desk.state.phase.undoPrompt?.target.attendanceID == 8, "this station's newest")
  }

  @Test func tooOldSaysWhereToVoidIt() throws {
    var desk = Self.restarted(with: [Self.listed(3, minutesAgo: 11)])
    #expect(!desk.state.abilities(desk.context).allows(.undo))
    desk.send(.undoLast)
    #expect(desk.state.phase == .ready)
    #expect(desk.state.notice?.text.contains("checkin void 3") == true)
  }

  /// Today's visits, page loaded, the highlight on row `selection`.
  static func visits(_ entries: [AttendanceEntry], selection: Int) throws -> Desk {
    var desk = restarted(with: entries)
    let load = desk.send(.openVisits)
    guard
      case .loadVisits(let id, _)? = load.first(where: {
        if case .loadVisits = $0 { true } else { false }
      })
    else {
      Issue.record("no page asked for: \(load)")
      return desk
    }
    desk.send(
      .visitsLoaded(
        id, .success(VisitsPage(query: "", entries: entries, offset: 0, hasMore: false))))
    desk.send(.moveSelection(selection))
    return desk
  }

  @Test func todaysVisitsVoidTheHighlightedOne() throws {
    let entries = [Self.listed(12, minutesAgo: 1), Self.listed(11, minutesAgo: 4)]
    var desk = try Self.visits(entries, selection: 1)
    #expect(desk.state.abilities(desk.context).allows(.undo))
    desk.send(.undoLast)
    #expect(desk.state.phase.undoPrompt?.target.attendanceID == 11)
  }

  @Test func todaysVisitsSayWhyAVisitCantBeVoided() throws {
    let entries = [
      Self.listed(22, minutesAgo: 1, station: "door-2"),
      Self.listed(21, minutesAgo: 2, voided: true),
    ]
    var desk = try Self.visits(entries, selection: 0)
    #expect(!desk.state.abilities(desk.context).allows(.undo))
    desk.send(.undoLast)
    #expect(desk.state.phase.panel != nil, "the list stays")
    #expect(
      desk.state.notice?.text
        == "Member 22's check-in was recorded at door-2 — void it there, or with `checkin void 22`")
    desk.send(.moveSelection(1))
    desk.send(.undoLast)
    #expect(desk.state.notice?.text == "Member 21's check-in is voided already")
  }

  @Test func aListedVisitSaysWhatItDeductedInItsUnit() {
    #expect(Self.listed(1, minutesAgo: 1).deductedText == "−1 coin")
    var sessions = Self.listed(2, minutesAgo: 1)
    sessions.kind = .sessions
    sessions.deducted = 2
    #expect(sessions.deductedText == "−2 sessions")
    sessions.kind = nil
    #expect(sessions.deductedText == "−2")
    sessions.deducted = 0
    #expect(sessions.deductedText == nil)
  }
}
