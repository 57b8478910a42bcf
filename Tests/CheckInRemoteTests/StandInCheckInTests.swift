import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite struct StandInCheckInTests {
  @Test func februaryRequiresTheBranchAndChecksNoBranch() async throws {
    try await withServer(.vFeb) { server, wire in
      let missing = try await wire.post("/api/attendance", ["customer_id": 115])
      #expect(missing.status == 400)
      #expect(missing.error == "branch_id is required")

      let otherBranch = try await wire.checkIn(123, branch: 1)
      #expect(otherBranch.status == 200, "v-feb serves any member at any branch")
      let state = try await server.state()
      #expect(state.attendance.map(\.branchID) == [1])
      #expect(state.balance(54)?.remainingSessions == 4)
    }
  }

  @Test func augustIgnoresTheBranchSentAndHidesOtherBranches() async throws {
    try await withServer(.vAug) { server, wire in
      let noBranch = try await wire.post("/api/attendance", ["customer_id": 115])
      #expect(noBranch.status == 200)
      let wrongBranch = try await wire.checkIn(115, branch: 2)
      #expect(wrongBranch.status == 200)
      let otherBranch = try await wire.checkIn(123, branch: 2)
      #expect(otherBranch.status == 404)
      #expect(otherBranch.error == "Customer not found")
      #expect(try await server.state().attendance.map(\.branchID) == [1, 1])

      var downtown = Wire(server.baseURL)
      try await downtown.login("reception2", "pass-2")
      #expect(try await downtown.checkIn(123, branch: 2).status == 200)
    }
  }

  @Test(arguments: deployedModes)
  func theServerPicksThePlanAndDeductsByItself(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { server, wire in
      // The receptionist's choice is ignored: "check-in only" still costs a session.
      let sessions = try await wire.checkIn(
        "GYM-115-9F3A0C1B", extra: ["action": "check_in_only", "subscription_id": 999])
      #expect(sessions.status == 200)
      let data = try #require(sessions.payload)
      #expect(data["customer_id"] == 115)
      #expect(data["customer_name"] == "Adel Saad")
      #expect(data["attendance_id"] == data["entry_id"])
      #expect(data["sessions_deducted"] == 1)
      #expect(data["coins_deducted"] == 0)
      #expect(data["remaining_sessions"] == 6)
      #expect(data["remaining_coins"] == .null)
      #expect(data["subscription_type"] == "sessions")
      #expect(data["subscription_end_date"] == .string(utcDay(offset: 40)))
      #expect(data["check_in_time"]?.string?.hasSuffix("Z") == false)

      let coins = try await wire.checkIn("GYM-116").payload
      #expect(coins?["coins_deducted"] == 1)
      #expect(coins?["remaining_coins"] == 19)
      #expect(coins?["remaining_sessions"] == .null)
      let training = try await wire.checkIn(118).payload
      #expect(training?["sessions_deducted"] == 1)
      #expect(training?["remaining_sessions"] == 3)
      let time = try await wire.checkIn("customer_id:117").payload
      #expect(time?["sessions_deducted"] == 0)
      #expect(time?["coins_deducted"] == 0)
      #expect(time?["subscription_type"] == "time_based")
      // The server's own rule, whatever the station asked for: February takes the first active
      // row (the time plan), August the plan that ends last (the sessions).
      let both = try await wire.checkIn(127, extra: ["subscription_id": 58]).payload
      let august = mode == .vAug
      #expect(both?["subscription_type"] == (august ? "sessions" : "time_based"))

      let state = try await server.state()
      #expect(state.balance(45)?.remainingSessions == 6)
      #expect(state.balance(46)?.remainingCoins == 19)
      #expect(state.balance(48)?.remainingSessions == 3)
      #expect(state.balance(59)?.remainingSessions == (august ? 5 : 6))
      #expect(
        state.deductions.map(\.subscriptionID) == (august ? [45, 46, 48, 59] : [45, 46, 48]))
      #expect(state.deductions.allSatisfy { $0.source == "attendance" })
      #expect(state.attendance.map(\.subscriptionID) == [45, 46, 48, 47, august ? 59 : 58])
      #expect(state.attendance.first?.action == "check_in_only")
    }
  }

  @Test(arguments: deployedModes)
  func thereIsNoDuplicateGuard(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { server, wire in
      #expect(try await wire.checkIn(115).status == 200)
      #expect(try await wire.checkIn(115).status == 200)
      let state = try await server.state()
      #expect(state.attendance.count == 2)
      #expect(state.balance(45)?.remainingSessions == 5)
    }
  }

  @Test(arguments: deployedModes)
  func codesResolveByExactMatchOrCustomerIDPrefix(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { _, wire in
      let expected: [(JSONValue, Int?)] = [
        ("GYM-115-9F3A0C1B", 115), ("customer_id:115", 115), ("GYM-115", nil),
        ("115", nil), ("gym-115-9f3a0c1b", nil), ("CUST-125", 125), ("CUST-115", nil),
        ("customer_id:117", 117), ("GYM-126", 126),
      ]
      for (code, member) in expected {
        let reply = try await wire.checkIn(code)
        if let member {
          #expect(reply.status == 200, "\(code)")
          #expect(reply.payload?["customer_id"] == .number(Double(member)), "\(code)")
        } else {
          #expect(reply.status == 404, "\(code)")
          #expect(reply.error == "Customer not found", "\(code)")
        }
      }
      let arabic = try await wire.checkIn("GYM-126")
      #expect(arabic.payload?["customer_name"] == "ليلى عبد الرحمن")
    }
  }

  @Test(arguments: deployedModes)
  func eachRefusalHasItsCodeAndCostsNothing(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { server, wire in
      let frozen = try await wire.checkIn(119)
      #expect(frozen.status == 403)
      #expect(frozen.json?["success"] == false)
      #expect(frozen.json?["errors"]?["customer_name"] == "Youssef Ali")
      if mode == .vAug {
        #expect(frozen.code == "FROZEN")
        #expect(frozen.json?["errors"]?["freeze_reason"] == "Travelling for work")
        #expect(frozen.json?["errors"]?["frozen_date"] == .string(utcDay(offset: -3)))
      } else {
        // February's server never picks a frozen plan: the member has no subscription to it.
        #expect(frozen.code == "NO_SUBSCRIPTION")
      }

      // The POST doesn't look at end dates; the first read of the plan marks it expired.
      _ = try await wire.get("/api/subscriptions/50")
      let expired = try await wire.checkIn(120)
      #expect(expired.status == 403)
      #expect(expired.code == "NO_SUBSCRIPTION")
      #expect(expired.json?["errors"]?["has_expired_subscription"] == true)
      #expect(
        expired.json?["errors"]?["last_subscription_end_date"] == .string(utcDay(offset: -5)))

      let never = try await wire.checkIn(128)
      #expect(never.code == "NO_SUBSCRIPTION")
      #expect(never.json?["errors"]?["has_expired_subscription"] == false)
      #expect(never.json?["errors"]?["last_subscription_end_date"] == .null)

      let sessions = try await wire.checkIn(121)
      #expect(sessions.status == 403)
      #expect(sessions.code == "NO_SESSIONS")
      #expect(sessions.json?["errors"]?["customer_name"] == "Hany Samir")

      let coins = try await wire.checkIn(122)
      #expect(coins.status == 403)
      #expect(coins.code == "NO_COINS")
      #expect(coins.json?["errors"]?["customer_name"] == "Dina Farouk")

      let state = try await server.state()
      #expect(state.attendance.isEmpty)
      #expect(state.deductions.isEmpty)
    }
  }

  @Test(arguments: deployedModes)
  func badRequestsAre400(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { _, wire in
      let empty = try await wire.send("POST", "/api/attendance", raw: Data())
      #expect(empty.status == 400)
      #expect(empty.error == "Request body is required")
      #expect(try await wire.post("/api/attendance", [:]).error == "Request body is required")
      let nobody = try await wire.post("/api/attendance", ["branch_id": 1])
      #expect(nobody.status == 400)
      #expect(nobody.error == "Either qr_code or customer_id is required")
    }
  }

  @Test(arguments: deployedModes)
  func onlyDeskRolesMayCheckIn(mode: StandInServer.Mode) async throws {
    try await withServer(mode, as: "accountant") { _, wire in
      let reply = try await wire.checkIn(115)
      #expect(reply.status == 403)
      #expect(reply.error == "Insufficient permissions")
    }
    try await withServer(mode, as: "manager") { _, wire in
      let reply = try await wire.checkIn(115)
      #expect(reply.status == 200)
    }
  }

  @Test(arguments: allModes)
  func entryLogsListTodayNewestFirst(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { _, wire in
      #expect(try await wire.checkIn(115).status / 100 == 2)
      #expect(try await wire.checkIn(117).status / 100 == 2)
      let path = "/api/validation/entry-logs?branch_id=1&from_date=\(utcDay())&per_page=50&page=1"
      let reply = try await wire.get(path)
      #expect(reply.status == 200)
      let entries = try #require(reply.payload?["entries"]?.array)
      #expect(entries.compactMap { $0["customer_id"]?.int } == [117, 115])
      let first = try #require(entries.first)
      for key in [
        "id", "customer_name", "entry_time", "entry_status", "coins_deducted", "subscription_id",
        "branch_id", "branch_name", "entry_type",
      ] {
        #expect(first[key] != nil, "\(key)")
      }
      #expect(first["entry_status"] == "approved")
      let pages = try #require(reply.payload?["pagination"])
      #expect(pages == ["current_page": 1, "pages": 1, "per_page": 50, "total": 2])

      let second = try await wire.get(
        "/api/validation/entry-logs?branch_id=1&from_date=\(utcDay())&per_page=1&page=2")
      #expect(second.payload?["entries"]?[0]?["customer_id"] == 115)
      #expect(second.payload?["pagination"]?["pages"] == 2)
      let tomorrow = try await wire.get(
        "/api/validation/entry-logs?branch_id=1&from_date=\(utcDay(offset: 1))")
      #expect(tomorrow.payload?["entries"]?.array?.isEmpty == true)
    }
  }

  /// The entries control fills a busy day in one call, with entries the entry log lists like
  /// real check-ins and refusals; the approved ones are attendance, and nothing is charged.
  @Test func addedEntriesAreListedLikeCheckIns() async throws {
    try await withServer(.vAug) { server, wire in
      #expect(try await wire.checkIn(116).status == 200)
      let today = try await wire.get(
        "/api/validation/entry-logs?branch_id=1&from_date=\(utcDay())&per_page=1")
      let real = try #require(today.payload?["entries"]?[0]?.object)

      let start = try #require(ISO8601DateFormatter().date(from: "2026-06-14T22:00:00Z"))
      let visits = try await server.addEntries(count: 3, start: start, step: 17)
      let refused = try await server.addEntries(
        member: 119, count: 2, start: start.addingTimeInterval(60), step: 1, approved: false)
      #expect(visits.ids == 2...4 && refused.ids == 5...6)

      let day = try await wire.get(
        "/api/validation/entry-logs?branch_id=1&from_date=2026-06-14&to_date=2026-06-14")
      let entries = try #require(day.payload?["entries"]?.array)
      #expect(entries.compactMap { $0["id"]?.int } == [6, 5, 4, 3, 2])
      #expect(day.payload?["pagination"]?["total"] == 5)
      for entry in entries {
        #expect(entry.object.map { Set($0.keys) } == Set(real.keys), "\(entry)")
      }
      let last = try #require(entries.last)
      #expect(last["entry_time"] == "2026-06-14T22:00:00.000000")
      #expect(entries[2]["entry_time"] == "2026-06-14T22:00:34.000000")
      #expect(last["entry_status"] == "approved" && last["customer_name"] == "Nour Hassan")
      #expect(last["subscription_id"] == 46 && last["coins_deducted"] == 0)
      #expect(last["branch_name"] == "Main" && last["entry_type"] == "qr_scan")
      #expect(entries[0]["entry_status"] == "denied" && entries[0]["customer_id"] == 119)
      #expect(entries[0]["subscription_id"]?.isNull == true)
      let approved = try await wire.get(
        "/api/validation/entry-logs?branch_id=1&from_date=2026-06-14&to_date=2026-06-14"
          + "&status=approved")
      #expect(approved.payload?["pagination"]?["total"] == 3)

      let state = try await server.state()
      #expect(state.attendance.map(\.id) == [1, 2, 3, 4])
      #expect(state.deductions.count == 1, "only the real check-in's coin")
      #expect(state.left(46) == 19)

      // Asked wrongly, the control says so and adds nothing.
      let wrong: [JSONValue] = [
        ["branch_id": 1, "customer_id": 999, "count": 1, "start": "2026-06-14T22:00:00Z"],
        ["branch_id": 9, "customer_id": 116, "count": 1, "start": "2026-06-14T22:00:00Z"],
        ["branch_id": 1, "customer_id": 116, "count": 0, "start": "2026-06-14T22:00:00Z"],
        ["branch_id": 1, "customer_id": 116, "count": 1, "start": "yesterday"],
        [
          "branch_id": 1, "customer_id": 116, "count": 1, "start": "2026-06-14T22:00:00Z",
          "status": "voided",
        ],
      ]
      for body in wrong {
        #expect(try await wire.post("/__control__/entries", body).status == 400, "\(body)")
      }
      #expect(try await server.state().attendance.count == 4)
    }
  }

  @Test func refusalsAppearInTheEntryLogAsDenied() async throws {
    try await withServer(.vAug) { _, wire in
      #expect(try await wire.checkIn(119).status == 403)
      let reply = try await wire.get("/api/validation/entry-logs?branch_id=1&from_date=\(utcDay())")
      #expect(reply.payload?["entries"]?[0]?["entry_status"] == "denied")
      #expect(reply.payload?["entries"]?[0]?["customer_id"] == 119)
    }
  }
}
