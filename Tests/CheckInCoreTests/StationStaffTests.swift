import Foundation
import Testing

@testable import CheckInCore

/// Staff overrides, the kiosk lock and the today toggle.
@Suite struct StationStaffTests {
  /// Sara is found but refused: her plan is frozen.
  static let frozenSara = MemberCard(
    member: Fixture.member(id: 1, name: "Sara Haddad"),
    subscriptions: [Fixture.sessions(id: 11, remaining: 5, status: .frozen)])

  private func refuseSara(_ desk: inout Desk) throws {
    let lookUp = try #require(desk.send(.scanned("GYM-1")).lookUps.first)
    desk.send(.lookedUp(lookUp.id, .success(Self.frozenSara)))
    #expect(
      desk.state.phase.banner?.outcome == .refused(.frozen(reason: nil), memberName: "Sara Haddad"))
  }

  @Test func anOverrideRecordsTheRefusalAndTheReasonWithoutDeducting() throws {
    var desk = Desk()
    desk.overrideReasons = []
    try refuseSara(&desk)
    desk.send(.beginOverride)
    #expect(desk.state.phase.overridePrompt?.card == Self.frozenSara)

    #expect(desk.send(.submit) == [], "an empty reason records nothing")
    #expect(desk.state.notice?.tone == .warning)
    desk.send(.typed("paid at the desk today"))
    desk.send(.erase)
    let effects = desk.send(.submit)
    let checkIn = try #require(effects.checkIns.first)
    #expect(effects.count == 1)
    #expect(checkIn.request.memberID == 1)
    #expect(checkIn.request.action == .checkInOnly)
    #expect(checkIn.request.subscriptionID == nil)
    #expect(
      checkIn.request.override
        == StaffOverride(refusedAs: "FROZEN", reason: "paid at the desk toda"))
    #expect(desk.state.phase.submission?.override?.reason == "paid at the desk toda")

    let receipt = Fixture.receipt(for: checkIn.request, attendanceID: 77)
    desk.send(.checkedIn(checkIn.id, .success(receipt)))
    #expect(desk.state.phase.banner?.outcome == .checkedIn(receipt))
  }

  @Test func aPresetReasonIsPickedWithTheArrowsAndEnter() throws {
    var desk = Desk()
    desk.overrideReasons = ["Forgot card", "Trial visit", "Paid at the desk"]
    try refuseSara(&desk)
    desk.send(.beginOverride)
    let opened = try #require(desk.state.phase.overridePrompt)
    #expect(opened.presets == ["Forgot card", "Trial visit", "Paid at the desk"])
    #expect(opened.chosenReason == "Forgot card", "the first preset is highlighted")

    desk.send(.moveSelection(1))
    desk.send(.moveSelection(1))
    desk.send(.moveSelection(-1))
    #expect(desk.state.phase.overridePrompt?.chosenReason == "Trial visit")
    let checkIn = try #require(desk.send(.submit).checkIns.first)
    #expect(
      checkIn.request.override == StaffOverride(refusedAs: "FROZEN", reason: "Trial visit"))
  }

  @Test func typingChoosesAnotherReasonAndTheArrowsStopAtItsRow() throws {
    var desk = Desk()
    desk.overrideReasons = ["Forgot card", "Day pass"]
    try refuseSara(&desk)
    desk.send(.beginOverride)
    for _ in 0..<5 { desk.send(.moveSelection(1)) }
    var prompt = try #require(desk.state.phase.overridePrompt)
    #expect(prompt.choice == 2 && prompt.isTyping, "the arrows stop on the typed reason's row")
    #expect(desk.send(.submit) == [], "the typed reason's row with nothing typed records nothing")
    #expect(desk.state.notice?.text == "Pick a reason with ↑ ↓, or type another one")

    desk.send(.moveSelection(-1))
    desk.send(.typed("  guest of Omar "))
    prompt = try #require(desk.state.phase.overridePrompt)
    #expect(prompt.isTyping, "typing moves the highlight to the typed reason")
    #expect(prompt.chosenReason == "guest of Omar")

    // Going back to a preset keeps what was typed, but the preset is what Enter records.
    desk.send(.moveSelection(-1))
    #expect(desk.state.phase.overridePrompt?.reason == "  guest of Omar ")
    let checkIn = try #require(desk.send(.submit).checkIns.first)
    #expect(checkIn.request.override?.reason == "Day pass")
  }

  @Test func anOverrideNeedsAKnownMemberAndAStoreThatCanRecordIt() throws {
    var desk = Desk()
    // A code nobody has: there is no member to let in.
    let lookUp = try #require(desk.send(.scanned("GYM-404")).lookUps.first)
    desk.send(.lookedUp(lookUp.id, .failure(.refused(.notFound(code: "GYM-404")))))
    desk.send(.beginOverride)
    #expect(desk.state.phase.overridePrompt == nil)

    var remote = Desk()
    remote.allowsOverride = false
    try refuseSara(&remote)
    remote.send(.beginOverride)
    #expect(remote.state.phase.overridePrompt == nil)
    #expect(remote.state.notice?.tone == .warning)
  }

  @Test func escAndTheClockAbandonAnOverrideWithoutRecording() throws {
    var desk = Desk()
    try refuseSara(&desk)
    desk.send(.beginOverride)
    desk.send(.typed("x"))
    #expect(desk.send(.cancel) == [])
    #expect(desk.state.phase == .ready)

    try refuseSara(&desk)
    desk.send(.beginOverride)
    desk.advance(desk.timing.dialog)
    #expect(desk.send(.tick) == [])
    #expect(desk.state.phase == .ready)
  }

  @Test func aLockedKioskRefusesStaffKeys() throws {
    var desk = Desk()
    // A kiosk that asks, so the test can confirm the dialog itself.
    desk.kiosk = KioskLock(unlockCode: "4321", action: .ask(countdown: 10))
    _ = try desk.checkInSara()
    desk.send(.undoLast)
    #expect(desk.state.phase.banner != nil, "undo did nothing")
    #expect(desk.state.notice?.text.contains("F12") == true)
    desk.advance(1)
    desk.send(.cancel)
    desk.send(.openSearch)
    #expect(desk.state.phase == .ready, "search is for staff at a kiosk")
    try refuseSara(&desk)
    desk.send(.beginOverride)
    #expect(desk.state.phase.overridePrompt == nil)
  }

  @Test func theUnlockCodeOpensStaffKeysForAWhile() throws {
    var desk = Desk()
    desk.kiosk = KioskLock(unlockCode: "4321", unlockedFor: 120)
    desk.enterUnlockCode("1111")
    #expect(desk.state.phase == .ready)
    #expect(desk.state.notice == Notice("Wrong unlock code", tone: .error))
    #expect(!desk.state.isStaffUnlocked(desk.context))

    desk.enterUnlockCode("4321")
    #expect(desk.state.isStaffUnlocked(desk.context))
    desk.send(.openSearch)
    #expect(desk.state.phase.panel != nil)
    desk.send(.cancel)

    desk.advance(120)
    desk.send(.tick)
    #expect(!desk.state.isStaffUnlocked(desk.context))
    #expect(desk.state.notice == Notice("Kiosk locked again", tone: .info))
  }

  @Test func f12LocksAnUnlockedKioskAndClosesSearch() throws {
    var desk = Desk()
    desk.kiosk = KioskLock(unlockCode: "9")
    desk.enterUnlockCode("9")
    desk.send(.openSearch)
    desk.send(.toggleLock)
    #expect(desk.state.phase == .ready)
    #expect(!desk.state.isStaffUnlocked(desk.context))
  }

  /// Typing keeps a search open past the unlock's end; the lock must close it, or the next
  /// member could browse names and phones and check someone else in.
  @Test func theLockComingBackClosesAnOpenSearch() throws {
    var desk = Desk()
    desk.kiosk = KioskLock(unlockCode: "9", unlockedFor: 120)
    desk.enterUnlockCode("9")
    desk.send(.openSearch)
    for _ in 0..<5 {
      desk.advance(30)
      desk.send(.typed("s"))
      desk.send(.tick)
    }
    #expect(desk.state.phase == .ready)
    #expect(!desk.state.isStaffUnlocked(desk.context))
    #expect(desk.state.notice == Notice("Kiosk locked again", tone: .info))
  }

  /// A hit picked after the lock came back (between two ticks) opens nobody.
  @Test func aLockedKioskOpensNoSearchHit() throws {
    var desk = Desk()
    desk.kiosk = KioskLock(unlockCode: "9", unlockedFor: 120)
    desk.enterUnlockCode("9")
    desk.send(.openSearch)
    let search = try #require(desk.send(.typed("sa")).searches.first)
    let hit = MemberSummary(
      id: 1, fullName: "Sara Haddad", phone: nil, qrCode: "GYM-1", branchID: 1, isActive: true)
    desk.send(.searched(search.id, .success(SearchPage(query: "sa", hits: [hit], hasMore: false))))
    desk.advance(121)
    #expect(desk.send(.submit).lookUps.isEmpty)
    #expect(desk.state.notice?.tone == .warning)
  }

  @Test func theUnlockPromptTimesOutAndAScanReplacesIt() throws {
    var desk = Desk()
    desk.kiosk = KioskLock(unlockCode: "4321")
    desk.send(.toggleLock)
    desk.advance(desk.timing.undoPrompt)
    desk.send(.tick)
    #expect(desk.state.phase == .ready)

    desk.send(.toggleLock)
    let effects = desk.send(.scanned("GYM-1"))
    #expect(effects.lookUps.count == 1, "a member's scan wins over a half-typed code")
  }

  @Test func withoutAKioskStaffKeysAlwaysWorkAndF12DoesNothing() {
    var desk = Desk()
    #expect(desk.state.isStaffUnlocked(desk.context))
    desk.send(.toggleLock)
    #expect(desk.state.phase == .ready)
  }

  @Test func todayToggles() {
    var desk = Desk()
    desk.send(.toggleToday)
    #expect(desk.state.showsToday)
    desk.send(.toggleToday)
    #expect(!desk.state.showsToday)
  }
}
