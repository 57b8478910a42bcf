import Foundation
import Testing

extension EndToEnd {
  /// The full-screen station in remote mode, on the stand-in backend: waiting on a slow server
  /// never freezes it, and a refused login is asked for again on screen.
  @Suite("Remote station through tmux", .serialized)
  struct RemoteStationTests {
    @Test("A slow server: the clock keeps ticking, keys work, Esc cancels the lookup")
    func slowServerDoesNotFreezeTheStation() async throws {
      let backend = try await BackendFixture()
      defer { backend.stop() }
      let session = try await backend.sessionFile()
      try await TmuxStation.run(
        "remote-slow", arguments: ["--api", backend.url],
        files: ["config/checkin/session.json": session]
      ) { station in
        try await station.waitForScanField()
        // Every member lookup now takes 6 s to answer — longer than this test waits.
        try await backend.control(
          "fault", ["kind": "slow", "seconds": 6, "path": "/api/customers", "count": 5])
        try station.send("GYM-116", "Enter")
        let waiting = try await station.waitForText("Looking up GYM-116")
        let clock = try #require(waiting.lines.first)

        // The station answers keys while it waits: the help overlay opens and closes.
        try station.send("F1")
        try await station.waitForText("Keys", "F1 or Esc closes this help")
        try station.send("Escape")
        try await station.waitForScreen("the help closed, still looking up") {
          !$0.contains("F1 or Esc closes this help") && $0.contains("Looking up GYM-116")
        }
        // And its clock moves on.
        try await station.waitForScreen("the clock moved on") {
          ($0.lines.first ?? clock) != clock && $0.contains("Looking up GYM-116")
        }
        // Esc gives the lookup up; the station is back at the scan field at once.
        try station.send("Escape")
        let back = try await station.waitForText("Lookup cancelled")
        #expect(!back.contains("Looking up"), "\(back)")
      }
    }

    @Test(
      "The server refuses the login mid-shift: the password is asked for, then the scan goes on")
    func expiredLoginIsAskedForAgain() async throws {
      let backend = try await BackendFixture()
      defer { backend.stop() }
      let session = try await backend.sessionFile()
      try await TmuxStation.run(
        "remote-login", arguments: ["--api", backend.url],
        files: ["config/checkin/session.json": session]
      ) { station in
        try await station.waitForScanField()
        try await backend.control("fault", ["kind": "expire_tokens"])
        try station.send("GYM-116", "Enter")
        try await station.waitForText("Log in again", "Password")
        try station.send("-l", "pass-1")
        try station.send("Enter")
        let card = try await station.waitForText("Nour Hassan", "▸ Deduct Coin ◂")
        #expect(card.contains("Logged in again"), "\(card)")
      }
    }
  }
}
