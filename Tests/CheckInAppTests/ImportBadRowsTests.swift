import Foundation
import Testing

@testable import CheckInApp

/// A file with any bad row is reported line by line and imports nothing.
@Suite("import: bad rows")
struct ImportBadRowsTests {
  /// Each bad row, the line it sits on, and a piece of what must be said about it.
  static let badFile: (text: String, problems: [(line: Int, says: String)]) = {
    let rows: [(String, String?)] = [
      ("1,Good One,,,1,1,201,sessions,active,10,5,2026-01-01,2026-12-31", nil),
      ("x7,Bad Id,,,1,1,,,,,,,", "member_id “x7” is not a positive whole number"),
      ("8,,,,1,1,,,,,,,", "full_name is empty"),
      ("9,Kind Bad,,,1,1,209,yoga,active,10,5,,", "kind “yoga” is not sessions, coins or time"),
      ("10,Too Many,,,1,1,210,sessions,active,5,6,,", "remaining (6) is more than total (5)"),
      ("11,Time Left,,,1,1,211,time,active,,3,,", "a time plan has no total or remaining"),
      (
        "12,Backwards,,,1,1,212,time,active,,,2026-05-01,2026-04-01",
        "end_date 2026-04-01 is before start_date 2026-05-01"
      ),
      ("13,Bad Date,,,1,1,213,time,active,,,2026-02-30,", "start_date “2026-02-30” is not a date"),
      ("14,Dup Sub,,,1,1,201,coins,active,10,5,,", "subscription 201 also appears on line 2"),
      ("1,Good Uno,,,1,1,,,,,,,", "member 1's details differ from line 2 (full_name)"),
      ("15,Code Owner,,CARD-X,1,1,,,,,,,", nil),
      ("16,Code Thief,,card-x,1,1,,,,,,,", "code card-x is also member 15's (line 12)"),
      ("5,Shaped,,GYM-7,1,1,,,,,,,", "qr_code GYM-7 looks like member 7's number"),
      ("17,Short Row,,,1,1,,,,,,", "expected 13 fields, found 12"),
      ("18,\"Two\nlines\",,,1,1,,,,,,,", "full_name contains control characters"),
      ("19,After Quotes,,,1,banana,,,,,,,", "is_active “banana”"),
      ("20,No Kind,,,1,1,220,,active,,,,", "kind is empty"),
      ("21,Stray,,,1,1,,sessions,,,,,", "subscription_id is empty but kind are given"),
      ("22,No Status,,,1,1,222,coins,paused,5,5,,", "status “paused”"),
    ]
    var problems: [(Int, String)] = []
    var line = 2
    for (row, says) in rows {
      if let says { problems.append((line, says)) }
      line += 1 + row.filter { $0 == "\n" }.count
    }
    return (SheetText.file(rows.map(\.0)), problems)
  }()

  @Test func everyBadLineIsReportedAndNothingImported() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let file = try sandbox.write("bad.csv", Self.badFile.text)
    let database = sandbox.path("station.sqlite3")
    let result = await sandbox.run(["import", file, "--db", database])
    #expect(result.status == 1, "\(result)")
    Self.expectReported(Self.badFile.problems, file: file, in: result)
    #expect(result.err.contains("\(Self.badFile.problems.count) bad rows — nothing was imported"))
    if sandbox.exists(database) {
      #expect(try StoreProbe(database).totals == [0, 0, 0, 0])
    }
  }

  @Test func aDatabaseWithDataIsLeftAsItWas() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let database = sandbox.path("station.sqlite3")
    let good = try sandbox.write(
      "good.csv",
      SheetText.file([
        "1,Good One,,CARD-1,1,1,201,sessions,active,10,5,2026-01-01,2026-12-31",
        "30,Someone,,,3,1,,,,,,,",
      ]))
    #expect(await sandbox.run(["import", good, "--db", database]).status == 0)
    let before = try StoreProbe(database).totals

    let bad = try sandbox.write("bad.csv", Self.badFile.text)
    let result = await sandbox.run(["import", bad, "--db", database])
    #expect(result.status == 1, "\(result)")
    let probe = try StoreProbe(database)
    #expect(try probe.totals == before)
    #expect(try probe.card(1).member.fullName == "Good One")
    #expect(try probe.remaining(member: 1, plan: 201) == 5)
  }

  @Test func conflictsWithTheDatabaseAreReportedByLineAndImportNothing() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let database = sandbox.path("station.sqlite3")
    let good = try sandbox.write(
      "good.csv",
      SheetText.file([
        "1,Owner One,,CARD-A,1,1,101,sessions,active,10,5,,",
        "2,Owner Two,,CARD-B,1,1,,,,,,,",
      ]))
    #expect(await sandbox.run(["import", good, "--db", database]).status == 0)
    let before = try StoreProbe(database).totals

    let clashing = try sandbox.write(
      "clash.csv",
      SheetText.file([
        "50,Fresh Member,,,4,1,150,coins,active,10,10,,",
        "51,Code Taker,,card-a,1,1,,,,,,,",
        "52,Plan Taker,,,1,1,101,sessions,active,10,9,,",
      ]))
    let result = await sandbox.run(["import", clashing, "--db", database])
    #expect(result.status == 1, "\(result)")
    Self.expectReported(
      [
        (3, "code card-a already belongs to member 1 in the database"),
        (4, "plan 101 already belongs to member 1 in the database"),
      ], file: clashing, in: result)
    let probe = try StoreProbe(database)
    #expect(try probe.totals == before)
    #expect(try probe.card(1).member.fullName == "Owner One")
    #expect(try probe.count("SELECT count(*) FROM branches WHERE id = 4") == 0)
  }

  @Test func aClashingMemberWithAPlanIsOneBadRow() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let database = sandbox.path("station.sqlite3")
    let good = try sandbox.write(
      "good.csv", SheetText.file(["1,Owner One,,CARD-A,1,1,101,sessions,active,10,5,,"]))
    #expect(await sandbox.run(["import", good, "--db", database]).status == 0)
    let clashing = try sandbox.write(
      "clash.csv",
      SheetText.file([
        "60,Code Taker,,card-a,1,1,160,sessions,active,10,10,,",
        "61,Good Member,,CARD-Z,1,1,161,coins,active,5,5,,",
      ]))
    let result = await sandbox.run(["import", clashing, "--db", database])
    #expect(result.status == 1, "\(result)")
    let reports = result.err.split(separator: "\n").filter { $0.hasPrefix("\(clashing) line ") }
    #expect(reports.count == 1, "the plan of the refused member isn't a second problem: \(result)")
    Self.expectReported(
      [(2, "code card-a already belongs to member 1 in the database")], file: clashing,
      in: result)
    #expect(result.err.contains("1 bad row —"), "\(result)")
    #expect(try StoreProbe(database).members == 1)
  }

  @Test(
    "a bad header stops the import at line 1",
    arguments: [
      (SheetText.header + ",colour", "unknown column “colour”"),
      (SheetText.header.replacingOccurrences(of: "phone,", with: ""), "the header lacks phone"),
      (SheetText.header + ",notes,NOTES", "column “notes” appears twice"),
    ])
  func badHeader(header: String, says: String) async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let file = try sandbox.write(
      "members.csv", header + "\n1,Someone,,,1,1,,,,,,,\n")
    let database = sandbox.path("station.sqlite3")
    let result = await sandbox.run(["import", file, "--db", database])
    #expect(result.status == 1, "\(result)")
    Self.expectReported([(1, says)], file: file, in: result)
    #expect(!sandbox.exists(database))
  }

  @Test func aCSVSyntaxErrorNamesItsLine() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let file = try sandbox.write(
      "members.csv", SheetText.file(["1,Fine,,,1,1,,,,,,,", "2,\"Never closed,,,1,1,,,,,,,"]))
    let result = await sandbox.run(["import", file, "--db", sandbox.path("s.sqlite3")])
    #expect(result.status == 1, "\(result)")
    #expect(result.err.contains("\(file) line 3: a quoted field is never closed"))
    #expect(!sandbox.exists(sandbox.path("s.sqlite3")))
  }

  @Test func aRowThatIsNotUTF8IsReportedWithItsLine() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let bytes =
      Array(SheetText.file(["1,Fine,,,1,1,,,,,,,"]).utf8) + Array("2,Bad".utf8) + [0xE9]
      + Array(",,,1,1,,,,,,,\n3,Also Fine,,,1,1,,,,,,,\n".utf8)
    let file = try sandbox.write("latin1.csv", bytes: bytes)
    let result = await sandbox.run(["import", file, "--db", sandbox.path("s.sqlite3")])
    #expect(result.status == 1, "\(result)")
    Self.expectReported([(3, "not UTF-8")], file: file, in: result)
  }

  @Test func anEmptyFileIsRejected() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let file = try sandbox.write("empty.csv", "")
    let result = await sandbox.run(["import", file, "--db", sandbox.path("s.sqlite3")])
    #expect(result.status == 1, "\(result)")
    #expect(result.err.contains("empty"))
  }

  @Test func aMissingFileIsAFailure() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let missing = sandbox.path("nope.csv")
    let result = await sandbox.run(["import", missing, "--db", sandbox.path("s.sqlite3")])
    #expect(result.status == 1, "\(result)")
    #expect(result.err.contains(missing))
  }

  @Test func manyProblemsAreCappedWithACount() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let rows = (1...60).map { "\($0),,,,1,1,,,,,,," }
    let file = try sandbox.write("blank-names.csv", SheetText.file(rows))
    let result = await sandbox.run(["import", file, "--db", sandbox.path("s.sqlite3")])
    #expect(result.status == 1)
    let reported = result.err.split(separator: "\n").filter { $0.hasPrefix("\(file) line ") }
    #expect(reported.count == ImportCommand.problemsShown)
    #expect(result.err.contains("… and 10 more problems"))
    #expect(result.err.contains("60 bad rows"))
  }

  /// Checks that `problems` (and no other line) were reported, each as `FILE line N: …`.
  static func expectReported(
    _ problems: [(line: Int, says: String)], file: String, in result: RunResult,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let reported = result.err.split(separator: "\n").filter { $0.hasPrefix("\(file) line ") }
    for (line, says) in problems {
      let prefix = "\(file) line \(line): "
      #expect(
        reported.contains { $0.hasPrefix(prefix) && $0.contains(says) },
        "line \(line) should be reported with “\(says)”:\n\(result.err)",
        sourceLocation: sourceLocation)
    }
    let lines = Set(problems.map(\.line))
    for report in reported {
      let number = report.dropFirst(file.count + 6).prefix { $0.isNumber }
      #expect(
        Int(number).map(lines.contains) == true, "unexpected report: \(report)",
        sourceLocation: sourceLocation)
    }
  }
}
