import CheckInCore
import Testing

@testable import CheckInApp

/// `kiosk_action` and `--kiosk-action`: what a kiosk records by itself.
@Suite struct KioskSettingsTests {
  @Test func eachActionIsRead() throws {
    #expect(try Parse.kioskAction("default", what: "x") == .standard)
    #expect(try Parse.kioskAction("check-in-only", what: "x") == .checkInOnly)
    #expect(try Parse.kioskAction("Checkin-Only", what: "x") == .checkInOnly)
    #expect(try Parse.kioskAction("ask", what: "x") == .ask(countdown: 5))
    #expect(try Parse.kioskAction("ask 8", what: "x") == .ask(countdown: 8))
    #expect(try Parse.kioskAction("ask:12", what: "x") == .ask(countdown: 12))
  }

  @Test func anythingElseIsAnErrorThatNamesTheChoices() {
    for text in ["sometimes", "ask 0", "ask 120", "ask soon", "", "default 3"] {
      #expect(throws: UsageError.self, "\(text)") {
        try Parse.kioskAction(text, what: "kiosk_action")
      }
    }
    do {
      _ = try Parse.kioskAction("sometimes", what: "kiosk_action")
    } catch {
      #expect(error.message.contains("default, check-in-only or ask"))
    }
  }

  @Test func theConfigFileAndTheOptionSetIt() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try sandbox.write("config/checkin/checkin.conf", "kiosk = yes\nkiosk_action = ask 7\n")
    let fromFile = try Settings.resolve(
      try ArgumentParser.parse([]), environment: sandbox.environment)
    #expect(fromFile.isKiosk)
    #expect(fromFile.kioskAction == .ask(countdown: 7))
    let fromOption = try Settings.resolve(
      try ArgumentParser.parse(["--kiosk-action", "check-in-only"]),
      environment: sandbox.environment)
    #expect(fromOption.kioskAction == .checkInOnly, "the command line wins")
  }
}
