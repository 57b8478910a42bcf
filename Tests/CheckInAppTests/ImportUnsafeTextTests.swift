import Foundation
import Testing

@testable import CheckInApp

/// A spreadsheet can't drive a terminal: text that would clear a screen, retitle a window or
/// reorder what a receptionist reads is refused with its line, in every text field; and a length
/// limit can't be passed with characters that are all combining marks.
@Suite("import: text that could drive a terminal")
struct ImportUnsafeTextTests {
  @Test func controlAndBidiCharactersAreRefusedInEveryTextField() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let marks = "a" + String(repeating: "\u{0301}", count: 5000)
    let rows = [
      "1,Phone Clears,+20\u{1B}[2J100,,1,1,,,,,,,,,",
      "2,Note Titles,,,1,1,,,,,,,,,\"call \u{1B}]0;owned\u{07}\"",
      "3,Reversed \u{202E}dlaR,,,1,1,,,,,,,,,",
      "4,\(marks),,,1,1,,,,,,,,,",
      "5,Fine Notes,,,1,1,,,,,,,,,\"knee\ninjury\"",
    ]
    let file = try sandbox.write("unsafe.csv", SheetText.file(rows, header: SheetText.fullHeader))
    let result = await sandbox.run(["import", file, "--db", sandbox.path("station.sqlite3")])
    #expect(result.status == 1, "\(result)")
    for (line, says) in [
      (2, "phone contains control characters"), (3, "notes contains control characters"),
      (4, "full_name contains bidi override characters"),
      (5, "full_name is longer than 200 characters"),
    ] {
      #expect(
        result.err.contains("line \(line)") && result.err.contains(says),
        "line \(line): \(says)\n\(result.err)")
    }
    #expect(result.err.contains("4 bad rows"), "\(result.err)")
    // What was refused is never echoed back raw.
    #expect(!result.err.contains("\u{1B}"))
  }
}
