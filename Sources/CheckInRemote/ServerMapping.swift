import CheckInCore
import Foundation

/// The server's answers read as the station's domain: pure functions over the decoded JSON of
/// both deployed versions (API.md), testable without a server.
enum ServerMapping {
  /// The member's own code, or nil: the server reports `customer_id:N` for a member without one.
  static func storedCode(_ customer: CustomerDTO) -> String? {
    guard let code = customer.qrCode, !code.isEmpty, !code.lowercased().hasPrefix("customer_id:")
    else { return nil }
    return code
  }

  static func member(from customer: CustomerDTO) -> Member {
    Member(
      id: customer.id, fullName: customer.fullName, phone: customer.phone,
      qrCode: storedCode(customer), branchID: customer.branchID ?? 0,
      branchName: customer.branchName, isActive: customer.isActive ?? true,
      dateOfBirth: ServerTime.day(customer.dateOfBirth),
      notes: customer.healthNotes.flatMap { $0.isEmpty ? nil : $0 })
  }

  /// A plan's full record; nil for a kind the station doesn't know.
  static func subscription(from dto: SubscriptionDTO) -> Subscription? {
    guard let type = dto.subscriptionType, let kind = PlanKind(external: type) else { return nil }
    let status = dto.status.flatMap(PlanStatus.init(external:)) ?? .active
    let counted: (total: Int?, remaining: Int?) =
      switch kind {
      case .sessions: (dto.totalSessions, dto.remainingSessions ?? 0)
      case .coins: (dto.totalCoins, dto.remainingCoins ?? 0)
      case .time: (nil, nil)
      }
    return Subscription(
      id: dto.id, kind: kind, status: status, total: counted.total, remaining: counted.remaining,
      startDate: ServerTime.day(dto.startDate), endDate: ServerTime.day(dto.endDate),
      serviceName: dto.serviceName ?? dto.displayLabel, freezeReason: dto.freezeReason,
      freezeEndsOn: ServerTime.day(dto.freezeEndDate), grantsEntry: dto.grantsGymEntry ?? true)
  }

  /// The rule the server picks plans by, told by how its plan list spells a status: February's
  /// server prints the enum (`SubscriptionStatus.ACTIVE`), August's the value. Nil when the list
  /// says nothing (no plans).
  static func planRule(listStatuses: [String?]) -> ServerPlanRule? {
    let spelled = listStatuses.compactMap { $0 }
    guard let first = spelled.first else { return nil }
    return first.hasPrefix("SubscriptionStatus.") ? .firstActive : .entryLatestEnd
  }

  /// Which of `plans` the server charged, from its answer: the answer names no plan, but its
  /// type, end date and what is left tell one apart from another (API.md). Nil when they don't.
  static func chargedPlan(_ data: AttendanceData, among plans: [Subscription]) -> Subscription? {
    guard let kind = data.subscriptionType.flatMap(PlanKind.init(external:)) else { return nil }
    var candidates = plans.filter { $0.kind == kind }
    if let end = ServerTime.day(data.subscriptionEndDate) {
      candidates = candidates.filter { $0.endDate == end }
    }
    let deducted = (data.sessionsDeducted ?? 0) + (data.coinsDeducted ?? 0)
    let left = kind == .coins ? data.remainingCoins : data.remainingSessions
    if candidates.count > 1, kind.isCounted, let left {
      candidates = candidates.filter { ($0.remaining ?? -1) - deducted == left }
    }
    return candidates.count == 1 ? candidates.first : nil
  }

  /// What the server did with a check-in, as a receipt, and whether the station must still deduct
  /// by itself (a server built to the seed records without deducting).
  struct Reading {
    var receipt: Receipt
    var notes: [String]
    var deductsSeparately: Bool
    /// The answer names a plan kind, yet none of the card's plans fits it: the card was out of
    /// date (a plan bought since), and the station should not trust it again.
    var cardWasStale: Bool
  }

  /// Reads an answer to `POST /api/attendance` for `request`. `plans` are the member's plans as
  /// the card showed them (empty when unknown, e.g. a check-in sent from the outbox).
  static func reading(
    _ data: AttendanceData, for request: CheckInRequest, plans: [Subscription], now: Date
  ) -> Reading {
    let serverKind = data.subscriptionType.flatMap(PlanKind.init(external:))
    let kind = serverKind ?? request.kind
    let deducted = (data.sessionsDeducted ?? 0) + (data.coinsDeducted ?? 0)
    let remaining: Int? =
      switch kind {
      case .coins?: data.remainingCoins
      case .sessions?: data.remainingSessions
      default: nil
      }
    var notes: [String] = []
    let reportsDeduction = data.sessionsDeducted != nil || data.coinsDeducted != nil
    if request.action == .checkInOnly && deducted > 0 {
      notes.append(
        "The server deducted \(deducted) \(kind?.unit(deducted) ?? "unit") although "
          + "Check-In Only was chosen")
    }
    let deductsSeparately =
      request.action == .deduct && deducted == 0 && !reportsDeduction
      && request.subscriptionID != nil && request.kind?.isCounted == true
    if request.action == .deduct && deducted == 0 && !deductsSeparately,
      request.kind?.isCounted == true
    {
      notes.append("The server recorded the visit without deducting anything")
    }
    let charged = chargedPlan(data, among: plans)
    if let charged, let chosen = request.subscriptionID, charged.id != chosen {
      notes.append(
        "The server charged plan \(charged.id) (\(charged.serviceName ?? charged.kind.rawValue)), "
          + "not plan \(chosen) as shown")
    } else if charged == nil, let serverKind, let chosen = request.kind, serverKind != chosen {
      notes.append("The server used the member's \(serverKind.rawValue) plan, not the one chosen")
    }
    // The plan charged: the one the answer points to, else the one sent when nothing says the
    // server used another (a server that honours the choice, or names no type).
    let planID: Int64? =
      if let charged {
        charged.id
      } else if serverKind == nil || (serverKind == request.kind && plans.isEmpty) {
        request.subscriptionID
      } else { nil }
    let id = data.attendanceID ?? data.entryID ?? data.attendance?.id ?? 0
    let name = data.customerName ?? data.attendance?.customerName ?? request.memberName
    let time = ServerTime.instant(data.checkInTime ?? data.attendance?.checkInTime) ?? now
    let receipt = Receipt(
      attendanceID: id, memberID: request.memberID, memberName: name ?? "#\(request.memberID)",
      action: deducted > 0 ? .deduct : .checkInOnly, deducted: deducted,
      remaining: kind?.isCounted == true ? remaining : nil, subscriptionID: planID,
      kind: kind, checkedInAt: time, discrepancy: nil)
    let answeredEnd = ServerTime.day(data.subscriptionEndDate)
    let fits = plans.contains { plan in
      plan.kind == serverKind && (answeredEnd == nil || plan.endDate == answeredEnd)
    }
    return Reading(
      receipt: receipt, notes: notes, deductsSeparately: deductsSeparately,
      cardWasStale: serverKind != nil && !plans.isEmpty && !fits)
  }
}
