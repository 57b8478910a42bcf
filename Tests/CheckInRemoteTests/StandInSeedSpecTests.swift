import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite struct StandInSeedSpecTests {
  @Test func attendanceOnlyRecordsWithTheSeedsShape() async throws {
    try await withServer(.seedSpec) { server, wire in
      let reply = try await wire.post(
        "/api/attendance",
        [
          "customer_id": 115, "subscription_id": 45, "action": "check_in_with_deduction",
          "check_in_time": "2026-02-15T14:30:00Z",
        ])
      #expect(reply.status == 201)
      #expect(reply.json?["message"] == "Check-in recorded successfully")
      let attendance = try #require(reply.payload?["attendance"])
      #expect(attendance["customer_id"] == 115)
      #expect(attendance["customer_name"] == "Adel Saad")
      #expect(attendance["check_in_time"] == "2026-02-15T14:30:00")
      #expect(attendance["branch_id"] == 1)
      #expect(attendance["action"] == "check_in_with_deduction")
      #expect(reply.payload?["sessions_deducted"] == nil)

      let state = try await server.state()
      #expect(state.balance(45)?.remainingSessions == 7, "no deduction at check-in")
      #expect(state.deductions.isEmpty)
      #expect(state.attendance.first?.sessionsDeducted == 0)
      #expect(state.attendance.first?.subscriptionID == 45)
    }
  }

  @Test func attendanceChecksNoPlanAndNeedsACustomerID() async throws {
    try await withServer(.seedSpec) { _, wire in
      #expect(try await wire.post("/api/attendance", ["customer_id": 119]).status == 201)
      let byCode = try await wire.post("/api/attendance", ["qr_code": "GYM-116"])
      #expect(byCode.status == 400)
      #expect(byCode.error == "customer_id is required")
    }
  }

  @Test func deductSessionAndUseCoinsDeductAndAnswerTheNewCount() async throws {
    try await withServer(.seedSpec) { server, wire in
      let session = try await wire.post("/api/subscriptions/45/deduct-session")
      #expect(session.status == 200)
      #expect(session.payload?["remaining_sessions"] == 6)
      #expect(try await wire.post("/api/subscriptions/48/deduct-session").status == 200)

      let coins = try await wire.post("/api/subscriptions/46/use-coins", ["amount": 3])
      #expect(coins.status == 200)
      #expect(coins.payload?["remaining_coins"] == 17)
      let one = try await wire.post("/api/subscriptions/46/use-coins")
      #expect(one.payload?["remaining_coins"] == 16, "amount defaults to 1")

      let wrongKind = try await wire.post("/api/subscriptions/46/deduct-session")
      #expect(wrongKind.status == 400)
      let usedUp = try await wire.post("/api/subscriptions/52/deduct-session")
      #expect(usedUp.status == 400)
      #expect(usedUp.code == "NO_SESSIONS")
      let tooMany = try await wire.post("/api/subscriptions/46/use-coins", ["amount": 100])
      #expect(tooMany.code == "NO_COINS")

      let state = try await server.state()
      #expect(state.balance(45)?.remainingSessions == 6)
      #expect(state.balance(48)?.remainingSessions == 3)
      #expect(state.balance(46)?.remainingCoins == 16)
      #expect(
        state.deductions.map(\.source) == [
          "deduct-session", "deduct-session", "use-coins", "use-coins",
        ])
    }
  }
}
