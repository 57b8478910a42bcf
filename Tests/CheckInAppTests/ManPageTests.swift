import Foundation
import Testing

@testable import CheckInApp

/// `checkin man` documents exactly what the option table holds, as roff that can't be misread.
@Suite struct ManPageTests {
  @Test func everyCommandAndOptionIsInThePage() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["man"])
    #expect(result.status == 0)
    let page = result.out
    #expect(page.hasPrefix(".TH CHECKIN 1"))
    for command in OptionTable.commands {
      #expect(page.contains(".B \(ManPage.escape(command.name))"), "\(command.name)")
      for option in command.options {
        #expect(page.contains(ManPage.escape(option.synopsis)), "\(command.name) \(option.name)")
      }
    }
    for option in OptionTable.global {
      #expect(page.contains(ManPage.escape(option.synopsis)), "\(option.name)")
    }
    // Every line that starts with a dot is a request the page means, never text.
    let requests: Set<Substring> = [".TH", ".SH", ".B", ".TP", ".br", ".RS", ".RE"]
    for line in page.split(separator: "\n") where line.hasPrefix(".") {
      #expect(requests.contains(line.split(separator: " ").first ?? ""), "\(line)")
    }
  }

  @Test func textThatLooksLikeARequestIsEscaped() {
    #expect(ManPage.escape(".hidden") == "\\&.hidden")
    #expect(ManPage.escape("a\\b-c") == "a\\\\b\\-c")
  }
}
