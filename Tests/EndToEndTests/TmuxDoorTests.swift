import Foundation
import Testing

extension EndToEnd {
  /// The door through the real ncurses path: a kiosk with nothing but a scanner, and the bytes
  /// real terminals send for their function keys. (Timing and interleavings are tested
  /// in-process with a fake clock: `StationLoopTests`, `DoorInterleavingTests`.)
  @Suite("The door through tmux", .serialized)
  struct TmuxDoorTests {
    static let kioskConfiguration =
      "station = e2e-door\nkiosk = yes\nkiosk_unlock_code = 2468\nresult_seconds = 3\n"

    @Test("A scanner-only kiosk checks members in, refuses with nothing recorded, deducts once")
    func scannerOnlyKiosk() async throws {
      try await TmuxStation.run(
        "door", arguments: ["--demo", "--config", "kiosk.conf"], configuration: nil,
        files: ["kiosk.conf": Self.kioskConfiguration]
      ) { station in
        try await station.waitForScanField()
        // Sara (sessions): deducted by itself; the same card again right behind changes nothing.
        try station.send("GYM-1", "Enter")
        try station.send("GYM-1", "Enter")
        try await station.waitForScreen("WELCOME Sara, 7 left") {
          $0.shows(.welcome) && $0.contains("Sara — 1 session deducted, 7 sessions left")
        }
        try station.send("GYM-1", "Enter")
        // Tamer has nothing left: refused, sent to the desk. A scanner ending codes with Tab.
        try station.send("-l", "GYM-10\t")
        let refusal = try await station.waitForScreen("Tamer refused") {
          $0.shows(.refused) && $0.contains("Tamer Fathy has no sessions left")
        }
        #expect(refusal.contains("Please see the desk"), "\(refusal)")
        // Lina (time plan): checked in, nothing deducted. A scanner ending codes with CR LF.
        try station.send("-l", "GYM-3\r\n")
        try await station.waitForScreen("WELCOME Lina") {
          $0.shows(.welcome) && $0.contains("Lina — no deduction")
        }

        let ledger = try station.demoLedger()
        let sara = ledger.visitsByMember[1] ?? []
        #expect(sara.count == 1, "\(ledger.attendance)")
        #expect(sara.first?.deducted == 1)
        #expect(ledger.remaining[TmuxStationTests.saraPlan] == 7)
        #expect(ledger.visitsByMember[10] == nil, "\(ledger.attendance)")
        #expect(ledger.remaining[TmuxStationTests.tamerPlan] == 0)
        let lina = ledger.visitsByMember[3] ?? []
        #expect(lina.count == 1 && lina.first?.deducted == 0, "\(ledger.attendance)")
        #expect(ledger.attendance.count == 2)
      }
    }

    /// What each terminal sends for F1, whatever TERM says: help opens over the dialog, and
    /// nothing of the sequence lands in the scan field.
    @Test(
      "Function keys as PuTTY, the Linux console, SCO and xterm send them",
      arguments: ["\u{1B}[11~", "\u{1B}[[A", "\u{1B}[M", "\u{1B}OP"])
    func functionKeys(_ f1: String) async throws {
      try await TmuxStation.run("fkeys") { station in
        try await station.waitForScanField()
        try station.send("GYM-1", "Enter")
        try await station.waitForText("Sara Haddad", "▸ Deduct Session ◂")
        try station.send("-l", f1)
        let help = try await station.waitForText("┌─ Keys")
        #expect(!help.contains("[11~") && !help.contains("[[A"), "\(help)")
        try station.send("Escape")
        try await station.waitForScreen("help closed over the dialog") {
          !$0.contains("┌─ Keys") && $0.contains("▸ Deduct Session ◂")
        }
        // An unknown sequence is dropped whole: neither Esc (the dialog stays) nor text.
        try station.send("-l", "\u{1B}[99~")
        try station.send("-l", "\u{1B}[C")
        let moved = try await station.waitForText("▸ Check-In Only ◂")
        #expect(!moved.contains("[99~"), "\(moved)")
        try station.send("Escape")
        try await station.waitForScanField()
        try station.send("-l", "\u{1B}[[B")  // the Linux console's F2: search
        try await station.waitForText("Search ▸")
        #expect(try station.demoLedger().attendance.isEmpty)
      }
    }
  }
}
