import Foundation
import Testing

@testable import CheckInApp

@Suite("search")
struct SearchCommandTests {
  @Test func searchByNamePrintsAJSONArray() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "search", "sara", "--json"])
    #expect(result.status == 0, "\(result)")
    try #require(result.lines.count == 1, "\(result)")
    let hits = try JSON.array(result.out)
    #expect(hits.contains { $0.int("customer_id") == 1 })
    for hit in hits {
      let name = try #require(hit.string("customer_name"))
      #expect(name.lowercased().contains("sara"), "\(name) doesn't match")
    }
  }

  /// Each hit says where the member stands: Tamer's sessions are used up, Sara's plan is usable.
  @Test func hitsSayWhereTheMemberStands() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let json = await sandbox.run(["--demo", "search", "GYM-10", "--json"])
    let tamer = try #require(try JSON.array(json.out).first { $0.int("customer_id") == 10 })
    #expect(tamer.string("status") == "USED UP")
    #expect(tamer.bool("may_check_in") == false)
    #expect(tamer.string("branch_name") == "Main")
    #expect(tamer.object("plan")?.int("remaining") == 0)
    let text = await sandbox.run(["--demo", "search", "Tamer"])
    #expect(text.out.contains("Tamer Fathy"), "\(text)")
    #expect(text.out.contains("Main (1)  USED UP · 12 Sessions: 0 sessions left · to "), "\(text)")
  }

  @Test func arabicNamesAreFound() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "search", "مريم", "--json"])
    #expect(result.status == 0, "\(result)")
    #expect(try JSON.array(result.out).contains { $0.int("customer_id") == 5 })
  }

  @Test func limitCapsTheHits() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "search", "GYM-1", "--limit", "3", "--json"])
    #expect(result.status == 0, "\(result)")
    let hits = try JSON.array(result.out)
    #expect(hits.count == 3)
  }

  @Test func noMatchIsAnEmptyArray() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "search", "Zzyzx", "--json"])
    #expect(result.status == 0, "\(result)")
    #expect(result.out == "[]\n")
  }

  @Test func searchNeedsText() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "search", "--json"])
    #expect(result.status == 2)
    #expect(result.err.contains("search"))
  }
}
