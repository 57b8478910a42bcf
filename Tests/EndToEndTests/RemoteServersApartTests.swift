import CheckInRemote
import CheckInSQLite
import Foundation
import Testing

extension EndToEnd {
  /// Two servers behind one host (two chains, staging and production, two `ssh -L` tunnels):
  /// what the station keeps about one — logins, cards, its own visits, the outbox — never
  /// speaks for the other.
  @Suite("Two servers on one host", .serialized)
  struct RemoteServersApartTests {
    @Test("A visit on one server doesn't make the other's member with that number a double scan")
    func aVisitOnOneServerIsNotADoubleScanOnTheOther() async throws {
      try await withTwoServers { desk, first, second in
        try await desk.logIn(first)
        try await desk.logIn(second)
        // Both logins are kept: the second didn't replace the first.
        let welcomed = try await desk.run(["scan", "GYM-116", "--api", first.url])
        #expect(welcomed.status == 0, "\(welcomed.error)")
        #expect(welcomed.output.contains("Nour Hassan"), "\(welcomed.output)")
        // Member 116 of the other server is someone else as far as the station knows.
        let other = try await desk.run(["scan", "GYM-116", "--api", second.url])
        #expect(other.status == 0, "\(other.output)\(other.error)")
        #expect(!other.output.lowercased().contains("already"), "\(other.output)")
        // And a second scan on the first server is the double scan it is.
        let again = try await desk.run(["scan", "GYM-116", "--api", first.url])
        #expect(again.status == 3, "\(again.output)")
      }
    }

    @Test("A server that can't be reached never shows another server's card")
    func anUnreachableServerShowsNoOtherServersCard() async throws {
      try await withTwoServers { desk, first, second in
        try await desk.logIn(first)
        try await desk.logIn(second)
        let seen = try await desk.run(["show", "GYM-118", "--api", first.url])
        #expect(seen.status == 0 && seen.output.contains("Salma Youssef"), "\(seen.output)")
        try await second.control("down")
        let offline = try await desk.run(["show", "GYM-118", "--api", second.url])
        #expect(offline.status != 0, "\(offline.output)")
        #expect(!offline.output.contains("Salma Youssef"), "\(offline.output)")
        #expect(offline.error.contains("reach"), "\(offline.error)")
      }
    }

    @Test("An outbox kept per host before is reviewed, never sent, and can't be retried")
    func aPerHostOutboxIsKeptForReviewAndNeverSent() async throws {
      try await withTwoServers { desk, first, _ in
        try await desk.logIn(first)
        // What an earlier version left: one cache for every server on 127.0.0.1.
        let legacy = desk.home.appending(path: "data/checkin/remote-127.0.0.1.sqlite3").path
        let old = try RemoteCache(path: legacy, server: nil)
        try Database(path: legacy, mode: .readWrite).execute(
          """
          INSERT INTO outbox (created_at, member_id, member_name, action, branch_id, station,
                              state, updated_at)
          VALUES (1764547200000, 116, 'Nour Hassan', 'check_in_with_deduction', 1, 'desk-1',
                  'queued', 1764547200000)
          """)

        let listed = try await desk.run(["outbox", "--sync", "--api", first.url])
        #expect(listed.status == 0, "\(listed.error)")
        #expect(listed.output.contains("Sent 0"), "\(listed.output)")
        #expect(listed.output.contains("REVIEW"), "\(listed.output)")
        #expect(listed.output.contains("never sent"), "\(listed.output)")
        let line = try #require(
          listed.output.split(separator: "\n").first { $0.contains("REVIEW") })
        let id = try #require(line.split(separator: " ").first.map(String.init))

        let retried = try await desk.run(["outbox", "--retry", id, "--api", first.url])
        #expect(retried.status == 1, "\(retried.output)")
        #expect(retried.error.contains("can't be sent"), "\(retried.error)")
        // The old file let its entry go: a second server on the host doesn't get it too.
        #expect(try old.entries().isEmpty)
        let visits = try await desk.run(["today", "--api", first.url, "--json"])
        #expect(
          !visits.output.contains("Nour Hassan"), "nothing reached the server: \(visits.output)")
      }
    }
  }
}
