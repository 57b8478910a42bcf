import CheckInCore
import Foundation

/// The JSON shapes of the command line's `--json` outputs and of the check-in hook's input.
enum Reports {
  /// A check-in accepted offline has no server id yet: its number is the outbox entry's
  /// (`outbox_id`), never in `attendance_id`, where scripts expect the server's.
  static func receipt(_ receipt: Receipt) -> JSONValue {
    var members: [(String, JSONValue)] = [
      receipt.isQueued
        ? ("outbox_id", .integer(receipt.attendanceID))
        : ("attendance_id", .integer(receipt.attendanceID)),
      ("customer_id", .integer(receipt.memberID)),
      ("customer_name", .string(receipt.memberName)),
      ("action", .string(receipt.action.rawValue)),
      ("deducted", .integer(receipt.deducted)),
      ("remaining", .integer(receipt.remaining)),
      ("subscription_id", .integer(receipt.subscriptionID)),
      ("kind", .string(receipt.kind?.rawValue)),
      ("checked_in_at", .string(Timestamp.iso(receipt.checkedInAt))),
    ]
    if let note = receipt.discrepancy { members.append(("note", .string(note))) }
    if let reason = receipt.overrideReason { members.append(("override_reason", .string(reason))) }
    if receipt.isQueued {
      members.append(("queued", .bool(true)))
      members.append(("accepted_offline", .bool(true)))
    }
    return .object(members)
  }

  /// A refusal; with the member's card under `card` when the member is known.
  static func refusal(_ refusal: Refusal, card: MemberCard?, now: Date, timeZone: TimeZone)
    -> JSONValue
  {
    var members: [(String, JSONValue)] = [
      ("refused", .string(refusal.code)),
      ("message", .string(refusal.message(name: card?.member.fullName, timeZone: timeZone))),
    ]
    if case .duplicate(let since) = refusal {
      members.append(("already_in_since", .string(Timestamp.iso(since))))
    }
    if let card {
      members.append(("customer_id", .integer(card.member.id)))
      members.append(("customer_name", .string(card.member.fullName)))
      members.append(("card", .object(facts(card, now: now))))
    }
    return .object(members)
  }

  static func error(_ message: String) -> JSONValue {
    .object([("error", .string(message))])
  }

  static func card(
    _ card: MemberCard, verdict: Result<Offer, Refusal>, now: Date, timeZone: TimeZone
  ) -> JSONValue {
    var members = facts(card, now: now)
    switch verdict {
    case .success(let offer):
      let best = offer.plans[0]
      members.append(("eligible", .bool(true)))
      members.append(("default_subscription_id", .integer(best.id)))
      members.append(("default_action", .string(Offer.defaultAction(for: best).rawValue)))
    case .failure(let refusal):
      members.append(("eligible", .bool(false)))
      members.append(("refused", .string(refusal.code)))
      members.append(
        ("message", .string(refusal.message(name: card.member.fullName, timeZone: timeZone))))
    }
    return .object(members)
  }

  /// Who the member is and what they hold, without a verdict.
  private static func facts(_ card: MemberCard, now: Date) -> [(String, JSONValue)] {
    let member = card.member
    var members: [(String, JSONValue)] = [
      ("customer_id", .integer(member.id)),
      ("customer_name", .string(member.fullName)),
      ("phone", .string(member.phone)),
      ("qr_code", .string(member.displayCode)),
      ("branch_id", .integer(member.branchID)),
      ("branch_name", .string(member.branchName)),
      ("is_active", .bool(member.isActive)),
      ("date_of_birth", .string(member.dateOfBirth?.description)),
      ("notes", .string(member.notes)),
      ("last_visit", .string(card.lastVisit.map(Timestamp.iso))),
      ("subscriptions", .array(card.subscriptions.map(plan))),
    ]
    if let cachedAt = card.cachedAt {
      // The server couldn't be reached: these are the facts as last fetched, and how old.
      members.append(("offline", .bool(true)))
      members.append(("fetched_at", .string(Timestamp.iso(cachedAt))))
      members.append(("age_seconds", .integer(Int64(max(0, now.timeIntervalSince(cachedAt))))))
    }
    return members
  }

  static func plan(_ plan: Subscription) -> JSONValue {
    .object([
      ("subscription_id", .integer(plan.id)),
      ("kind", .string(plan.kind.rawValue)),
      ("status", .string(plan.status.rawValue)),
      ("remaining", .integer(plan.remaining)),
      ("total", .integer(plan.total)),
      ("start_date", .string(plan.startDate?.description)),
      ("end_date", .string(plan.endDate?.description)),
      ("service_name", .string(plan.serviceName)),
    ])
  }

  static func entry(_ entry: AttendanceEntry) -> JSONValue {
    .object([
      ("attendance_id", .integer(entry.id)),
      ("customer_id", .integer(entry.memberID)),
      ("customer_name", .string(entry.memberName)),
      ("checked_in_at", .string(Timestamp.iso(entry.checkedInAt))),
      ("action", .string(entry.action.rawValue)),
      ("deducted", .integer(entry.deducted)),
      ("subscription_id", .integer(entry.subscriptionID)),
      ("kind", .string(entry.kind?.rawValue)),
      ("branch_id", .integer(entry.branchID)),
      ("station", .string(entry.station)),
      ("voided", .bool(entry.isVoided)),
      ("override_reason", .string(entry.overrideReason)),
    ])
  }

  /// A search hit and where the member stands: `status` as the station words it, and the plan a
  /// check-in would use (or the one the refusal is about); both `null` when the store didn't send
  /// plans (the server).
  static func hit(_ hit: MemberSummary, today: CalendarDay) -> JSONValue {
    let standing = MemberStanding(hit, today: today)
    let words = StandingText.words(standing, today: today)
    var plan: Subscription?
    switch standing {
    case .usable(let usable): plan = usable
    case .refused(_, let refused): plan = refused
    case .unknown: plan = nil
    }
    return .object([
      ("customer_id", .integer(hit.id)),
      ("customer_name", .string(hit.fullName)),
      ("phone", .string(hit.phone)),
      ("qr_code", .string(hit.qrCode ?? "customer_id:\(hit.id)")),
      ("branch_id", .integer(hit.branchID)),
      ("branch_name", .string(hit.branchName)),
      ("is_active", .bool(hit.isActive)),
      ("status", .string(words.status.isEmpty ? nil : words.status)),
      ("may_check_in", hit.plans == nil && hit.isActive ? .null : .bool(words.isGood)),
      ("plan", plan.map(self.plan) ?? .null),
    ])
  }

  static func voided(_ voided: VoidReceipt) -> JSONValue {
    .object([
      ("attendance_id", .integer(voided.attendanceID)),
      ("customer_id", .integer(voided.memberID)),
      ("customer_name", .string(voided.memberName)),
      ("restored", .integer(voided.restored)),
      ("remaining", .integer(voided.remaining)),
      ("voided_at", .string(Timestamp.iso(voided.voidedAt))),
    ])
  }
}

/// Instants as text: ISO 8601 in UTC with milliseconds and a `Z`.
enum Timestamp {
  static func iso(_ date: Date) -> String {
    // Everything from the rounded milliseconds, so 23:59:59.9996 doesn't print as 23:59:59.000.
    let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
    let whole = Date(timeIntervalSince1970: Double(milliseconds.floorDivided(by: 1000)))
    let day = CalendarDay(whole, in: .gmt)
    let clock = ClockText.hoursMinutesSeconds(whole, in: .gmt)
    let fraction = ((milliseconds % 1000) + 1000) % 1000
    let padded = String(repeating: "0", count: 3 - String(fraction).count) + String(fraction)
    return "\(day)T\(clock).\(padded)Z"
  }
}

extension Int64 {
  /// Division rounding towards minus infinity, for instants before 1970.
  fileprivate func floorDivided(by divisor: Int64) -> Int64 {
    let quotient = self / divisor
    return (self % divisor < 0) ? quotient - 1 : quotient
  }
}
