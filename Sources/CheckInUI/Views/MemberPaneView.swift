import CheckInCore
import Foundation

/// Who the member is and what they hold: name, code, phone, branch, status, every plan with what
/// is left, last visit, and the alerts the desk must not miss.
enum MemberPaneView {
  /// Rows the pane takes with nothing left out: name, facts, last visit, a spacer (or the offline
  /// line), "Plans", the plans, and the alerts after a blank.
  static func naturalHeight(_ card: MemberCard, today: CalendarDay) -> Int {
    let alerts = Alerts.of(card, today: today).count
    return 5 + max(card.subscriptions.count, 1) + (alerts == 0 ? 0 : 1 + alerts)
  }

  static func lastDigits(of phone: String, count: Int = 3) -> String {
    String(phone.filter { $0.isASCII && $0.isNumber }.suffix(count))
  }

  static func draw(
    _ frame: inout ScreenBuffer, in rect: Rect, card: MemberCard, selected: Int?,
    plans usable: [Subscription], info: ViewInfo
  ) {
    let member = card.member
    var y = rect.y
    guard rect.height > 0 else { return }
    // The name, large: bold, on a line of its own, with the member number and code beside it.
    let used = frame.put(member.fullName, x: rect.x, y: y, role: .title, limit: rect.width)
    frame.put(
      "   #\(member.id) · \(member.displayCode)", x: rect.x + used, y: y, role: .muted,
      limit: rect.width - used)
    y += 1
    var facts: [String] = []
    if let phone = member.phone {
      // Whoever queues behind a member at a locked kiosk sees the card too: only the last digits,
      // enough for the member to know the number is theirs.
      facts.append(info.showsPrivateLists ? phone : "phone …" + lastDigits(of: phone))
    }
    facts.append(
      member.branchName.map { "\($0) (branch \(member.branchID))" } ?? "branch \(member.branchID)")
    let factsWidth = frame.put(
      facts.joined(separator: " · ") + " · ", x: rect.x, y: y, role: .normal, limit: rect.width)
    frame.put(
      member.isActive ? "active" : "INACTIVE", x: rect.x + factsWidth, y: y,
      role: member.isActive ? .good : .danger, limit: rect.width - factsWidth)
    y += 1
    drawLastVisit(&frame, x: rect.x, y: y, width: rect.width, card: card, info: info)
    y += 1
    let alerts = Alerts.of(card, today: info.today)
    let selectedID = selected.flatMap { usable.indices.contains($0) ? usable[$0].id : nil }
    // Offline line or spacer, blank, "Plans", the plans, blank, the alerts.
    let roomy =
      rect.maxY - y >= 2 + max(card.subscriptions.count, 1)
      + (alerts.isEmpty ? 0 : 1 + alerts.count)
    if let cachedAt = card.cachedAt {
      frame.put(
        "○ Offline: this card is from \(ClockText.dayAndTime(cachedAt, in: info.timeZone)) — "
          + "the server can't be reached", x: rect.x, y: y, role: .warning, limit: rect.width)
      y += 1
    } else if roomy {
      y += 1
    }
    guard y < rect.maxY else { return }
    if !roomy {
      drawCompact(
        &frame, in: Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y), card: card,
        selectedID: selectedID, alerts: alerts, info: info)
      return
    }

    frame.put("Plans", x: rect.x, y: y, role: .label)
    y += 1
    if card.subscriptions.isEmpty {
      frame.put("  none", x: rect.x, y: y, role: .muted)
      y += 1
    }
    for plan in card.subscriptions where y < rect.maxY {
      PlanLineView.draw(
        &frame, x: rect.x, y: y, width: rect.width, plan: plan, isSelected: plan.id == selectedID,
        today: info.today)
      y += 1
    }
    y += 1
    for alert in alerts where y < rect.maxY {
      frame.put(alert.text, x: rect.x, y: y, role: alert.role, limit: rect.width)
      y += 1
    }
  }

  /// A small terminal: no headings or spacers, the plans scrolled so the chosen one shows, and
  /// the alerts (staff notes, birthday, last sessions) keeping lines of their own.
  private static func drawCompact(
    _ frame: inout ScreenBuffer, in rect: Rect, card: MemberCard, selectedID: Int64?,
    alerts: [Alerts.Alert], info: ViewInfo
  ) {
    var y = rect.y
    let plans = card.subscriptions
    let planRows = max(1, min(max(plans.count, 1), rect.height - alerts.count))
    if plans.isEmpty {
      frame.put("No plans", x: rect.x, y: y, role: .muted, limit: rect.width)
      y += 1
    } else {
      let chosen = plans.firstIndex { $0.id == selectedID } ?? 0
      let first = min(max(chosen - planRows + 1, 0), plans.count - planRows)
      for plan in plans[first..<(first + planRows)] {
        PlanLineView.draw(
          &frame, x: rect.x, y: y, width: rect.width, plan: plan,
          isSelected: plan.id == selectedID, today: info.today)
        y += 1
      }
    }
    for alert in alerts where y < rect.maxY {
      frame.put(alert.text, x: rect.x, y: y, role: alert.role, limit: rect.width)
      y += 1
    }
  }

  private static func drawLastVisit(
    _ frame: inout ScreenBuffer, x: Int, y: Int, width: Int, card: MemberCard, info: ViewInfo
  ) {
    guard let last = card.lastVisit else {
      frame.put("First visit", x: x, y: y, role: .muted, limit: width)
      return
    }
    let used = frame.put(
      "Last visit " + ClockText.dayAndTime(last, in: info.timeZone), x: x, y: y, role: .normal,
      limit: width)
    if card.checkedIn(on: info.today, in: info.timeZone) {
      frame.put(
        " · already checked in today", x: x + used, y: y, role: .warning, limit: width - used)
    }
  }
}

/// One plan on one line: name, status, a small bar of what is left, expiry and days left.
enum PlanLineView {
  static func draw(
    _ frame: inout ScreenBuffer, x: Int, y: Int, width: Int, plan: Subscription, isSelected: Bool,
    today: CalendarDay
  ) {
    var column = x
    func put(_ text: String, _ role: Role) {
      column += frame.put(text, x: column, y: y, role: role, limit: x + width - column)
    }
    put(isSelected ? "▸ " : "  ", .key)
    let name = frame.measure.truncate(plan.label, to: 16)
    put(name + String(repeating: " ", count: 17 - frame.measure.columns(of: name)), .value)
    if let problem = Eligibility.unusableReason(plan, today: today) {
      put(label(for: problem) + " ", .danger)
    }
    if plan.kind.isCounted {
      let remaining = plan.remaining ?? 0
      let total = max(plan.total ?? remaining, remaining, 1)
      let full = filled(remaining: remaining, total: total, width: 10)
      put(String(repeating: "█", count: full), .barFilled)
      put(String(repeating: "░", count: 10 - full), .barEmpty)
      let counts = plan.total.map { "\(remaining)/\($0)" } ?? "\(remaining)"
      put(" \(counts) \(plan.kind.unit(remaining))", remaining <= 3 ? .warning : .normal)
    } else {
      put("time plan", .normal)
    }
    if let end = plan.endDate {
      let days = plan.daysLeft(on: today) ?? 0
      let room = x + width - column
      // The longest form that fits whole: a date cut in half would mislead.
      let forms =
        days > 0
        ? [" · to \(end) (\(days) d)", " · to \(end)", " · \(days) d"]
        : [" · ended \(end)", " · ended"]
      if let text = forms.first(where: { frame.measure.columns(of: $0) <= room }) {
        put(text, days > 0 && days <= 7 ? .alertEnding : .muted)
      }
    }
  }

  static func filled(remaining: Int, total: Int, width: Int) -> Int {
    guard total > 0 else { return 0 }
    let cells = (Double(remaining) / Double(total) * Double(width)).rounded(.up)
    return min(width, max(remaining > 0 ? 1 : 0, Int(cells)))
  }

  private static func label(for refusal: Refusal) -> String {
    switch refusal {
    case .frozen: "FROZEN"
    case .expired: "EXPIRED"
    case .notStarted(let day): "starts \(day)"
    case .noSessions, .noCoins: "USED UP"
    case .noSubscription: "STOPPED"
    default: refusal.code
    }
  }
}

/// What the desk must notice about a member, each in its own colour.
enum Alerts {
  struct Alert: Equatable {
    let text: String
    let role: Role
  }

  static func of(_ card: MemberCard, today: CalendarDay) -> [Alert] {
    var alerts: [Alert] = []
    let member = card.member
    if let born = member.dateOfBirth, born.month == today.month, born.day == today.day {
      let age = today.year - born.year
      alerts.append(Alert(text: "★ Birthday today (\(age))", role: .alertBirthday))
    }
    if let notes = member.notes?.trimmingCharacters(in: .whitespacesAndNewlines), !notes.isEmpty {
      alerts.append(Alert(text: "✎ " + notes, role: .alertNotes))
    }
    for plan in card.subscriptions where Eligibility.unusableReason(plan, today: today) == nil {
      if let days = plan.daysLeft(on: today), days <= 7 {
        let when = days == 1 ? "today" : "in \(days) days"
        alerts.append(Alert(text: "⏳ \(plan.label) ends \(when)", role: .alertEnding))
      }
      if plan.kind.isCounted, let left = plan.remaining, left <= 3 {
        alerts.append(
          Alert(
            text: "⚠ \(plan.label): \(left) \(plan.kind.unit(left)) left",
            role: .alertLowBalance))
      }
    }
    return alerts
  }
}
