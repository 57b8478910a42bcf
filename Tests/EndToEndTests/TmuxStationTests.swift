import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension EndToEnd {
  /// The full-screen station as a person uses it: the built `checkin` binary in a detached tmux
  /// session on the demo database, keys typed with `send-keys` (a scan as one burst), the screen
  /// read with `capture-pane`, the database read afterwards. Each test has its own tmux server
  /// and its own HOME; both are gone when it ends.
  @Suite("Station through tmux", .serialized)
  struct TmuxStationTests {
    /// Sara Haddad (GYM-1) holds "12 Sessions", 8 of 12 left.
    static let saraPlan: Int64 = 1001
    /// Tamer Fathy (GYM-10) holds a sessions plan with nothing left.
    static let tamerPlan: Int64 = 1010

    @Test("A scan, Deduct Session, the result banner, the database, and back to the scan field")
    func checkInWithDeduction() async throws {
      try await TmuxStation.run("deduct") { station in
        try await station.waitForScanField()
        try station.send("GYM-1", "Enter")
        let pane = try await station.waitForText("Sara Haddad", "▸ Deduct Session ◂")
        #expect(pane.line(containing: "12 Sessions", "8/12") != nil, "\(pane)")
        #expect(pane.contains("Check-In Only"), "\(pane)")

        try await station.confirm()
        let banner = try await station.waitForScreen("WELCOME and 7 sessions left") {
          $0.shows(.welcome) && $0.contains("7 sessions left")
        }
        #expect(banner.line(containing: "Sara", "7 sessions left") != nil, "\(banner)")

        let ledger = try station.demoLedger()
        #expect(ledger.remaining[Self.saraPlan] == 7)
        #expect(ledger.attendance.count == 1)
        let visit = try #require(ledger.attendance.first)
        #expect(visit.customerID == 1)
        #expect(visit.subscriptionID == Self.saraPlan)
        #expect(visit.deducted == 1)
        #expect(visit.action == "check_in_with_deduction")
        #expect(!visit.isVoided)

        // Nobody touches a key: the banner goes by itself.
        let idle = try await station.waitForScanField()
        #expect(!idle.shows(.welcome), "\(idle)")
        #expect(idle.contains("Today · 1 check-in"), "\(idle)")
      }
    }

    @Test("A scan while the member dialog shows starts over; nothing is recorded for the first")
    func scanDuringDialog() async throws {
      try await TmuxStation.run("rescan") { station in
        try await station.waitForScanField()
        try station.send("GYM-1", "Enter")
        try await station.waitForText("Sara Haddad", "▸ Deduct Session ◂")

        // GYM-12 is Mostafa Ali, a member of another branch: refused, nothing to confirm.
        try station.send("GYM-12", "Enter")
        let pane = try await station.waitForText("Mostafa Ali")
        #expect(pane.line(containing: "Mostafa Ali", "branch") != nil, "\(pane)")
        #expect(!pane.contains("Sara Haddad"), "\(pane)")
        #expect(!pane.contains("▸ Deduct Session ◂"), "\(pane)")
        #expect(!pane.shows(.welcome), "\(pane)")
        #expect(pane.contains("Today · 0 check-ins"), "\(pane)")

        try station.send("Escape")
        try await station.waitForScanField()
        let ledger = try station.demoLedger()
        #expect(ledger.attendance.isEmpty, "\(ledger.attendance)")
        #expect(ledger.remaining[Self.saraPlan] == 8)
      }
    }

    @Test("A scan while staff type an override reason is the next member, not the reason")
    func scanDuringOverride() async throws {
      try await TmuxStation.run("override") { station in
        try await station.waitForScanField()
        try station.send("GYM-7", "Enter")
        try await station.waitForText("Nour Adel")
        try station.send("F8")
        try await station.waitForText("Staff override")
        try station.send("GYM-1", "Enter")
        try await station.waitForText("Sara Haddad", "▸ Deduct Session ◂")
        let ledger = try station.demoLedger()
        #expect(ledger.attendance.isEmpty, "no override recorded: \(ledger.attendance)")
        try station.send("Escape")
        try await station.waitForScanField()
      }
    }

    @Test("A member with no sessions left is refused, with the reason and the bell")
    func refusal() async throws {
      try await TmuxStation.run("refuse") { station in
        try await station.waitForScanField()
        try station.send("GYM-10", "Enter")
        let pane = try await station.waitForScreen("REFUSED with the reason") {
          $0.shows(.refused) && $0.contains("Tamer Fathy has no sessions left")
        }
        #expect(!pane.contains("▸ Deduct Session ◂"), "\(pane)")
        try await station.waitForScreen("the bell (tmux's bell flag on the window)") { _ in
          (try? station.paneFormat("#{window_bell_flag}")) == "1"
        }

        let ledger = try station.demoLedger()
        #expect(ledger.attendance.isEmpty, "\(ledger.attendance)")
        #expect(ledger.remaining[Self.tamerPlan] == 0)
        try station.send("Escape")
        try await station.waitForScanField()
      }
    }

    @Test("F2, typing a name, the hits as you type, Enter opens the member as if scanned")
    func search() async throws {
      try await TmuxStation.run("search") { station in
        try await station.waitForScanField()
        try station.send("F2")
        try await station.waitForText("Search ▸")
        try station.type("sara")
        let hits = try await station.waitForScreen("the hits for “sara”") { screen in
          screen.line(containing: "Search ▸", "sara") != nil
            && screen.line(containing: "Sara Haddad", "GYM-1") != nil
        }
        #expect(hits.line(containing: "▸ Sara Haddad") != nil, "first hit selected:\(hits)")

        try station.send("Enter")
        let pane = try await station.waitForText("▸ Deduct Session ◂")
        #expect(pane.line(containing: "Sara Haddad", "GYM-1") != nil, "\(pane)")
        #expect(pane.line(containing: "12 Sessions", "8/12") != nil, "\(pane)")
        #expect(!pane.contains("Search ▸"), "\(pane)")

        try station.send("Escape")
        try await station.waitForScanField()
        #expect(try station.demoLedger().attendance.isEmpty)
      }
    }

    @Test("Resizing to 60×16 keeps the layout, 50×12 says too small, 100×30 draws it all again")
    func resize() async throws {
      try await TmuxStation.run("resize") { station in
        try await station.waitForScanField()
        let before = try await station.waitForText("Today · 0 check-ins")

        try station.resize(width: 60, height: 16)
        let small = try await station.waitForScreen("the full layout at 60×16") { screen in
          screen.lines.count == 16 && screen.contains("Scan ▸")
            && screen.lastNonEmptyLine?.index == 15
            && screen.lastNonEmptyLine?.text.contains("demo.sqlite3") == true
        }
        #expect(small.contains("Hold the member card under the scanner"), "\(small)")
        #expect(!small.contains("too small"), "\(small)")

        try station.resize(width: 50, height: 12)
        let tiny = try await station.waitForScreen("“Terminal too small” at 50×12") { screen in
          screen.lines.count == 12 && screen.contains("Terminal too small")
        }
        #expect(!tiny.contains("Scan ▸"), "\(tiny)")

        try station.resize(width: 100, height: 30)
        let again = try await station.waitForScreen("the layout back at 100×30") { screen in
          screen.lines.count == 30 && screen.contains("Scan ▸")
            && !screen.contains("too small")
        }
        // Everything but the clock in the header is as it was before the resizes.
        let settled = try await station.waitForScreen("the same screen as before the resizes") {
          Array($0.lines.dropFirst()) == Array(before.lines.dropFirst())
        }
        #expect(!again.contains("Enlarge"), "\(again)")
        #expect(settled.lines.first?.hasPrefix(" CheckIn Station · e2e-tmux") == true, "\(settled)")

        // And it still works.
        try station.send("GYM-3", "Enter")
        try await station.waitForText("Lina Farouk", "Check-In Only")
      }
    }

    @Test("SIGHUP (an SSH session dropped): exit 0, stty sane, the confirmed check-in kept once")
    func hangUp() async throws {
      try await TmuxStation.run("sighup") { station in
        try await station.waitForScanField()
        #expect(try station.paneFormat("#{alternate_on}") == "1")
        try station.send("GYM-1", "Enter")
        try await station.waitForText("Sara Haddad", "▸ Deduct Session ◂")
        try await station.confirm()
        try await station.waitForScreen("WELCOME and 7 sessions left") {
          $0.shows(.welcome) && $0.contains("7 sessions left")
        }

        try await station.signalStation(SIGHUP)
        let status = try await station.waitForExit()
        #expect(status == 0)
        #expect(try await !station.stationIsRunning())
        try Self.expectTerminalRestored(station)

        let ledger = try station.demoLedger()
        #expect(ledger.integrity == ["ok"])
        #expect(ledger.foreignKeyProblems == 0)
        let visits = ledger.visitsByMember[1] ?? []
        #expect(visits.count == 1, "\(ledger.attendance)")
        #expect(visits.first?.deducted == 1)
        #expect(ledger.remaining[Self.saraPlan] == 7)
      }
    }

    @Test("SIGTERM quits cleanly and restores the terminal")
    func terminate() async throws {
      try await TmuxStation.run("sigterm") { station in
        try await station.waitForScanField()
        try await station.signalStation(SIGTERM)
        #expect(try await station.waitForExit() == 0)
        #expect(try await !station.stationIsRunning())
        try Self.expectTerminalRestored(station)
      }
    }

    @Test("SIGTERM with on-checkin commands queued: each still runs, in order, before the exit")
    func terminateRunsQueuedHooks() async throws {
      let folder = TmuxStation.folderToken
      // The hook waits for the test's word, so that SIGTERM finds every one of them queued.
      let hook =
        "while [ ! -e '\(folder)/go' ]; do sleep 0.05; done; cat >> '\(folder)/hooks.jsonl'"
      let configuration = "kiosk = yes\nkiosk_unlock_code = 2468\nresult_seconds = 2\n"
      try await TmuxStation.run(
        "sigterm-hooks",
        arguments: [
          "--demo", "--config", "kiosk.conf", "--on-checkin", hook, "--on-checkin-timeout", "120",
        ],
        configuration: nil, files: ["kiosk.conf": configuration]
      ) { station in
        try await station.waitForScanField()
        for code in ["GYM-1", "GYM-2", "GYM-3", "GYM-13"] {
          try station.send(code, "Enter")
          try await station.waitForScreen("WELCOME for \(code)") { $0.shows(.welcome) }
          try await station.waitForScanField()
        }
        try await station.signalStation(SIGTERM)
        try await station.waitForText("running 4 queued on-checkin commands")
        try Data().write(to: station.folder.appending(path: "go"))
        #expect(try await station.waitForExit(within: .seconds(60)) == 0)
        let written = try String(
          contentsOf: station.folder.appending(path: "hooks.jsonl"), encoding: .utf8)
        let members = try written.split(separator: "\n").map { line in
          let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
          return object?["customer_id"] as? Int
        }
        #expect(members == [1, 2, 3, 13], "\(written)")
        #expect(!(try station.capture().contains("was not run")))
      }
    }

    @Test("Ctrl-C (not a kiosk) quits cleanly and restores the terminal")
    func controlC() async throws {
      try await TmuxStation.run("ctrlc") { station in
        try await station.waitForScanField()
        try station.send("C-c")
        #expect(try await station.waitForExit() == 0)
        #expect(try await !station.stationIsRunning())
        try Self.expectTerminalRestored(station)
      }
    }

    @Test("A kiosk: Ctrl-C and F9 do nothing until unlocked, scans check in; then q quits")
    func kiosk() async throws {
      let configuration =
        "station = e2e-kiosk\nkiosk = yes\nkiosk_unlock_code = 2468\n"
        + "result_seconds = 3\n"
      try await TmuxStation.run(
        "kiosk", arguments: ["--demo", "--config", "kiosk.conf"], configuration: nil,
        files: ["kiosk.conf": configuration]
      ) { station in
        try await station.waitForScanField()
        try station.send("C-c")
        try station.send("q")
        try station.send("F9")
        try await station.waitForText("Staff only")

        // Still there, and a stray key doesn't spoil the next member's scan: checked in alone.
        try station.send("GYM-3", "Enter")
        try await station.waitForScreen("WELCOME Lina") {
          $0.shows(.welcome) && $0.contains("Lina — no deduction")
        }
        #expect(try await station.stationIsRunning())
        #expect(!(try station.capture().contains("EXITED")))
        try await station.waitForScanField()

        try station.send("F12")
        try await station.waitForText("Unlock code ▸")
        try station.send("2468", "Enter")
        try await station.waitForText("Staff keys unlocked")
        try station.send("q")
        #expect(try await station.waitForExit() == 0)
        try Self.expectTerminalRestored(station)
      }
    }

    /// A way to ask for a station without colour.
    struct Monochrome: CustomStringConvertible, Sendable {
      let description: String
      let arguments: [String]
      let environment: [String: String]
    }

    @Test(
      "NO_COLOR and --theme mono start in monochrome",
      arguments: [
        Monochrome(
          description: "NO_COLOR=1", arguments: ["--demo"], environment: ["NO_COLOR": "1"]),
        Monochrome(
          description: "--theme mono", arguments: ["--demo", "--theme", "mono"], environment: [:]),
      ])
    func monochrome(_ way: Monochrome) async throws {
      try await TmuxStation.run(
        "mono", arguments: way.arguments, environment: way.environment
      ) { station in
        let pane = try await station.waitForScanField()
        let styled = try station.captureStyled()
        #expect(!styled.usesColour, "colour escapes on screen: \(styled.text.debugDescription)")
        #expect(!pane.contains("Theme not used"), "\(pane)")
        try station.send("GYM-1", "Enter")
        try await station.waitForText("Sara Haddad", "▸ Deduct Session ◂")
      }
    }

    @Test("A broken theme file: the default theme and a one-line notice naming the file")
    func brokenTheme() async throws {
      try await TmuxStation.run(
        "theme", arguments: ["--demo", "--theme", TmuxStation.folderToken + "/broken.json"],
        files: ["broken.json": "{\"name\": \"broken\", \"styles\": "]
      ) { station in
        let themePath = station.folder.appending(path: "broken.json").path
        let pane = try await station.waitForScanField()
        let notice = try #require(pane.line(containing: "Theme not used"), "\(pane)")
        #expect(notice.contains(themePath), "\(pane)")
        #expect(
          pane.lines.filter { $0.contains("broken.json") || $0.contains("Theme not used") }.count
            == 1, "\(pane)")
        let styled = try station.captureStyled()
        #expect(styled.usesColour, "the default theme's colours: \(styled.text.debugDescription)")
      }
    }

    /// The shell's `stty -g` after the station equals the one before, and the pane is back on the
    /// normal screen with a visible cursor.
    static func expectTerminalRestored(
      _ station: TmuxStation, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
      let settings = try station.terminalSettings()
      #expect(settings.after == settings.before, "stty -g", sourceLocation: sourceLocation)
      #expect(
        try station.paneFormat("#{alternate_on}") == "0", "still on the alternate screen",
        sourceLocation: sourceLocation)
      #expect(
        try station.paneFormat("#{cursor_flag}") == "1", "cursor left hidden",
        sourceLocation: sourceLocation)
    }
  }
}
