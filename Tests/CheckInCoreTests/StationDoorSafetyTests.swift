import Foundation
import Testing

@testable import CheckInCore

/// What keeps a visit from being recorded by accident: nothing acts on a screen that isn't
/// drawn, a scanner at a text prompt is the next member, a doubled terminator isn't a choice, and
/// guessing the kiosk's unlock code gets slower and is logged.
@Suite struct StationDoorSafetyTests {
  /// The terminal shrank below the minimum: the dialog isn't drawn, so its keys do nothing.
  @Test func nothingActsOnAScreenThatIsNotDrawn() throws {
    var desk = Desk()
    _ = try desk.openDialog(scanning: "GYM-1", card: Fixture.sara)
    desk.send(.resized(fits: false))
    let before = desk.state
    for event: StationEvent in [
      .submit, .choose(.deduct), .toggleChoice, .typed("2"), .scanned("GYM-2"),
      .burst("GYM-2", terminated: true), .undoLast, .openSearch, .toggleHelp,
    ] {
      #expect(desk.send(event) == [], "\(event)")
      #expect(desk.state == before, "\(event)")
    }
    #expect(desk.state.abilities(desk.context).available.isEmpty)
    desk.send(.cancel)
    #expect(desk.state.phase == .ready, "Esc still backs out")
    desk.send(.resized(fits: true))
    #expect(try #require(desk.send(.scanned("GYM-2")).lookUps.first).payload.displayText == "GYM-2")
  }

  @Test func aScanAtTheOverridePromptIsTheNextMember() throws {
    var desk = Desk()
    let lookUp = try #require(desk.send(.scanned("GYM-1")).lookUps.first)
    var card = Fixture.sara
    card.subscriptions = [Fixture.sessions(id: 11, remaining: 0, end: Fixture.day(30))]
    desk.send(.lookedUp(lookUp.id, .success(card)))
    desk.send(.beginOverride)
    #expect(desk.state.phase.overridePrompt != nil)
    let next = try #require(desk.send(.burst("GYM-2", terminated: true)).lookUps.first)
    #expect(next.payload == .idForm(code: "GYM-2", memberID: 2))
  }

  /// Whatever a scanner sends into the unlock prompt is an attempt: guessing with barcodes is
  /// slowed and logged like guessing by hand.
  @Test func aScanAtTheUnlockPromptIsAnAttempt() throws {
    var desk = Desk()
    desk.kiosk = KioskLock(unlockCode: "4321")
    desk.send(.toggleLock)
    let effects = desk.send(.burst("GYM-2", terminated: true))
    #expect(effects.lookUps.isEmpty)
    #expect(desk.state.unlockFailures == 1)
    #expect(effects.contains { if case .log = $0 { true } else { false } })
  }

  /// A password typed fast or pasted with its Enter (a busy station reads it all at once) logs
  /// in.
  @Test func aPasswordWithItsEnterInOneBurstLogsIn() {
    var desk = Desk()
    desk.state.phase = .loggingIn(LoginPrompt(openedAt: desk.clock))
    let effects = desk.send(.burst("s3cret", terminated: true))
    guard case .login(_, let password)? = effects.first else {
      Issue.record("no login: \(effects)")
      return
    }
    #expect(password == "s3cret")
  }

  /// A code that waited behind the banner is looked up however the banner goes, never stranded.
  @Test func aWaitingCodeIsNeverStranded() throws {
    var desk = Desk()
    _ = try desk.checkInSara()
    desk.advance(0.4)
    desk.send(.scanned("GYM-2"))
    #expect(desk.state.queuedScan == "GYM-2")
    // Staff open search over the banner: the member waiting at the door comes first.
    let lookUp = try #require(desk.send(.openSearch).lookUps.first)
    #expect(lookUp.payload == .idForm(code: "GYM-2", memberID: 2))
    #expect(desk.state.queuedScan == nil)
  }

  /// Two codes behind one banner: the first is named, not silently dropped.
  @Test func aReplacedWaitingCodeIsNamed() throws {
    var desk = Desk()
    _ = try desk.checkInSara()
    desk.send(.scanned("GYM-2"))
    desk.send(.scanned("GYM-3"))
    #expect(desk.state.queuedScan == "GYM-3")
    #expect(desk.state.notice?.text.contains("GYM-2 was not looked up") == true)
  }

  /// The code itself arriving all at once (pasted, or a busy station reading it in one go).
  @Test func theUnlockCodeInOneBurstUnlocks() {
    var desk = Desk()
    desk.kiosk = KioskLock(unlockCode: "4321")
    desk.send(.toggleLock)
    desk.send(.burst("4321", terminated: true))
    #expect(desk.state.isStaffUnlocked(desk.context))
  }

  /// A pasted password is typed (Enter then sends it).
  @Test func aPastedPasswordIsTyped() {
    var desk = Desk()
    desk.state.phase = .loggingIn(LoginPrompt(openedAt: desk.clock))
    desk.send(.burst("s3cret", terminated: false))
    guard case .login(_, let password)? = desk.send(.submit).first else {
      Issue.record("no login")
      return
    }
    #expect(password == "s3cret")
  }

  /// Enter within the guard after the card appeared is a scanner's second terminator.
  @Test func enterRightAfterTheCardAppearsIsIgnored() throws {
    var desk = Desk()
    desk.timing.confirmGuard = 0.3
    _ = try desk.openDialog(scanning: "GYM-1", card: Fixture.sara)
    desk.advance(0.1)
    #expect(desk.send(.submit) == [])
    #expect(desk.state.phase.dialog != nil)
    desk.advance(0.2)
    #expect(desk.send(.submit).checkIns.count == 1)
  }

  @Test func wrongUnlockCodesSlowFurtherTriesAndAreLogged() throws {
    var desk = Desk()
    desk.kiosk = KioskLock(unlockCode: "4321")
    var logged: [String] = []
    for attempt in 1...KioskLock.freeTries {
      desk.send(.toggleLock)
      desk.send(.typed("0000"))
      let effects = desk.send(.submit)
      logged += effects.compactMap { if case .log(let line) = $0 { line } else { nil } }
      #expect(desk.state.unlockFailures == attempt)
    }
    #expect(logged.count == KioskLock.freeTries)
    #expect(logged.allSatisfy { $0.contains("wrong unlock code") && !$0.contains("0000") })
    #expect(try #require(desk.state.unlockShutUntil) == desk.clock + 5)
    // While shut, the prompt doesn't even open, the right code included.
    desk.send(.toggleLock)
    #expect(desk.state.phase == .ready)
    #expect(desk.state.notice?.text.contains("try again in 5 s") == true)
    desk.advance(5)
    desk.enterUnlockCode("0000")
    #expect(desk.state.unlockShutUntil == desk.clock + 10, "the wait doubles")
    desk.advance(10)
    desk.enterUnlockCode("4321")
    #expect(desk.state.isStaffUnlocked(desk.context))
    #expect(desk.state.unlockFailures == 0)
  }

  @Test func theLockoutGrowsToFiveMinutes() {
    #expect(KioskLock.lockout(afterFailures: 2) == 0)
    #expect(KioskLock.lockout(afterFailures: 3) == 5)
    #expect(KioskLock.lockout(afterFailures: 4) == 10)
    #expect(KioskLock.lockout(afterFailures: 9) == 300)
    #expect(KioskLock.lockout(afterFailures: 1000) == 300)
  }

  @Test func aKioskWithoutAnUnlockCodeSaysSo() {
    var desk = Desk()
    desk.kiosk = KioskLock(unlockCode: "")
    desk.send(.toggleLock)
    #expect(desk.state.phase == .ready)
    #expect(desk.state.notice?.text.contains("No unlock code") == true)
  }

  /// What the desk may do, decided once: the reducer refuses exactly what abilities leave out.
  @Test func abilitiesFollowTheStoreAndTheScreen() throws {
    var desk = Desk()
    let receipt = try desk.checkInSara()
    var remote = desk.context
    remote.allowsUndo = false
    remote.allowsOverride = false
    #expect(desk.state.abilities(desk.context).allows(.undo))
    #expect(!desk.state.abilities(remote).allows(.undo))
    desk.advance(1)
    desk.state.phase = .ready
    let effects = Station.reduce(into: &desk.state, .undoLast, remote)
    #expect(effects.isEmpty)
    #expect(desk.state.notice?.text.contains("can't void") == true, "\(receipt.attendanceID)")
    desk.advance(700)
    #expect(!desk.state.abilities(desk.context).allows(.undo), "past the undo window")
  }
}
