import Foundation

@testable import CheckInCore

/// Members, plans and clocks shared by the rules and station tests.
///
/// The fixed clock reads 2026-03-10 10:00 UTC, so "today" is 2026-03-10 in `timeZone`.
enum Fixture {
  static let timeZone = TimeZone.gmt
  static let now = Date(timeIntervalSince1970: 1_773_136_800)
  static let today = CalendarDay(now, in: timeZone)
  static let branchID: Int64 = 1

  /// The day `offset` days from today.
  static func day(_ offset: Int) -> CalendarDay {
    today.adding(days: offset)
  }

  static func context(
    at date: Date = now, policy: CheckInPolicy = CheckInPolicy(branchID: branchID),
    timing: StationTiming = StationTiming(), kiosk: KioskLock? = nil, allowsOverride: Bool = true
  ) -> StationContext {
    StationContext(
      now: date, timeZone: timeZone, policy: policy, stationName: "front-desk", timing: timing,
      searchLimit: 20, kiosk: kiosk, allowsOverride: allowsOverride)
  }

  static func sessions(
    id: Int64, remaining: Int = 5, status: PlanStatus = .active, start: CalendarDay? = nil,
    end: CalendarDay? = nil
  ) -> Subscription {
    Subscription(
      id: id, kind: .sessions, status: status, total: 10, remaining: remaining, startDate: start,
      endDate: end, serviceName: "10 sessions")
  }

  static func coins(id: Int64, remaining: Int = 5, end: CalendarDay? = nil) -> Subscription {
    Subscription(
      id: id, kind: .coins, total: 20, remaining: remaining, endDate: end, serviceName: "Coins")
  }

  static func timePlan(
    id: Int64, status: PlanStatus = .active, start: CalendarDay? = nil, end: CalendarDay? = nil
  ) -> Subscription {
    Subscription(
      id: id, kind: .time, status: status, startDate: start, endDate: end,
      serviceName: "Monthly gym")
  }

  static func member(
    id: Int64, name: String, branchID: Int64 = branchID, isActive: Bool = true
  ) -> Member {
    Member(
      id: id, fullName: name, qrCode: "GYM-\(id)", branchID: branchID, branchName: "Branch",
      isActive: isActive)
  }

  /// Member 1: one sessions plan with sessions left, so Deduct Session is the default.
  static let sara = MemberCard(
    member: member(id: 1, name: "Sara Haddad"),
    subscriptions: [sessions(id: 11, remaining: 5, end: day(30))])

  /// Member 2: a time plan (offered first, check-in only) and a sessions plan.
  static let omar = MemberCard(
    member: member(id: 2, name: "Omar Nasser"),
    subscriptions: [sessions(id: 22, remaining: 3, end: day(60)), timePlan(id: 21, end: day(10))])

  /// The card a fake store finds for `payload`, or `nil` when it knows no such member.
  static func card(for payload: ScanPayload) -> MemberCard? {
    let id: Int64?
    switch payload {
    case .idForm(_, let memberID), .member(let memberID): id = memberID
    case .code(let code): id = ScanParser.plainID(in: code)
    }
    switch id {
    case 1: return sara
    case 2: return omar
    default: return nil
    }
  }

  /// What a well-behaved store answers to `request`.
  static func receipt(for request: CheckInRequest, attendanceID: Int64) -> Receipt {
    let card = card(for: .member(request.memberID))
    let plan = card?.subscriptions.first { $0.id == request.subscriptionID }
    let deducted = request.action == .deduct ? 1 : 0
    return Receipt(
      attendanceID: attendanceID, memberID: request.memberID,
      memberName: card?.member.fullName ?? "Member \(request.memberID)", action: request.action,
      deducted: deducted, remaining: plan?.remaining.map { $0 - deducted },
      subscriptionID: request.subscriptionID, kind: plan?.kind, checkedInAt: request.requestedAt)
  }

  static func voidReceipt(of receipt: Receipt, at date: Date) -> VoidReceipt {
    VoidReceipt(
      attendanceID: receipt.attendanceID, memberID: receipt.memberID,
      memberName: receipt.memberName, restored: receipt.deducted, kind: receipt.kind,
      remaining: receipt.remaining.map { $0 + receipt.deducted }, voidedAt: date)
  }

  static func summary(of card: MemberCard) -> MemberSummary {
    let member = card.member
    return MemberSummary(
      id: member.id, fullName: member.fullName, phone: member.phone, qrCode: member.qrCode,
      branchID: member.branchID, isActive: member.isActive)
  }

  static func page(_ query: String) -> SearchPage {
    SearchPage(query: query, hits: [summary(of: sara), summary(of: omar)], hasMore: false)
  }
}
