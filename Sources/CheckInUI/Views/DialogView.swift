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
      let key = action == .checkInOnly ? "1" : "2"
      let offered = action == .checkInOnly || dialog.canDeduct
      let highlighted = offered && dialog.choice == action
      let text = " [\(key)] \(action.title) "
      let role: Role = highlighted ? .selection : offered ? .value : .muted
      x += frame.put(text, x: x, y: y, role: role, limit: box.maxX - 1 - x)
      if !offered {
        x += frame.put(" nothing to deduct", x: x, y: y, role: .muted, limit: box.maxX - 1 - x)
      }
      x += 4
    }
    let plans = dialog.plans.count > 1
    // The longest wording that fits whole: a hint cut mid-word helps nobody.
    let wordings = [
      "←/→ choose · Enter confirm · Esc cancel" + (plans ? " · Tab next plan" : ""),
      "←/→ choose · Enter confirm · Esc cancel" + (plans ? " · Tab plan" : ""),
      "←/→ · Enter confirm · Esc cancel" + (plans ? " · Tab plan" : ""),
    ]
    let room = box.width - 4
    let help = wordings.first { frame.measure.columns(of: $0) <= room } ?? wordings[2]
    frame.put(help, x: box.x + 3, y: y + 1, role: .muted, limit: room)
  }
}
