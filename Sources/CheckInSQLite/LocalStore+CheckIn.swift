import CheckInCore
import Foundation

extension LocalStore {
  /// Records a check-in. The rules are applied again inside one `BEGIN IMMEDIATE` transaction,
  /// so what they read can't change before the write: of four stations scanning the same member at
  /// once, one checks in and three see the duplicate.
  public func checkIn(_ request: CheckInRequest) throws(BackendError) -> Receipt {
    try guarded {
      try database.transaction(.immediate) {
        let now = clock()
        guard let card = try card(memberID: request.memberID) else {
          throw BackendError.refused(.notFound(code: request.code ?? "#\(request.memberID)"))
        }
        let plan = try planForCheckIn(request, card: card, now: now)
        return try record(request, card: card, plan: plan, now: now)
      }
    }
  }

  /// The plan this visit goes on, after the rules said yes; `nil` for an override on no plan.
  private func planForCheckIn(_ request: CheckInRequest, card: MemberCard, now: Date) throws
    -> Subscription?
  {
    if request.override != nil {
      // Staff decided; the rules' answer is already known and overridden.
      return request.subscriptionID.flatMap { id in card.subscriptions.first { $0.id == id } }
    }
    let offer: Offer
    switch Eligibility.evaluate(card, policy: request.policy, now: now, timeZone: timeZone) {
    case .success(let value): offer = value
    case .failure(let refusal): throw BackendError.refused(refusal)
    }
    guard let wanted = request.subscriptionID else { return offer.plans[0] }
    if let plan = offer.plans.first(where: { $0.id == wanted }) { return plan }
    // The chosen plan stopped being usable between the dialog and now (another station used the
    // last session); say why rather than silently switching plans.
    let chosen = card.subscriptions.first { $0.id == wanted }
    let today = CalendarDay(now, in: timeZone)
    throw BackendError.refused(
      chosen.flatMap { Eligibility.unusableReason($0, today: today) } ?? .noSubscription)
  }

  private func record(
    _ request: CheckInRequest, card: MemberCard, plan: Subscription?, now: Date
  ) throws -> Receipt {
    var remaining = plan?.remaining
    var deducted = 0
    if let plan, request.action == .deduct, Offer.canDeduct(plan) {
      // The WHERE clause and the CHECK constraint both keep the count from going below zero.
      remaining = try database.first(
        "UPDATE subscriptions SET remaining = remaining - 1 WHERE id = ? AND remaining >= 1 "
          + "RETURNING remaining", plan.id, map: { $0.int(0) })
      guard remaining != nil else {
        throw BackendError.refused(plan.kind == .coins ? .noCoins : .noSessions)
      }
      deducted = 1
    }
    let action: CheckInAction = deducted > 0 ? .deduct : .checkInOnly
    let attendanceID = try database.first(
      """
      INSERT INTO attendance (customer_id, subscription_id, branch_id, check_in_time, action,
                              deducted, station, override_refusal, override_reason)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
      """, card.member.id, plan?.id, request.policy.branchID, now.storedMilliseconds,
      action.rawValue, deducted, request.station, request.override?.refusedAs,
      request.override?.reason, map: { $0.int64(0) })
    guard let attendanceID else {
      throw BackendError.storage("The check-in was not recorded (no row id) — try again")
    }
    return Receipt(
      attendanceID: attendanceID, memberID: card.member.id, memberName: card.member.fullName,
      action: action, deducted: deducted, remaining: plan?.kind.isCounted == true ? remaining : nil,
      subscriptionID: plan?.id, kind: plan?.kind, checkedInAt: now,
      discrepancy: request.action == .deduct && deducted == 0
        ? "Nothing to deduct on this plan: checked in without deduction" : nil,
      overrideReason: request.override?.reason)
  }

  /// Voids a check-in: the row stays, marked voided, and what it deducted goes back to the plan.
  public func void(attendanceID: Int64) throws(BackendError) -> VoidReceipt {
    try guarded {
      try database.transaction(.immediate) {
        let now = clock()
        let visit = try database.first(
          """
          SELECT a.customer_id, c.full_name, a.subscription_id, a.deducted, a.voided_at, s.kind
          FROM attendance a
          JOIN customers c ON c.id = a.customer_id
          LEFT JOIN subscriptions s ON s.id = a.subscription_id
          WHERE a.id = ?
          """, attendanceID
        ) { row in
          (
            memberID: row.int64(0), name: row.text(1), planID: row.optionalInt64(2),
            deducted: row.int(3), voidedAt: row.optionalInt64(4),
            kind: row.optionalText(5).flatMap(PlanKind.init(rawValue:))
          )
        }
        guard let visit else {
          throw BackendError.notFound("No check-in #\(attendanceID) in this database")
        }
        if let voidedAt = visit.voidedAt {
          let when = ClockText.dayAndTime(Date(storedMilliseconds: voidedAt), in: timeZone)
          throw BackendError.notFound("Check-in #\(attendanceID) was already voided at \(when)")
        }
        try database.run(
          "UPDATE attendance SET voided_at = ? WHERE id = ?", now.storedMilliseconds, attendanceID)
        var remaining: Int?
        if let planID = visit.planID {
          remaining =
            try database.first(
              "UPDATE subscriptions SET remaining = remaining + ? WHERE id = ? RETURNING remaining",
              visit.deducted, planID, map: { $0.optionalInt(0) }) ?? nil
        }
        return VoidReceipt(
          attendanceID: attendanceID, memberID: visit.memberID, memberName: visit.name,
          restored: visit.deducted, kind: visit.kind, remaining: remaining, voidedAt: now)
      }
    }
  }
}
