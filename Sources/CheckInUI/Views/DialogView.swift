import CheckInCore
import Foundation

/// The two choices: Check-In Only and Deduct Session, the highlighted one in the selection colour.
enum DialogView {
  static let height = 4

  static func draw(
    _ frame: inout ScreenBuffer, in rect: Rect, dialog: MemberDialog, info: ViewInfo
  ) {
    guard rect.height >= 3 else { return }
    let box = Rect(
      x: rect.x, y: rect.maxY - 4 + (rect.height >= 4 ? 0 : 1), width: rect.width, height: 4)
    frame.fill(box.inset(dx: 1, dy: 1), role: .normal)
    var title = dialog.plan.label
    if dialog.plans.count > 1 {
      title += " (plan \(dialog.planIndex + 1) of \(dialog.plans.count))"
    }
    frame.box(box, role: .border, title: title, titleRole: .title)

    let y = box.y + 1
    var x = box.x + 3
    for action in CheckInAction.allCases {
      let offered = action == .checkInOnly || dialog.canDeduct
      let highlighted = offered && dialog.choice == action
      // The marker shows the highlight on terminals that can't show the selection's colour.
      let text =
        highlighted
        ? "▸ \(action.title(for: dialog.plan.kind)) ◂"
        : "  \(action.title(for: dialog.plan.kind))  "
      let role: Role = highlighted ? .selection : offered ? .value : .muted
      x += frame.put(text, x: x, y: y, role: role, limit: box.maxX - 1 - x)
      if !offered {
        x += frame.put(" nothing to deduct", x: x, y: y, role: .muted, limit: box.maxX - 1 - x)
      }
      x += 4
    }
    let plans = dialog.plans.count > 1
    var wordings = [
      "←/→ choose · Enter records it · Esc cancel" + (plans ? " · ↓ next plan" : ""),
      "←/→ choose · Enter records · Esc cancel" + (plans ? " · ↓ plan" : ""),
      "←/→ · Enter records · Esc" + (plans ? " · ↓ plan" : ""),
    ]
    if !dialog.canDeduct {
      // Nothing to move the highlight to.
      wordings = wordings.map {
        $0.replacingOccurrences(of: "←/→ choose · ", with: "")
          .replacingOccurrences(of: "←/→ · ", with: "")
      }
    }
    if let decidesAt = dialog.decidesAt {
      // A kiosk that asks: say what happens if nobody chooses.
      let seconds = max(0, Int(decidesAt.timeIntervalSince(info.now).rounded(.up)))
      let choice = Offer.defaultAction(for: dialog.plan).title(for: dialog.plan.kind)
      wordings.insert("\(choice) in \(seconds) s · ←/→ choose · Enter records it", at: 0)
    }
    // The longest wording that fits whole: a hint cut mid-word helps nobody.
    let room = box.width - 4
    let help =
      wordings.first { frame.measure.columns(of: $0) <= room } ?? wordings[wordings.count - 1]
    frame.put(help, x: box.x + 3, y: y + 1, role: .muted, limit: room)
  }
}
