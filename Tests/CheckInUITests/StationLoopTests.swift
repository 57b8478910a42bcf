import CheckInCore
import Foundation
import Testing

@testable import CheckInUI

/// The whole station loop in-process: bytes as terminals and scanners send them, at exact times
/// on a fake clock, through the decoder, the burst assembler, the key map and the reducer, to a
/// store and back to the screen.
@Suite struct StationLoopTests {
  static let cards = [Scenes.sara, Scenes.omar, Scenes.lina, Scenes.wang]
  static let kiosk = KioskLock(unlockCode: "4321")

  /// A kiosk with nothing but a scanner: each eligible member is checked in with the rules'
  /// default, a refusal records nothing, a double scan records once.
  @Test func aScannerOnlyKioskChecksMembersIn() {
    let desk = FakeDesk(cards: Self.cards, kiosk: Self.kiosk)
    desk.scan("GYM-1", at: 1)
    #expect(desk.screenText.contains("Sara — 1 session deducted, 7 sessions left"))
    desk.scan("GYM-1", at: 1.5)
    desk.scan("GYM-1", at: 4)
    desk.scan("GYM-2", suffix: "\r\n", at: 6)
    desk.advance(to: 8)
    #expect(desk.screenText.contains("Omar — no deduction (time plan)"))
    desk.scan("GYM-3", suffix: "\t", at: 12)
    desk.advance(to: 13)
    #expect(desk.screenText.contains("Lina Farouk has no sessions left"))
    #expect(desk.screenText.contains("Please see the desk"))
    #expect(desk.store.visits.map(\.memberID) == [1, 2])
    #expect(desk.store.visits.map(\.deducted) == [1, 0])
  }

  /// Today's list reloads on the minute; a loop that slept past the minute (a suspended machine,
  /// a stalled session) reloads when it wakes, not a minute later. The clock starts at :05.
  @Test func aLoopAsleepPastTheMinuteReloadsTodayOnWaking() {
    let desk = FakeDesk(cards: Self.cards)
    func reloads() -> Int {
      desk.performed.filter { if case .loadToday = $0.effect { true } else { false } }.count
    }
    #expect(reloads() == 1, "the load at start")
    desk.jump(to: 30)
    #expect(reloads() == 1)
    // Asleep from :35 to :40 of the next minute: its :00 was never serviced.
    desk.jump(to: 95)
    #expect(reloads() == 2)
    desk.jump(to: 100)
    #expect(reloads() == 2, "once per minute")
  }

  /// A slow scanner (100 ms between characters, or a slow link) at a kiosk: still one code, with
  /// or without a suffix, never its first character looked up on its own.
  @Test func aKioskTakesASlowScannersCodeWhole() {
    for suffix in ["\r", ""] {
      let desk = FakeDesk(cards: Self.cards, kiosk: Self.kiosk)
      desk.scan("GYM-13", suffix: suffix, at: 1, step: 0.1)
      desk.advance(to: 3)
      #expect(desk.store.visits.map(\.memberID) == [13], "\(suffix.debugDescription)")
      #expect(desk.screenText.contains("王伟 — 1 session deducted"), "\(suffix.debugDescription)")
    }
  }

  /// `2` + Enter from a scanner while Sara's card is open is member 2, never Deduct for Sara.
  @Test func aOneCharacterCodeOverADialogIsTheNextMember() {
    let desk = FakeDesk(cards: Self.cards)
    desk.scan("GYM-1", at: 1)
    #expect(desk.screenText.contains("▸ Deduct Session ◂"))
    desk.scan("2", at: 3)
    desk.advance(to: 3.5)
    #expect(desk.screenText.contains("Omar Khalil"))
    #expect(desk.store.visits.isEmpty)
  }

  /// Every suffix a scanner can be set to, and none: each ends the code, none confirms a card.
  @Test(arguments: ["\r", "\n", "\r\n", "\t", ""])
  func everySuffixEndsTheCode(suffix: String) {
    let desk = FakeDesk(cards: Self.cards)
    desk.scan("GYM-1", suffix: suffix, at: 1)
    desk.advance(to: 2)
    #expect(desk.screenText.contains("Sara Haddad"), "\(suffix.debugDescription)")
    desk.scan("GYM-13", suffix: suffix, at: 3)
    desk.advance(to: 4)
    #expect(desk.screenText.contains("王伟"), "\(suffix.debugDescription)")
    #expect(desk.store.visits.isEmpty, "\(suffix.debugDescription)")
  }

  /// A person typing `115` over a dialog: each digit shows at once, and nothing is recorded.
  @Test func handTypingOverADialogStartsTheNextCodeAtOnce() {
    let desk = FakeDesk(cards: Self.cards)
    desk.scan("GYM-1", at: 1)
    desk.send("1", at: 3)
    // Shown in the same loop turn as the read: no wait for the burst gap.
    #expect(desk.screen[2].contains("Scan ▸  1█"), "\(desk.screen[2])")
    desk.send("1", at: 3.15)
    desk.send("5", at: 3.3)
    #expect(desk.screen[2].contains("115█"))
    #expect(desk.store.visits.isEmpty)
    desk.send("\r", at: 3.5)
    #expect(desk.store.visits.isEmpty)
  }

  @Test func enterConfirmsTheHighlightedChoiceAndTheBannerShows() {
    let desk = FakeDesk(cards: Self.cards)
    desk.scan("GYM-1", at: 1)
    desk.send("\u{1B}[D", at: 2)  // ← to Check-In Only
    #expect(desk.screenText.contains("▸ Check-In Only ◂"))
    desk.send("\r", at: 2.5)
    #expect(desk.store.visits.map(\.action) == [.checkInOnly])
    #expect(desk.screenText.contains("Sara Haddad · Check-In Only"))
    // The banner stays its first second whatever arrives.
    desk.send("\u{1B}", at: 2.6)
    desk.advance(to: 2.8)
    #expect(desk.screenText.contains("Sara Haddad · Check-In Only"))
    desk.send("\u{1B}", at: 3.6)
    desk.advance(to: 3.8)
    #expect(!desk.screenText.contains("Sara Haddad · Check-In Only"))
  }

  /// The Linux console's F1 over a dialog opens help; nothing of it lands in the scan field.
  @Test func terminalsFunctionKeysAreKeysNotText() {
    for f1 in ["\u{1B}OP", "\u{1B}[11~", "\u{1B}[[A", "\u{1B}[M"] {
      let desk = FakeDesk(cards: Self.cards)
      desk.scan("GYM-1", at: 1)
      desk.send(f1, at: 2)
      #expect(desk.screenText.contains("┌─ Keys"), "\(f1.debugDescription)")
      #expect(desk.state.scanText.isEmpty, "\(f1.debugDescription)")
      #expect(desk.state.phase.isMember, "the dialog stays under help: \(f1.debugDescription)")
    }
  }

  @Test func anUnknownSequenceIsDroppedWhole() {
    let desk = FakeDesk(cards: Self.cards)
    desk.scan("GYM-1", at: 1)
    desk.send("\u{1B}[99~\u{1B}[?1;2c", at: 2)
    desk.advance(to: 3)
    #expect(desk.state.phase.isMember, "not taken as Esc")
    #expect(desk.state.scanText.isEmpty, "not typed")
  }

  /// A lone Esc is Esc once the escape delay has passed.
  @Test func aLoneEscapeIsEscape() {
    let desk = FakeDesk(cards: Self.cards)
    desk.scan("GYM-1", at: 1)
    desk.send("\u{1B}", at: 2)
    desk.advance(to: 2.2)
    #expect(desk.state.phase == .ready)
    #expect(desk.store.visits.isEmpty)
  }

  /// Shrunk below the minimum, the dialog isn't drawn: Enter records nothing. Back at size, it
  /// does.
  @Test func nothingActsWhileTheTerminalIsTooSmall() {
    let desk = FakeDesk(cards: Self.cards)
    desk.scan("GYM-1", at: 1)
    desk.resize(to: Size(width: 50, height: 12), at: 2)
    #expect(desk.screenText.contains("Terminal too small"))
    desk.send("\r", at: 3)
    desk.send("\u{1B}[C", at: 3.2)
    #expect(desk.store.visits.isEmpty)
    desk.resize(to: Size(width: 80, height: 24), at: 4)
    desk.send("\r", at: 5)
    #expect(desk.store.visits.count == 1)
  }

  /// VT100 has no F9: Ctrl-U undoes, and the help lists it.
  @Test func staffKeysWithoutFunctionKeys() {
    let desk = FakeDesk(cards: Self.cards)
    desk.scan("GYM-1", at: 1)
    desk.send("\r", at: 2)
    desk.send("\u{15}", at: 4)  // Ctrl-U
    #expect(desk.screenText.contains("Void the last check-in") || desk.state.phase.isUndoPrompt)
  }

  /// A locked kiosk: F12 / Ctrl-K and a wrong code, again and again: the fourth try waits.
  @Test func guessingTheUnlockCodeSlowsDown() {
    let desk = FakeDesk(cards: Self.cards, kiosk: Self.kiosk)
    for attempt in 0..<3 {
      let at = 1 + Double(attempt)
      desk.send("\u{0B}", at: at)
      for (index, digit) in "0000".enumerated() {
        desk.send(String(digit), at: at + 0.1 + Double(index) * 0.1)
      }
      desk.send("\r", at: at + 0.6)
    }
    desk.send("\u{0B}", at: 4)
    #expect(desk.screenText.contains("Too many wrong unlock codes"))
    #expect(!desk.state.phase.isUnlockPrompt)
    #expect(desk.performed.contains { if case .log = $0.effect { true } else { false } })
  }
}

extension Phase {
  var isMember: Bool {
    if case .member = self { true } else { false }
  }

  var isUndoPrompt: Bool {
    if case .confirmingUndo = self { true } else { false }
  }

  var isUnlockPrompt: Bool {
    if case .unlocking = self { true } else { false }
  }
}
