import CheckInCore
import Testing

@testable import CheckInApp

/// `override_reasons`: the reasons a staff override offers to pick.
@Suite struct OverrideReasonSettingsTests {
  @Test func theDefaultIsTheDesksCommonReasons() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let settings = try Settings.resolve(
      try ArgumentParser.parse([]), environment: sandbox.environment)
    #expect(settings.overrideReasons == OverrideReasons.standard)
  }

  @Test func theConfigFileSetsThemInItsOrderOrNone() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try sandbox.write(
      "config/checkin/checkin.conf", "override_reasons =  Guest pass ,Trial visit,Staff family\n")
    let listed = try Settings.resolve(
      try ArgumentParser.parse([]), environment: sandbox.environment)
    #expect(listed.overrideReasons == ["Guest pass", "Trial visit", "Staff family"])

    try sandbox.write("config/checkin/checkin.conf", "override_reasons = none\n")
    let none = try Settings.resolve(try ArgumentParser.parse([]), environment: sandbox.environment)
    #expect(none.overrideReasons.isEmpty, "none leaves only a reason typed by hand")
  }

  @Test func aListThePromptCantShowIsAnErrorSayingWhy() {
    let cases: [(String, String)] = [
      ("Forgot card,,Day pass", "empty reason"),
      ((1...9).map { "Reason \($0)" }.joined(separator: ","), "at most 8"),
      ("Forgot card, " + String(repeating: "x", count: 41), "longer than 40"),
      ("Day pass, day pass", "twice"),
    ]
    for (text, why) in cases {
      do {
        _ = try Parse.reasons(text, what: "override_reasons")
        Issue.record("\(text) was accepted")
      } catch {
        #expect(error.message.contains(why), "\(error.message)")
        #expect(error.message.hasPrefix("override_reasons"))
      }
    }
  }
}
