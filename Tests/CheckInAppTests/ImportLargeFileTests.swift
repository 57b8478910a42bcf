import Foundation
import Testing

@testable import CheckInApp

@Suite("import: a large file")
struct ImportLargeFileTests {
  static let rowCount = 100_000

  /// Two rows per member (a sessions plan and a time plan), Latin and Arabic names, CRLF endings.
  static func sheet() -> String {
    var text = SheetText.header + "\r\n"
    text.reserveCapacity(rowCount * 90)
    for row in 0..<rowCount {
      let member = row / 2 + 1
      let name = member % 3 == 0 ? "عضو رقم \(member)" : "Member \(member)"
      let person = "\(member),\(name),+20 10 \(10_000_000 + member),CARD-\(member)-X,1,1,"
      let plan =
        row % 2 == 0
        ? "\(row + 1),sessions,active,12,\(member % 13),2026-01-01,2026-12-31"
        : "\(row + 1),time,active,,,2026-01-01,2026-06-30"
      text += person + plan + "\r\n"
    }
    return text
  }

  @Test func importsAHundredThousandRowsCompletely() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let file = try sandbox.write("large.csv", Self.sheet())
    let database = sandbox.path("large.sqlite3")
    let clock = ContinuousClock()
    let started = clock.now
    let result = await sandbox.run(["import", file, "--db", database], terminal: true)
    print("imported \(Self.rowCount) rows in \(clock.now - started) (debug build)")
    #expect(result.status == 0, "\(result)")
    let members = Self.rowCount / 2
    #expect(
      result.out.contains(
        "\(members) members added, 0 updated; \(Self.rowCount) plans added, 0 updated"))
    // A person watching sees a progress line redrawn in place, cleared at the end.
    #expect(result.err.contains("\r\u{1B}[KImporting \(file)… 100%"))
    #expect(result.err.hasSuffix("\r\u{1B}[K"))
    let probe = try StoreProbe(database)
    #expect(try probe.members == members)
    #expect(try probe.plans == Self.rowCount)
    #expect(try probe.count("SELECT count(*) FROM subscriptions WHERE kind = 'time'") == members)
    let last = try probe.card(Int64(members))
    #expect(last.member.qrCode == "CARD-\(members)-X")
    #expect(last.subscriptions.count == 2)
  }
}
