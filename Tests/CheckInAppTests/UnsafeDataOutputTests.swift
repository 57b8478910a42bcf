import CheckInSQLite
import Foundation
import Testing

@testable import CheckInApp

/// Data that reached the database some other way than `import` (an older file, another program)
/// still reaches no terminal as control characters: every text output goes through one
/// sanitiser, and JSON escapes what it can't show.
@Suite struct UnsafeDataOutputTests {
  static let name = "Sara\u{1B}[2J\u{1B}]0;owned\u{07} \u{202E}daddaH\u{9B}31m"
  static let phone = "+20\u{1B}[H 100"
  static let notes = "knee\nsurgery\u{1B}[8m hidden"

  private func sandboxWithUnsafeMember() async throws -> Sandbox {
    let sandbox = try Sandbox()
    #expect(await sandbox.run(["--demo", "demo"]).status == 0)
    let database = try Database(path: sandbox.demoDatabase, mode: .readWrite)
    try database.run(
      "UPDATE customers SET full_name = ?, phone = ?, notes = ? WHERE id = 1", Self.name,
      Self.phone, Self.notes)
    return sandbox
  }

  private func expectNoControls(_ text: String, _ label: String) {
    let unsafe = text.unicodeScalars.filter {
      ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value)
        || $0 == "\u{202E}"
    }
    #expect(unsafe.isEmpty, "\(label) carries \(unsafe.map { String($0.value, radix: 16) })")
  }

  @Test func textOutputShowsNoControlCharacters() async throws {
    let sandbox = try await sandboxWithUnsafeMember()
    defer { sandbox.remove() }
    for command in [
      ["show", "GYM-1"], ["search", "sara"], ["scan", "GYM-1"], ["today"], ["scan", "GYM-1"],
    ] {
      let result = await sandbox.run(["--demo"] + command)
      expectNoControls(result.out, "\(command) output")
      expectNoControls(result.err, "\(command) errors")
      #expect(result.out.contains("Sara") || result.err.contains("Sara"), "\(command): \(result)")
    }
    let shown = await sandbox.run(["--demo", "show", "GYM-1"])
    #expect(shown.out.contains("Sara\u{FFFD}[2J"), "the mark shows where a control was: \(shown)")
  }

  @Test func aLineBreakInAFieldCannotPassForAnotherLine() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    #expect(await sandbox.run(["--demo", "demo"]).status == 0)
    let database = try Database(path: sandbox.demoDatabase, mode: .readWrite)
    try database.run(
      "UPDATE customers SET full_name = ?, notes = ? WHERE id = 1",
      "Sara\n2  Fake Member  +20 100", "knee\nback")
    let search = await sandbox.run(["--demo", "search", "sara", "--limit", "1"])
    let hits = search.out.split(separator: "\n")
    #expect(hits.first?.contains("Sara\u{FFFD}2  Fake Member") == true, "\(search)")
    #expect(!hits.contains { $0.hasPrefix("2  Fake") }, "\(search)")
    let shown = await sandbox.run(["--demo", "show", "GYM-1"])
    #expect(shown.out.contains("Notes       knee\n            back\n"), "\(shown)")
    #expect(shown.out.contains("Member      Sara\u{FFFD}2  Fake Member"), "\(shown)")
  }

  @Test func importMessagesQuoteCellsSafely() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let file = try sandbox.write(
      "members.csv",
      SheetText.file([
        "1,Sara,,CARD-1,1,1,11,\u{1B}]0;owned\u{07},active,10,9,2026-01-01,2026-12-31"
      ]))
    let result = await sandbox.run(["import", file, "--db", sandbox.path("station.sqlite3")])
    #expect(result.status == 1, "\(result)")
    expectNoControls(result.err, "import's messages")
    #expect(result.err.contains("line 2"), "\(result)")
  }

  @Test func notesKeepTheirLinesWithoutCarriageReturns() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let header = SheetText.header + ",notes"
    let file = try sandbox.write(
      "members.csv",
      header
        + "\n1,Sara,,CARD-1,1,1,11,sessions,active,10,9,2026-01-01,2026-12-31,\"knee\r\nback\rneck\"\n"
    )
    let database = sandbox.path("station.sqlite3")
    let result = await sandbox.run(["import", file, "--db", database])
    #expect(result.status == 0, "\(result)")
    #expect(try StoreProbe(database).card(1).member.notes == "knee\nback\nneck")
  }

  @Test func jsonKeepsTheDataWholeAndEscaped() async throws {
    let sandbox = try await sandboxWithUnsafeMember()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "show", "GYM-1", "--json"])
    expectNoControls(result.out, "show --json")
    #expect(result.out.contains("\\u001b[2J"))
    #expect(result.out.contains("\\u202e") && result.out.contains("\\u009b"))
    let card = try #require(
      try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    #expect(card["customer_name"] as? String == Self.name)
    #expect(card["phone"] as? String == Self.phone)
    #expect(card["notes"] as? String == Self.notes)
  }
}
