import CheckInCore
import Foundation

/// The small boxes that ask one thing: undo, override, unlock code; and the busy line.
enum PromptView {
  static func busy(_ frame: inout ScreenBuffer, in rect: Rect, text: String, info: ViewInfo) {
    guard rect.height > 0 else { return }
    frame.putCentered(
      "\(text) \(info.spinner)", in: rect, y: rect.y + rect.height / 2, role: .value)
  }

  static func undo(_ frame: inout ScreenBuffer, in rect: Rect, prompt: UndoPrompt, info: ViewInfo) {
    let target = prompt.target
    let time = ClockText.hoursMinutes(target.checkedInAt, in: info.timeZone)
    var question = "Void \(target.memberName)'s check-in at \(time)"
    if target.deducted > 0 {
      let unit = target.kind.map { " " + $0.unit(target.deducted) } ?? ""
      question += " and give back \(target.deducted)\(unit)"
    }
    drawBox(
      &frame, in: rect, title: "Undo check-in",
      lines: [
        (question + "?", .value), ("Enter void it · Esc keep it", .muted),
      ])
  }

  static func override(
    _ frame: inout ScreenBuffer, in rect: Rect, prompt: OverridePrompt, info: ViewInfo
  ) {
    let why = prompt.refusal.message(name: prompt.card.member.fullName, timeZone: info.timeZone)
    var lines: [(String, Role)] = [("Refused: \(why)", .danger)]
    if prompt.presets.isEmpty {
      lines.append(("Check in anyway, without deducting. Reason ▸ \(prompt.reason)█", .value))
      lines.append(("Enter record it · Esc cancel", .muted))
    } else {
      // The rows around the pick list, then as many presets as the terminal has rows for.
      let fixed = rows(of: lines, in: rect, frame: frame) + 3 + 2
      let shown = PickWindow(
        count: prompt.presets.count, choice: prompt.choice, rows: rect.height - fixed)
      var why = "Check in anyway, without deducting. Why?"
      if shown.range.count < prompt.presets.count {
        why +=
          " (\(shown.range.lowerBound + 1)–\(shown.range.upperBound) of \(prompt.presets.count))"
      }
      lines.append((why, .value))
      for index in shown.range {
        let chosen = index == prompt.choice
        lines.append(((chosen ? "▸ " : "  ") + prompt.presets[index], chosen ? .selection : .value))
      }
      let typed = prompt.reason.isEmpty && !prompt.isTyping ? "type it" : prompt.reason
      let cursor = prompt.isTyping ? "█" : ""
      lines.append(
        (
          (prompt.isTyping ? "▸ " : "  ") + "Another reason ▸ \(typed)\(cursor)",
          prompt.isTyping ? .selection : .muted
        ))
      lines.append(("↑ ↓ pick · Enter record it · Esc cancel", .muted))
    }
    drawBox(&frame, in: rect, title: "Staff override", lines: lines)
  }

  static func unlock(_ frame: inout ScreenBuffer, in rect: Rect, prompt: UnlockPrompt) {
    let mask = String(repeating: "•", count: prompt.typed.count)
    drawBox(
      &frame, in: rect, title: "Unlock staff keys",
      lines: [
        ("Unlock code ▸ \(mask)█", .value), ("Enter unlock · Esc cancel", .muted),
      ])
  }

  static func login(
    _ frame: inout ScreenBuffer, in rect: Rect, prompt: LoginPrompt, info: ViewInfo
  ) {
    var lines: [(String, Role)] = [
      ("The server wants the station to log in again before it answers.", .value)
    ]
    if let error = prompt.error { lines.append(("! " + error, .danger)) }
    if prompt.pending != nil {
      lines.append(("Logging in \(info.spinner)", .muted))
    } else {
      let mask = String(repeating: "•", count: prompt.password.count)
      lines.append(("Password ▸ \(mask)█", .value))
    }
    switch prompt.retry {
    case .checkIn(_, let card)?:
      lines.append(("\(card.member.fullName)'s check-in is sent once logged in", .muted))
    case .lookUp(let payload)?:
      lines.append(("Then \(payload.displayText) is looked up again", .muted))
    case nil:
      break
    }
    lines.append(("Enter log in · Esc cancel (nothing is recorded)", .muted))
    drawBox(&frame, in: rect, title: "Log in again", lines: lines)
  }

  /// How many rows `given` takes in a box: a box grows to its longest line, so only a line
  /// longer than the terminal is wide wraps.
  private static func rows(of given: [(String, Role)], in rect: Rect, frame: ScreenBuffer) -> Int {
    wrapped(given, width: rect.width, frame: frame).count
  }

  private static func wrapped(_ given: [(String, Role)], width: Int, frame: ScreenBuffer)
    -> [(String, Role)]
  {
    given.flatMap { line in
      // A line that fits keeps its indentation (a pick list's unmarked rows).
      frame.measure.columns(of: line.0) <= width - 4
        ? [line] : frame.measure.wrap(line.0, to: width - 4).map { ($0, line.1) }
    }
  }

  private static func drawBox(
    _ frame: inout ScreenBuffer, in rect: Rect, title: String, lines given: [(String, Role)]
  ) {
    let widest = given.map { frame.measure.columns(of: $0.0) }.max() ?? 0
    let width = min(rect.width, max(40, widest + 4))
    let lines = wrapped(given, width: width, frame: frame)
    let box = rect.centered(width: width, height: lines.count + 2)
    frame.fill(box, role: .normal)
    frame.box(box, role: .border, title: title, titleRole: .title)
    for (offset, line) in lines.enumerated() {
      frame.put(line.0, x: box.x + 2, y: box.y + 1 + offset, role: line.1, limit: box.width - 4)
    }
  }
}
