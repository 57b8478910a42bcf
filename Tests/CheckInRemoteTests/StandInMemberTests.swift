import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite struct StandInMemberTests {
  @Test(arguments: allModes)
  func memberRecordCarriesTheStoredOrDefaultCode(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { _, wire in
      let adel = try await wire.get("/api/customers/115")
      #expect(adel.status == 200)
      let data = try #require(adel.payload)
      #expect(data["full_name"] == "Adel Saad")
      #expect(data["qr_code"] == "GYM-115-9F3A0C1B")
      #expect(data["branch_id"] == 1)
      #expect(data["branch_name"] == "Main")
      #expect(data["is_active"] == true)
      #expect(data["has_active_subscription"] == true)
      for key in ["phone", "email", "national_id", "gender", "date_of_birth", "age"] {
        #expect(data[key] != nil, "\(key)")
      }
      #expect(try await wire.get("/api/customers/117").payload?["qr_code"] == "customer_id:117")
      let missing = try await wire.get("/api/customers/999")
      #expect(missing.status == 404)
      #expect(missing.error == "Customer not found")
    }
  }

  @Test func anotherBranchsMemberIsDeniedInAugustOnly() async throws {
    for mode in allModes {
      try await withServer(mode) { _, wire in
        let reply = try await wire.get("/api/customers/123")
        if mode == .vFeb {
          #expect(reply.status == 200, "v-feb checks no branch")
        } else {
          #expect(reply.status == 403, "\(mode)")
          #expect(reply.error == "Access denied", "\(mode)")
        }
      }
    }
  }

  @Test(arguments: allModes)
  func searchMatchesSubstringsOfActiveMembersOfTheBranch(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { _, wire in
      let adel = try await wire.get("/api/customers/search?q=aDeL")
      #expect(adel.status == 200)
      let ids = adel.payload?["items"]?.array?.compactMap { $0["id"]?.int }
      #expect(ids == [115, 120, 132])
      #expect(adel.payload?["total"] == 3)
      #expect(adel.payload?["query"] == "aDeL")

      let byPhone = try await wire.get("/api/customers/search?q=345115")
      #expect(byPhone.payload?["items"]?[0]?["id"] == 115)
      let byCode = try await wire.get("/api/customers/search?q=cust-125")
      #expect(byCode.payload?["items"]?[0]?["id"] == 125)
      // "GYM-11" matches no member stored with a lower-case gender (129), so it answers.
      let limited = try await wire.get("/api/customers/search?q=GYM-11&limit=2")
      #expect(limited.payload?["items"]?.array?.count == 2)
      #expect((limited.payload?["total"]?.int ?? 0) > 2)

      let inactive = try await wire.get("/api/customers/search?q=Rania")
      #expect(inactive.payload?["total"] == 0, "inactive members are not found")
      let otherBranch = try await wire.get("/api/customers/search?q=Ahmed")
      #expect(otherBranch.payload?["total"] == 0, "only the receptionist's branch")

      let empty = try await wire.get("/api/customers/search?q=")
      #expect(empty.status == 400)
    }
  }

  @Test(arguments: allModes)
  func phoneLookupFindsOneMember(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { _, wire in
      let found = try await wire.get("/api/customers/phone/01012345115")
      #expect(found.payload?["id"] == 115)
      let unknown = try await wire.get("/api/customers/phone/0000")
      #expect(unknown.status == 404)
    }
  }

  @Test func augustListItemsHaveNullTypeAndCounts() async throws {
    try await withServer(.vAug) { _, wire in
      let reply = try await wire.get("/api/subscriptions?customer_id=115&status=active")
      #expect(reply.status == 200)
      let item = try #require(reply.payload?["items"]?[0])
      #expect(item["id"] == 45)
      #expect(item["status"] == "active")
      for key in ["subscription_type", "remaining_sessions", "remaining_coins", "remaining_days"] {
        #expect(item[key] == .null, "\(key)")
      }
      #expect(reply.payload?["pagination"]?["total"] == 1)
    }
  }

  @Test func februaryListItemsLackTypeAndCountsAndPrintTheEnum() async throws {
    try await withServer(.vFeb) { _, wire in
      let reply = try await wire.get("/api/subscriptions?customer_id=127&status=active")
      let items = try #require(reply.payload?["items"]?.array)
      #expect(items.compactMap { $0["id"]?.int } == [58, 59])
      for item in items {
        #expect(item["status"] == "SubscriptionStatus.ACTIVE")
        for key in ["subscription_type", "remaining_sessions", "remaining_coins"] {
          #expect(item[key] == nil, "\(key)")
        }
      }
    }
  }

  @Test(arguments: allModes)
  func fullRecordHasEverythingThePaneNeeds(mode: StandInServer.Mode) async throws {
    try await withServer(mode) { _, wire in
      let sessions = try #require(try await wire.get("/api/subscriptions/45").payload)
      #expect(sessions["subscription_type"] == "sessions")
      #expect(sessions["status"] == "active")
      #expect(sessions["remaining_sessions"] == 7)
      #expect(sessions["total_sessions"] == 12)
      #expect(sessions["remaining_coins"] == .null)
      #expect(sessions["display_label"] == "7 Sessions")
      #expect(sessions["grants_gym_entry"] == true)
      #expect(sessions["freeze_count"] == 0)

      let time = try #require(try await wire.get("/api/subscriptions/47").payload)
      #expect(time["subscription_type"] == "time_based")
      #expect(time["remaining_days"] == 9)
      #expect(time["display_label"] == "9 days")
      #expect(time["end_date"] == .string(utcDay(offset: 9)))

      let training = try await wire.get("/api/subscriptions/48").payload
      #expect(training?["display_label"] == "4 Training Sessions")
      let coins = try await wire.get("/api/subscriptions/46").payload
      #expect(coins?["remaining_coins"] == 20)
      #expect(coins?["display_label"] == "20 Coins")

      let frozen = try await wire.get("/api/subscriptions/49").payload
      #expect(frozen?["status"] == "frozen")
      #expect(frozen?["freeze_reason"] == "Travelling for work")

      // Reading a plan past its end date expires it (and the change stays).
      let ended = try #require(try await wire.get("/api/subscriptions/50").payload)
      #expect(ended["status"] == "expired")
      #expect((ended["end_date"]?.string ?? "") < utcDay())
      #expect(ended["remaining_days"] == 0)

      #expect(try await wire.get("/api/subscriptions/999").status == 404)
    }
  }
}
