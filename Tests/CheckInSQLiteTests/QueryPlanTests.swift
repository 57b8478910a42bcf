import CSQLite
import CheckInCore
import Foundation
import Testing

@testable import CheckInSQLite

/// Every statement the scan path and search run is an index seek, never a table scan: the station
/// must stay fast with hundreds of thousands of members.
///
/// The statements are the store's own, recorded with `sqlite3_trace_v2` as they run, then explained
/// with `EXPLAIN QUERY PLAN`.
@Suite struct QueryPlanTests {
  /// Collects the SQL of the statements a connection runs.
  final class Recorder {
    var statements: [String] = []
  }

  /// Runs `body` and returns the distinct SELECT and UPDATE statements the store ran meanwhile.
  /// FTS5's own statements on its shadow tables and trigger bodies are left out.
  private func statements(_ store: LocalStore, during body: () throws -> Void) throws -> [String] {
    let recorder = Recorder()
    let connection = store.database.connection
    let context = Unmanaged.passUnretained(recorder).toOpaque()
    sqlite3_trace_v2(
      connection, UInt32(SQLITE_TRACE_STMT),
      { _, context, _, text in
        guard let context, let text else { return 0 }
        let sql = String(cString: text.assumingMemoryBound(to: CChar.self))
        Unmanaged<Recorder>.fromOpaque(context).takeUnretainedValue().statements.append(sql)
        return 0
      }, context)
    defer { sqlite3_trace_v2(connection, 0, nil, nil) }
    try withExtendedLifetime(recorder) { try body() }
    var seen: Set<String> = []
    return recorder.statements.filter { sql in
      let head = sql.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
      guard head.hasPrefix("SELECT") || head.hasPrefix("UPDATE") || head.hasPrefix("WITH") else {
        return false
      }
      guard !sql.contains("customer_names_") else { return false }
      return seen.insert(sql).inserted
    }
  }

  private func plan(_ store: LocalStore, _ sql: String) throws -> [String] {
    try store.database.rows("EXPLAIN QUERY PLAN \(sql)") { $0.text(3) }
  }

  /// The plans of `sql` that read a table from end to end.
  private func scans(_ store: LocalStore, _ sql: String) throws -> [String] {
    try plan(store, sql).filter { $0.hasPrefix("SCAN ") && !$0.contains("VIRTUAL TABLE") }
  }

  @Test func nameSearchUsesTheFullTextIndex() throws {
    try withFixture { fixture in
      for query in ["omar", "omar nab", "احمد", "jose"] {
        let ran = try statements(fixture.store) { _ = try fixture.store.search(query, limit: 20) }
        let match = try #require(ran.first { $0.contains("MATCH") }, "no MATCH for \(query)")
        let details = try plan(fixture.store, match)
        #expect(details.contains { $0.contains("customer_names VIRTUAL TABLE INDEX") })
        for sql in ran {
          #expect(try scans(fixture.store, sql) == [], "\(sql)")
          #expect(try !plan(fixture.store, sql).contains { $0.contains("SCAN customers") })
        }
      }
    }
  }

  @Test func phoneSearchSeeksBothPhoneIndexes() throws {
    try withFixture { fixture in
      let ran = try statements(fixture.store) {
        _ = try fixture.store.search("01001234567", limit: 20)
      }
      let details = try ran.flatMap { try plan(fixture.store, $0) }
      #expect(details.contains { $0.hasPrefix("SEARCH") && $0.contains("customers_by_phone ") })
      #expect(details.contains { $0.hasPrefix("SEARCH") && $0.contains("customers_by_phone_end") })
      for sql in ran {
        #expect(try scans(fixture.store, sql) == [], "\(sql)")
      }
    }
  }

  @Test func codeSearchSeeksTheCodeIndex() throws {
    try withFixture { fixture in
      let ran = try statements(fixture.store) { _ = try fixture.store.search("gym-11", limit: 20) }
      let code = try #require(ran.first { $0.contains("qr_code >=") })
      let details = try plan(fixture.store, code)
      #expect(details.contains { $0.hasPrefix("SEARCH customers USING") && $0.contains("qr_code") })
      for sql in ran {
        #expect(try scans(fixture.store, sql) == [], "\(sql)")
      }
    }
  }

  @Test func theScanPathNeverScansATable() throws {
    try withFixture { fixture in
      let store = fixture.store
      let ran = try statements(store) {
        _ = try store.lookUp(.code("gym-115-9f3a0c1b"), policy: Gym.policy)
        _ = try store.lookUp(.idForm(code: "GYM-201", memberID: 201), policy: Gym.policy)
        let receipt = try store.checkIn(fixture.request(201))
        _ = try store.attendance(.day(of: fixture.clock.now, branchID: 1, timeZone: Gym.timeZone))
        _ = try store.void(attendanceID: receipt.attendanceID)
      }
      #expect(ran.count >= 6)
      for sql in ran {
        #expect(try scans(store, sql) == [], "\(sql)")
      }
    }
  }

  /// Today's figures read the partial index alone: no visit row is touched however busy the day.
  @Test func todaysCountsReadOnlyTheirIndex() throws {
    try withFixture { fixture in
      let store = fixture.store
      let ran = try statements(store) {
        _ = try store.countVisits(.day(of: Gym.morning, branchID: 1, timeZone: Gym.timeZone))
      }
      let count = try #require(ran.first { $0.contains("count(*)") })
      let details = try plan(store, count)
      #expect(
        details.contains { $0.contains("USING COVERING INDEX attendance_counted") },
        "\(details) \(count)")
      // The quarters are a counter (`slice`), not a table: no visit row is read.
      #expect(details.allSatisfy { !$0.contains("SCAN attendance") }, "\(details)")
      #expect(!details.contains { $0.contains("TEMP B-TREE") }, "\(details)")
    }
  }
}
