import CheckInCore
import Foundation
import Testing

@testable import CheckInApp

@Suite("show")
struct ShowCommandTests {
  @Test func showsBothPlansOfAMemberWithoutCheckingIn() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "show", "GYM-5", "--json"])
    #expect(result.status == 0, "\(result)")
    let card = try JSON.onlyObject(in: result)
    #expect(card.int("customer_id") == 5)
    #expect(card.string("customer_name") == "مريم حسن")
    let plans = try #require(card["subscriptions"] as? [[String: Any]])
    try #require(plans.count == 2)
    let planKeys: Set<String> = [
      "subscription_id", "kind", "status", "remaining", "total", "end_date",
    ]
    for plan in plans { #expect(planKeys.isSubset(of: plan.keys)) }
    let today = CalendarDay(Sandbox.now, in: Sandbox.timeZone)
    let time = try #require(plans.first { $0.int("subscription_id") == 1005 })
    #expect(time.string("kind") == "time")
    #expect(time.string("status") == "active")
    #expect(time.isNull("remaining"))
    #expect(time.isNull("total"))
    #expect(time.string("end_date") == today.adding(days: 26).description)
    let sessions = try #require(plans.first { $0.int("subscription_id") == 1015 })
    #expect(sessions.string("kind") == "sessions")
    #expect(sessions.int("remaining") == 6)
    #expect(sessions.int("total") == 8)
    #expect(sessions.string("end_date") == today.adding(days: 60).description)
    #expect(try StoreProbe(sandbox.demoDatabase).visits == 0)
  }

  @Test func aRefusedMemberIsShownAsNotEligible() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "show", "GYM-7", "--json"])
    #expect(result.status == 0, "\(result)")
    let card = try JSON.onlyObject(in: result)
    #expect(card.int("customer_id") == 7)
    #expect(card.bool("eligible") == false)
    #expect(card.string("refused") == "FROZEN")
    let plans = try #require(card["subscriptions"] as? [[String: Any]])
    #expect(plans.map { $0.string("status") } == ["frozen"])
  }

  @Test func theRetiredCodeIsNotFound() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "show", "GYM-115", "--json"])
    #expect(result.status == 3, "\(result)")
    #expect(try JSON.onlyObject(in: result).string("refused") == "NOT_FOUND")
  }

  @Test func textCardListsThePlans() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "show", "GYM-1"])
    #expect(result.status == 0, "\(result)")
    #expect(result.out.contains("Sara Haddad (member 1)"))
    #expect(result.out.contains("8/12 sessions left"))
    #expect(result.out.contains("May check in"))
  }
}
