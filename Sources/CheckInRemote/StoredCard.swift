import CheckInCore
import Foundation

/// A member card as the offline cache keeps it (JSON in SQLite).
struct StoredCard: Codable {
  struct Plan: Codable {
    let id: Int64
    let kind: String
    let status: String
    let total: Int?
    let remaining: Int?
    let start: String?
    let end: String?
    let service: String?
    let freeze: String?
    let freezeEnds: String?
    let grants: Bool?
  }

  let id: Int64
  let name: String
  let phone: String?
  let code: String?
  let branchID: Int64
  let branchName: String?
  let active: Bool
  let born: String?
  let notes: String?
  let plans: [Plan]
  let lastVisit: Double?

  init(_ card: MemberCard) {
    let member = card.member
    id = member.id
    name = member.fullName
    phone = member.phone
    code = member.qrCode
    branchID = member.branchID
    branchName = member.branchName
    active = member.isActive
    born = member.dateOfBirth?.description
    notes = member.notes
    plans = card.subscriptions.map { plan in
      Plan(
        id: plan.id, kind: plan.kind.rawValue, status: plan.status.rawValue, total: plan.total,
        remaining: plan.remaining, start: plan.startDate?.description,
        end: plan.endDate?.description, service: plan.serviceName, freeze: plan.freezeReason,
        freezeEnds: plan.freezeEndsOn?.description, grants: plan.grantsEntry)
    }
    lastVisit = card.lastVisit?.timeIntervalSince1970
  }

  var card: MemberCard {
    let member = Member(
      id: id, fullName: name, phone: phone, qrCode: code, branchID: branchID,
      branchName: branchName, isActive: active, dateOfBirth: born.flatMap { CalendarDay(iso: $0) },
      notes: notes)
    let subscriptions = plans.map { plan in
      Subscription(
        id: plan.id, kind: PlanKind(rawValue: plan.kind) ?? .sessions,
        status: PlanStatus(rawValue: plan.status) ?? .stopped, total: plan.total,
        remaining: plan.remaining, startDate: plan.start.flatMap { CalendarDay(iso: $0) },
        endDate: plan.end.flatMap { CalendarDay(iso: $0) }, serviceName: plan.service,
        freezeReason: plan.freeze, freezeEndsOn: plan.freezeEnds.flatMap { CalendarDay(iso: $0) },
        grantsEntry: plan.grants ?? true)
    }
    return MemberCard(
      member: member, subscriptions: subscriptions,
      lastVisit: lastVisit.map { Date(timeIntervalSince1970: $0) })
  }
}
