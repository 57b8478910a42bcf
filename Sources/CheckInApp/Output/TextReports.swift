import CheckInCore
import Foundation

/// The human-readable outputs of the command line. Each line is made one line whatever its data
/// holds (`oneLine`): a name or code with a line break in it, from a server or an older file,
/// can't pass for another result or member.
enum TextReports {
  private static func oneLine(_ text: String) -> String { TerminalText.safe(text) }

  static func receipt(_ receipt: Receipt, timeZone: TimeZone) -> String {
    if receipt.isQueued { return offlineReceipt(receipt, timeZone: timeZone) }
    var lines = [
      "CHECKED IN  \(receipt.memberName) (member \(receipt.memberID))",
      "  \(receipt.action.title(for: receipt.kind)): \(ResultText.balance(of: receipt))"
        + (receipt.subscriptionID.map { " — plan \($0)" } ?? ""),
      "  check-in \(receipt.attendanceID) at "
        + ClockText.dayAndTime(receipt.checkedInAt, in: timeZone),
    ]
    if let note = receipt.discrepancy { lines.append("  note: \(note)") }
    if let reason = receipt.overrideReason { lines.append("  staff override: \(reason)") }
    return lines.map(oneLine).joined(separator: "\n")
  }

  /// Accepted while the server can't be reached: in the outbox, nothing deducted yet.
  private static func offlineReceipt(_ receipt: Receipt, timeZone: TimeZone) -> String {
    [
      "ACCEPTED OFFLINE  \(receipt.memberName) (member \(receipt.memberID))",
      "  \(receipt.action.title(for: receipt.kind)): nothing deducted yet"
        + (receipt.subscriptionID.map { " — plan \($0)" } ?? ""),
      "  outbox entry \(receipt.attendanceID) at "
        + ClockText.dayAndTime(receipt.checkedInAt, in: timeZone)
        + " — sent when the server answers (checkin outbox)",
    ].map(oneLine).joined(separator: "\n")
  }

  static func refusal(_ refusal: Refusal, name: String?, timeZone: TimeZone) -> String {
    // A second scan is no refusal to the desk, but scripts keep its code.
    let headline = if case .duplicate = refusal { "ALREADY IN" } else { "REFUSED" }
    return oneLine(
      "\(headline)  \(refusal.code)  \(refusal.message(name: name, timeZone: timeZone))")
  }

  /// The refusal on its own line, then the member's card indented under it.
  static func refusal(_ refusal: Refusal, card: MemberCard?, now: Date, timeZone: TimeZone)
    -> String
  {
    let headline = self.refusal(refusal, name: card?.member.fullName, timeZone: timeZone)
    guard let card else { return headline }
    let facts = cardLines(card, now: now, timeZone: timeZone).map { "  " + $0 }
    return ([headline] + facts).joined(separator: "\n")
  }

  static func card(
    _ card: MemberCard, verdict: Result<Offer, Refusal>, now: Date, timeZone: TimeZone
  ) -> String {
    var lines = cardLines(card, now: now, timeZone: timeZone)
    switch verdict {
    case .success(let offer):
      let best = offer.plans[0]
      lines.append(
        "May check in — default: \(Offer.defaultAction(for: best).title(for: best.kind)) "
          + "on plan \(best.id)")
    case .failure(let refusal):
      lines.append(self.refusal(refusal, name: card.member.fullName, timeZone: timeZone))
    }
    return lines.joined(separator: "\n")
  }

  /// The card's facts, one per line, each made one line.
  private static func cardLines(_ card: MemberCard, now: Date, timeZone: TimeZone) -> [String] {
    let member = card.member
    let today = CalendarDay(now, in: timeZone)
    var rows: [(String, String)] = [
      ("Member", "\(member.fullName) (member \(member.id))"),
      ("Code", member.displayCode),
      ("Phone", member.phone ?? "—"),
      ("Branch", member.branchName.map { "\($0) (\(member.branchID))" } ?? "\(member.branchID)"),
      ("Status", member.isActive ? "active" : "INACTIVE"),
      (
        "Last visit",
        card.lastVisit.map { ClockText.dayAndTime($0, in: timeZone) } ?? "never"
      ),
    ]
    if let birthday = member.dateOfBirth { rows.append(("Born", birthday.description)) }
    if let cachedAt = card.cachedAt {
      rows.insert(
        (
          "OFFLINE",
          "the server can't be reached — this card is from "
            + "\(ClockText.dayAndTime(cachedAt, in: timeZone)) "
            + "(\(ClockText.age(from: cachedAt, to: now)) old)"
        ), at: 0)
    }
    var lines = rows.map {
      oneLine("\($0.0.padding(toLength: 11, withPad: " ", startingAt: 0)) \($0.1)")
    }
    if let notes = member.notes, !notes.isEmpty {
      // Notes keep their lines, each indented under the first so none passes for a field.
      let noteLines = notes.split(separator: "\n", omittingEmptySubsequences: false)
      for (index, line) in noteLines.enumerated() {
        lines.append(
          (index == 0 ? "Notes       " : String(repeating: " ", count: 12)) + oneLine(String(line)))
      }
    }
    lines.append("Plans")
    if card.subscriptions.isEmpty { lines.append("  none") }
    for plan in card.subscriptions {
      lines.append("  " + oneLine(planLine(plan, today: today)))
    }
    return lines
  }

  static func planLine(_ plan: Subscription, today: CalendarDay) -> String {
    var parts = ["\(plan.id)", plan.label, plan.status.rawValue]
    if plan.kind.isCounted {
      let remaining = plan.remaining.map(String.init) ?? "?"
      let total = plan.total.map { "/\($0)" } ?? ""
      parts.append("\(remaining)\(total) \(plan.kind.unit(plan.remaining ?? 0)) left")
    }
    if let end = plan.endDate {
      let days = plan.daysLeft(on: today) ?? 0
      parts.append(days > 0 ? "until \(end) (\(days) d)" : "ended \(end)")
    }
    if let reason = plan.freezeReason, plan.status == .frozen { parts.append("frozen: \(reason)") }
    return parts.joined(separator: "  ")
  }

  static func entry(_ entry: AttendanceEntry, timeZone: TimeZone) -> String {
    let time = ClockText.hoursMinutes(entry.checkedInAt, in: timeZone)
    var line = "\(time)  #\(entry.id)  \(entry.memberName) (member \(entry.memberID))"
    line += entry.deductedText.map { "  \($0)" } ?? "  check-in only"
    if entry.isVoided { line += "  VOIDED" }
    if let reason = entry.overrideReason { line += "  override: \(reason)" }
    return oneLine(line)
  }

  /// "201  Sara Nabil  0111 222 3333  customer_id:201  Downtown (1)  active · 10 sessions: 3
  /// sessions left · to 2026-12-31".
  static func hit(_ hit: MemberSummary, today: CalendarDay) -> String {
    var line = "\(hit.id)  \(hit.fullName)"
    if let phone = hit.phone { line += "  \(phone)" }
    line += "  \(hit.qrCode ?? "customer_id:\(hit.id)")  "
    line += hit.branchName.map { "\($0) (\(hit.branchID))" } ?? "branch \(hit.branchID)"
    let words = StandingText.words(MemberStanding(hit, today: today), today: today)
    let standing = [words.status, words.detail].filter { !$0.isEmpty }.joined(separator: " · ")
    if !standing.isEmpty { line += "  \(standing)" }
    return oneLine(line)
  }
}
