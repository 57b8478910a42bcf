import CheckInCore
import CheckInSQLite
import Foundation

/// The demo gym: a few hundred members with every kind of plan, and one member for every way a
/// check-in can be refused. Dates are relative to the day it is created, so the demo never goes
/// stale; everything else is the same every time.
enum DemoData {
  static let memberCount = 300

  /// A member worth trying, with what scanning them shows.
  struct Story {
    let code: String
    let member: Member
    let plans: [Subscription]
    let shows: String
  }

  static func stories(today: CalendarDay) -> [Story] {
    func day(_ offset: Int) -> CalendarDay { today.adding(days: offset) }
    func member(_ id: Int64, _ name: String, code: String?? = .none, branch: Int64 = 1) -> Member {
      // `.none` means "the usual GYM-id code"; `.some(nil)` means no stored code at all.
      let stored: String? = code ?? "GYM-\(id)"
      return Member(
        id: id, fullName: name, phone: phone(for: Int(id)), qrCode: stored, branchID: branch)
    }
    func sessions(_ id: Int64, _ total: Int, _ left: Int, ends: Int, _ name: String) -> Subscription
    {
      Subscription(
        id: id, kind: .sessions, total: total, remaining: left, startDate: day(ends - 90),
        endDate: day(ends), serviceName: name)
    }
    func coins(_ id: Int64, _ total: Int, _ left: Int, ends: Int) -> Subscription {
      Subscription(
        id: id, kind: .coins, total: total, remaining: left, startDate: day(ends - 180),
        endDate: day(ends), serviceName: "\(total) Coins")
    }
    func monthly(_ id: Int64, from start: Int, status: PlanStatus = .active) -> Subscription {
      Subscription(
        id: id, kind: .time, status: status, startDate: day(start), endDate: day(start + 29),
        serviceName: "Monthly gym")
    }
    var salma = member(14, "Salma Youssef", code: .some(nil))
    salma.dateOfBirth =
      CalendarDay(year: 1994, month: today.month, day: today.day)
      ?? CalendarDay(year: 1994, month: 3, day: 1)
    salma.notes = "Knee injury — no jumping classes"
    var youssef = member(6, "Youssef Nabil")
    youssef.isActive = false
    var frozen = monthly(1007, from: -12, status: .frozen)
    frozen.freezeReason = "travelling"

    return [
      Story(
        code: "GYM-1", member: member(1, "Sara Haddad"),
        plans: [sessions(1001, 12, 8, ends: 40, "12 Sessions")], shows: "sessions: deducts one"),
      Story(
        code: "GYM-2", member: member(2, "أحمد السيد"), plans: [coins(1002, 50, 40, ends: 90)],
        shows: "coins, Arabic name"),
      Story(
        code: "GYM-3", member: member(3, "Lina Farouk"), plans: [monthly(1003, from: -10)],
        shows: "time plan: check-in only"),
      Story(
        code: "GYM-4", member: member(4, "Omar Khalil"),
        plans: [sessions(1004, 10, 1, ends: 5, "10 Sessions")],
        shows: "last session, plan ends in days"),
      Story(
        code: "GYM-5", member: member(5, "مريم حسن"),
        plans: [monthly(1005, from: -3), sessions(1015, 8, 6, ends: 60, "8 PT Sessions")],
        shows: "two plans: pick one"),
      Story(
        code: "GYM-6", member: youssef, plans: [sessions(1006, 12, 12, ends: 30, "12 Sessions")],
        shows: "refused: INACTIVE"),
      Story(
        code: "GYM-7", member: member(7, "Nour Adel"), plans: [frozen], shows: "refused: FROZEN"),
      Story(
        code: "GYM-8", member: member(8, "Karim Mansour"), plans: [monthly(1008, from: -33)],
        shows: "refused: EXPIRED"),
      Story(
        code: "GYM-9", member: member(9, "Hana Tarek"), plans: [],
        shows: "refused: NO_SUBSCRIPTION"),
      Story(
        code: "GYM-10", member: member(10, "Tamer Fathy"),
        plans: [sessions(1010, 12, 0, ends: 20, "12 Sessions")], shows: "refused: NO_SESSIONS"),
      Story(
        code: "GYM-11", member: member(11, "Dina Samir"), plans: [coins(1011, 30, 0, ends: 60)],
        shows: "refused: NO_COINS"),
      Story(
        code: "GYM-12", member: member(12, "Mostafa Ali", branch: 2),
        plans: [monthly(1012, from: -5)], shows: "refused: OTHER_BRANCH"),
      Story(
        code: "GYM-13", member: member(13, "王伟"),
        plans: [sessions(1013, 20, 15, ends: 75, "20 Sessions")], shows: "CJK name"),
      Story(
        code: "customer_id:14", member: salma,
        plans: [sessions(1014, 12, 3, ends: 25, "12 Sessions")],
        shows: "no stored code, birthday, staff notes"),
      Story(
        code: "GYM-115-9F3A0C1B", member: member(115, "Adel Saad", code: "GYM-115-9F3A0C1B"),
        plans: [sessions(1115, 10, 7, ends: 50, "10 Sessions")],
        shows: "regenerated code; GYM-115 is retired (refused)"),
    ]
  }

  /// The whole demo gym as one import.
  static func batch(today: CalendarDay) -> ImportBatch {
    let stories = stories(today: today)
    var members = stories.map(\.member)
    var plans = stories.flatMap { story in story.plans.map { (story.member.id, $0) } }
    var random = SplitMix64(seed: 2026)
    let taken = Set(members.map(\.id))
    var id: Int64 = 15
    while members.count < memberCount {
      defer { id += 1 }
      if taken.contains(id) { continue }
      let arabic = random.next(below: 3) == 0
      let name =
        arabic
        ? "\(Names.arabicFirst.pick(&random)) \(Names.arabicLast.pick(&random))"
        : "\(Names.latinFirst.pick(&random)) \(Names.latinLast.pick(&random))"
      let branch: Int64 = random.next(below: 10) == 0 ? 2 : 1
      let code = random.next(below: 8) == 0 ? nil : "GYM-\(id)"
      members.append(
        Member(id: id, fullName: name, phone: phone(for: Int(id)), qrCode: code, branchID: branch))
      plans.append((id, randomPlan(id: 10_000 + id, today: today, random: &random)))
    }
    return ImportBatch(members: members, plans: plans, branchNames: [1: "Main", 2: "Downtown"])
  }

  private static func randomPlan(id: Int64, today: CalendarDay, random: inout SplitMix64)
    -> Subscription
  {
    let start = today.adding(days: -Int(random.next(below: 60)))
    switch random.next(below: 3) {
    case 0:
      let total = [8, 10, 12, 20][Int(random.next(below: 4))]
      return Subscription(
        id: id, kind: .sessions, total: total,
        remaining: 1 + Int(random.next(below: UInt64(total))),
        startDate: start, endDate: start.adding(days: 90), serviceName: "\(total) Sessions")
    case 1:
      return Subscription(
        id: id, kind: .coins, total: 100, remaining: 5 + Int(random.next(below: 95)),
        startDate: start, endDate: start.adding(days: 180), serviceName: "100 Coins")
    default:
      return Subscription(
        id: id, kind: .time, startDate: start, endDate: start.adding(days: 89),
        serviceName: "3 Months gym")
    }
  }

  private static func phone(for id: Int) -> String {
    let number = String(10_000_000 + (id * 7_919) % 90_000_000)
    return "+20 10 \(number.prefix(4)) \(number.suffix(4))"
  }
}

extension Array {
  func pick(_ random: inout SplitMix64) -> Element {
    self[Int(random.next(below: UInt64(count)))]
  }
}
