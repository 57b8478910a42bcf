import CheckInCore
import Foundation

@testable import CheckInUI

/// The states the snapshot tests draw, built by driving the real reducer, so a picture always
/// shows a state the station can actually be in.
enum Scenes {
  static let timeZone = TimeZone(secondsFromGMT: 2 * 3600) ?? .gmt
  /// Wednesday 2026-11-25 18:32:05 at UTC+2.
  static let now = Date(timeIntervalSince1970: 1_795_624_325)
  static var today: CalendarDay { CalendarDay(now, in: timeZone) }

  static func context(at date: Date = now, kiosk: KioskLock? = nil) -> StationContext {
    StationContext(
      now: date, timeZone: timeZone, policy: CheckInPolicy(branchID: 1), stationName: "front-desk",
      kiosk: kiosk)
  }

  static func info(
    at date: Date = now, state: StationState = StationState(), kiosk: KioskLock? = nil
  ) -> ViewInfo {
    ViewInfo(
      now: date, timeZone: timeZone, stationName: "front-desk", branchName: "Main",
      storeName: "demo.sqlite3", isKiosk: kiosk != nil,
      abilities: state.abilities(context(at: date, kiosk: kiosk)))
  }

  static func member(_ id: Int64, _ name: String, code: String? = nil) -> Member {
    Member(
      id: id, fullName: name, phone: "+20 100 123 45\(String(format: "%02d", id % 100))",
      qrCode: code ?? "GYM-\(id)", branchID: 1, branchName: "Main")
  }

  static let sara = MemberCard(
    member: member(1, "Sara Haddad"),
    subscriptions: [
      Subscription(
        id: 1001, kind: .sessions, total: 12, remaining: 8, startDate: today.adding(days: -50),
        endDate: today.adding(days: 40), serviceName: "12 Sessions")
    ],
    lastVisit: now.addingTimeInterval(-86_400 * 2 - 3600))

  static let mariam = MemberCard(
    member: member(5, "مريم حسن"),
    subscriptions: [
      Subscription(
        id: 1005, kind: .time, startDate: today.adding(days: -3), endDate: today.adding(days: 26),
        serviceName: "Monthly gym"),
      Subscription(
        id: 1015, kind: .sessions, total: 8, remaining: 2, startDate: today.adding(days: -30),
        endDate: today.adding(days: 5), serviceName: "8 PT Sessions"),
    ],
    lastVisit: now.addingTimeInterval(-3 * 3600))

  /// A CJK name, and a CJK plan name longer than the plan column (it must be cut by width).
  static let wang = MemberCard(
    member: member(13, "王伟"),
    subscriptions: [
      Subscription(
        id: 1013, kind: .sessions, total: 20, remaining: 15, endDate: today.adding(days: 75),
        serviceName: "20 Sessions"),
      Subscription(
        id: 1023, kind: .sessions, total: 10, remaining: 6, endDate: today.adding(days: 30),
        serviceName: "私人教练课程十次卡"),
    ])

  /// Only a time plan: nothing to deduct.
  static let omar = MemberCard(
    member: member(2, "Omar Khalil"),
    subscriptions: [
      Subscription(
        id: 1002, kind: .time, startDate: today.adding(days: -10), endDate: today.adding(days: 20),
        serviceName: "Monthly gym")
    ],
    lastVisit: now.addingTimeInterval(-86_400))

  /// Every session used.
  static let lina = MemberCard(
    member: member(3, "Lina Farouk"),
    subscriptions: [
      Subscription(
        id: 1003, kind: .sessions, total: 10, remaining: 0, endDate: today.adding(days: 12),
        serviceName: "10 Sessions")
    ])

  /// Birthday today, staff notes, 3 sessions left on a plan ending within a week: all four alerts.
  static var salma: MemberCard {
    var member = member(14, "Salma Youssef", code: nil)
    member.qrCode = nil
    member.dateOfBirth = CalendarDay(year: 1994, month: today.month, day: today.day)
    member.notes = "Knee injury — no jumping classes"
    return MemberCard(
      member: member,
      subscriptions: [
        Subscription(
          id: 1014, kind: .sessions, total: 12, remaining: 3, endDate: today.adding(days: 4),
          serviceName: "12 Sessions")
      ])
  }

  static let frozenNour = MemberCard(
    member: member(7, "Nour Adel"),
    subscriptions: [
      Subscription(
        id: 1007, kind: .time, status: .frozen, endDate: today.adding(days: 17),
        serviceName: "Monthly gym", freezeReason: "travelling")
    ])

  static let todayEntries: [AttendanceEntry] = (0..<14).map { index in
    let names = ["Sara Haddad", "أحمد السيد", "Lina Farouk", "王伟", "Omar Khalil", "Aya Hassan"]
    return AttendanceEntry(
      id: Int64(100 - index), memberID: Int64(index + 1), memberName: names[index % names.count],
      checkedInAt: now.addingTimeInterval(-Double(index) * 1900), action: .deduct,
      deducted: index % 3 == 0 ? 0 : 1, subscriptionID: 1, branchID: 1, isVoided: index == 4,
      // One visit let in by staff; the coin member's deductions are coins.
      overrideReason: index == 7 ? "paid at the desk" : nil,
      kind: index % names.count == 1 ? .coins : .sessions)
  }

  /// Today as a store holding just `entries` would report it.
  static func overview(_ entries: [AttendanceEntry]) -> TodayOverview {
    TodayOverview(listing: entries, day: today, timeZone: timeZone)
  }

  /// A station driven through `events`, each answered at `now`.
  static func state(
    _ events: [StationEvent], kiosk: KioskLock? = nil, at date: Date = now
  ) -> StationState {
    var state = StationState()
    _ = Station.reduce(
      into: &state, .todayLoaded(.success(overview(todayEntries))), context(at: date))
    for event in events {
      _ = Station.reduce(into: &state, event, context(at: date, kiosk: kiosk))
    }
    return state
  }

  /// The dialog for `card`, scanned as its code.
  static func dialog(_ card: MemberCard, events: [StationEvent] = []) -> StationState {
    state([.scanned(card.member.displayCode), .lookedUp(RequestID(1), .success(card))] + events)
  }

  static func receipt(_ card: MemberCard, deducted: Int = 1, remaining: Int? = 7) -> Receipt {
    Receipt(
      attendanceID: 42, memberID: card.member.id, memberName: card.member.fullName,
      action: deducted > 0 ? .deduct : .checkInOnly, deducted: deducted, remaining: remaining,
      subscriptionID: card.subscriptions.first?.id, kind: card.subscriptions.first?.kind,
      checkedInAt: now)
  }
}
