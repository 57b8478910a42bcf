import Foundation
import Testing

extension EndToEnd {
  /// What scripts and people read while the server can't be reached: a check-in accepted offline
  /// is said to be so, numbered as an outbox entry (never as the server's check-in), and a card
  /// shown from the cache says it is offline and how old it is.
  @Suite("Offline output", .serialized)
  struct RemoteOfflineOutputTests {
    @Test("An offline scan is ACCEPTED OFFLINE with an outbox_id, and show gives the card's age")
    func offlineScanAndShowSaySo() async throws {
      try await withOneServer { desk, server in
        try await desk.logIn(server)
        let online = try await desk.run(["show", "GYM-116", "--api", server.url])
        #expect(online.status == 0 && !online.output.contains("OFFLINE"), "\(online.output)")
        _ = try await desk.run(["show", "GYM-118", "--api", server.url])
        try await server.control("down")

        let shown = try await desk.run(["show", "GYM-116", "--api", server.url])
        #expect(shown.status == 0, "\(shown.error)")
        #expect(shown.output.contains("OFFLINE"), "\(shown.output)")
        #expect(shown.output.contains("old)"), "\(shown.output)")
        let json = try await desk.run(["show", "GYM-116", "--api", server.url, "--json"])
        let card = try #require(json.output.data(using: .utf8))
        let fields = try #require(try JSONSerialization.jsonObject(with: card) as? [String: Any])
        #expect(fields["offline"] as? Bool == true)
        #expect((fields["age_seconds"] as? Int).map { $0 >= 0 } == true, "\(fields)")
        #expect(fields["fetched_at"] is String)

        let scanned = try await desk.run(["scan", "GYM-116", "--api", server.url, "--json"])
        #expect(scanned.status == 0, "\(scanned.output)\(scanned.error)")
        let receipt = try #require(
          try JSONSerialization.jsonObject(with: Data(scanned.output.utf8)) as? [String: Any])
        #expect(receipt["attendance_id"] == nil, "\(receipt)")
        #expect(receipt["outbox_id"] as? Int == 1, "\(receipt)")
        #expect(receipt["accepted_offline"] as? Bool == true)

        let offline = try await desk.run(["scan", "GYM-118", "--api", server.url])
        #expect(offline.output.hasPrefix("ACCEPTED OFFLINE  Salma Youssef"), "\(offline.output)")
        #expect(offline.output.contains("outbox entry 2"), "\(offline.output)")
        #expect(!offline.output.contains("check-in 2"), "\(offline.output)")

        try await server.control("up")
        let text = try await desk.run(["scan", "GYM-115-9F3A0C1B", "--api", server.url])
        #expect(text.output.hasPrefix("CHECKED IN"), "\(text.output)")
      }
    }
  }
}
