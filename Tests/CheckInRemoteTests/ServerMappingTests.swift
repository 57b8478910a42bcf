import CheckInCore
import Foundation
import Testing

@testable import CheckInRemote

/// The server's answers, as recorded from both deployed versions (API.md), read into the
/// station's decisions by pure functions: no server, no network.
@Suite struct ServerMappingTests {
  private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
    let envelope = try JSONDecoder().decode(Envelope<T>.self, from: Data(json.utf8))
    return try #require(envelope.data)
  }

  static let februaryList = """
    {"success": true, "data": {"items": [
      {"id": 63, "customer_id": 131, "status": "SubscriptionStatus.ACTIVE", "service_name": "20 Coins",
       "start_date": "2026-11-01", "end_date": "2026-12-21", "price": 480.0}],
     "pagination": {"current_page": 1, "pages": 1, "per_page": 50, "total": 1}}}
    """

  static let augustList = """
    {"success": true, "data": {"items": [
      {"id": 63, "customer_id": 131, "status": "active", "subscription_type": null,
       "remaining_coins": null, "remaining_sessions": null, "end_date": "2026-12-21"}],
     "pagination": {"current_page": 1, "pages": 1, "per_page": 50, "total": 1}}}
    """

  @Test func theListsSpellingOfAStatusTellsTheVersionsRule() throws {
    let february = try decode(SubscriptionListData.self, Self.februaryList)
    let august = try decode(SubscriptionListData.self, Self.augustList)
    #expect(ServerMapping.planRule(listStatuses: february.items.map(\.status)) == .firstActive)
    #expect(ServerMapping.planRule(listStatuses: august.items.map(\.status)) == .entryLatestEnd)
    #expect(ServerMapping.planRule(listStatuses: []) == nil)
  }

  @Test func aFullPlanRecordKeepsTheFreezesEndAndWhetherItOpensTheDoor() throws {
    let record = try decode(
      SubscriptionDTO.self,
      """
      {"success": true, "data": {"id": 65, "customer_id": 132, "subscription_type": "training",
       "status": "frozen", "remaining_sessions": 8, "total_sessions": 12,
       "remaining_coins": null, "total_coins": null, "start_date": "2026-10-01",
       "end_date": "2027-01-29", "service_name": "Private Training", "grants_gym_entry": false,
       "display_label": "8 Training Sessions", "freeze_count": 1, "freeze_reason": "Injury",
       "frozen_date": "2026-11-10", "freeze_end_date": "2026-11-28", "is_expired": false}}
      """)
    let plan = try #require(ServerMapping.subscription(from: record))
    #expect(plan.kind == .sessions && plan.status == .frozen && plan.remaining == 8)
    #expect(plan.freezeEndsOn == CalendarDay(iso: "2026-11-28"))
    #expect(plan.grantsEntry == false)
    #expect(plan.serviceName == "Private Training")
  }

  @Test func aMemberWithoutAStoredCodeShowsNone() throws {
    let customer = try decode(
      CustomerDTO.self,
      """
      {"success": true, "data": {"id": 117, "full_name": "Omar Khaled", "phone": "01111222117",
       "qr_code": "customer_id:117", "branch_id": 1, "branch_name": "Main", "is_active": true,
       "has_active_subscription": true, "gender": "MALE", "date_of_birth": "1988-03-03",
       "health_notes": ""}}
      """)
    let member = ServerMapping.member(from: customer)
    #expect(member.qrCode == nil && member.notes == nil && member.branchID == 1)
  }

  private let twoCoinPlans = [
    Subscription(
      id: 12, kind: .coins, total: 30, remaining: 16, endDate: CalendarDay(iso: "2027-02-08"),
      serviceName: "30 Coins"),
    Subscription(
      id: 901, kind: .coins, total: 20, remaining: 5, endDate: CalendarDay(iso: "2026-12-21"),
      serviceName: "20 Coins"),
  ]

  private func request(plan: Int64?, kind: PlanKind?, _ action: CheckInAction) -> CheckInRequest {
    CheckInRequest(
      memberID: 131, code: "GYM-131", subscriptionID: plan, action: action,
      policy: CheckInPolicy(branchID: 1), station: "desk-1", requestedAt: Date(),
      memberName: "Mona Zaki", kind: kind)
  }

  /// August's answer after charging the plan that ends last, while the desk showed the other.
  @Test func theReceiptNamesThePlanTheServerChargedAndSaysItDiffers() throws {
    let answer = try decode(
      AttendanceData.self,
      """
      {"success": true, "message": "Check-in successful", "data": {"attendance_id": 7,
       "entry_id": 7, "customer_id": 131, "customer_name": "Mona Zaki",
       "check_in_time": "2026-11-30T20:33:38.043512", "coins_deducted": 1,
       "sessions_deducted": 0, "remaining_coins": 15, "remaining_sessions": null,
       "subscription_end_date": "2027-02-08", "subscription_type": "coins"}}
      """)
    let reading = ServerMapping.reading(
      answer, for: request(plan: 901, kind: .coins, .deduct), plans: twoCoinPlans, now: Date())
    #expect(reading.receipt.subscriptionID == 12)
    #expect(reading.receipt.deducted == 1 && reading.receipt.remaining == 15)
    #expect(reading.notes == ["The server charged plan 12 (30 Coins), not plan 901 as shown"])
    #expect(!reading.deductsSeparately)
    #expect(reading.receipt.attendanceID == 7)
  }

  @Test func twoPlansAlikeInEveryWayTheAnswerTellsAreNotGuessedBetween() {
    var alike = twoCoinPlans
    alike[1].endDate = alike[0].endDate
    alike[1].remaining = alike[0].remaining
    let answer = AttendanceData(
      attendanceID: 8, entryID: 8, customerID: 131, customerName: "Mona Zaki",
      checkInTime: nil, coinsDeducted: 1, sessionsDeducted: 0, remainingCoins: 15,
      remainingSessions: nil, subscriptionType: "coins", subscriptionEndDate: "2027-02-08",
      attendance: nil)
    #expect(ServerMapping.chargedPlan(answer, among: alike) == nil)
    #expect(ServerMapping.chargedPlan(answer, among: twoCoinPlans)?.id == 12)
    let reading = ServerMapping.reading(
      answer, for: request(plan: 901, kind: .coins, .deduct), plans: alike, now: Date())
    #expect(reading.receipt.subscriptionID == nil)
  }

  /// February deducts a session although Check-In Only was chosen.
  @Test func aDeductionAgainstTheDesksChoiceIsSaid() throws {
    let answer = try decode(
      AttendanceData.self,
      """
      {"success": true, "data": {"attendance_id": 3, "entry_id": 3, "customer_id": 115,
       "customer_name": "Adel Saad", "check_in_time": "2026-11-30T08:00:00.000001",
       "coins_deducted": 0, "sessions_deducted": 1, "remaining_coins": null,
       "remaining_sessions": 6, "subscription_end_date": "2027-01-09",
       "subscription_type": "sessions"}}
      """)
    let plan = Subscription(
      id: 45, kind: .sessions, total: 12, remaining: 7, endDate: CalendarDay(iso: "2027-01-09"))
    let reading = ServerMapping.reading(
      answer, for: request(plan: 45, kind: .sessions, .checkInOnly), plans: [plan], now: Date())
    #expect(reading.receipt.subscriptionID == 45 && reading.receipt.remaining == 6)
    #expect(reading.notes.first?.contains("although Check-In Only was chosen") == true)
  }

  /// The seed's server records and leaves the deduction to its own endpoint.
  @Test func aServerThatOnlyRecordsLeavesTheDeductionToTheStation() throws {
    let answer = try decode(
      AttendanceData.self,
      """
      {"success": true, "message": "Check-in recorded successfully", "data": {"attendance": {
       "id": 4, "customer_id": 131, "customer_name": "Mona Zaki",
       "check_in_time": "2026-11-30T08:00:00", "branch_id": 1,
       "action": "check_in_with_deduction"}}}
      """)
    let reading = ServerMapping.reading(
      answer, for: request(plan: 901, kind: .coins, .deduct), plans: twoCoinPlans, now: Date())
    #expect(reading.deductsSeparately)
    #expect(reading.receipt.subscriptionID == 901 && reading.receipt.attendanceID == 4)
    #expect(reading.notes.isEmpty)
  }
}
