import CheckInCore
import Foundation

/// The scan field and the line under it, where the station says what just happened.
enum ScanFieldView {
  static func draw(_ frame: inout ScreenBuffer, in rect: Rect, state: StationState, info: ViewInfo)
  {
    let y = rect.y + 1
    let label = "Scan ▸ "
    let labelX = rect.x + 2
    frame.put(label, x: labelX, y: y, role: .label)
    let fieldX = labelX + frame.measure.columns(of: label)
    let fieldWidth = min(52, rect.maxX - fieldX - 2)
    frame.fill(Rect(x: fieldX, y: y, width: fieldWidth, height: 1), role: .scanField)
    var text = state.scanText
    let focused = state.phase == .ready
    // The next code typed over a banner or a write in flight shows where it goes.
    if focused || !text.isEmpty { text += "█" }
    // Show the end of a long entry: what was typed last is what matters.
    while frame.measure.columns(of: text) > fieldWidth - 2, !text.isEmpty {
      text.removeFirst()
    }
    frame.put(text, x: fieldX + 1, y: y, role: .scanField, limit: fieldWidth - 2)

    let noticeY = rect.y + 2
    if let notice = state.notice {
      let role: Role
      switch notice.tone {
      case .info: role = .normal
      case .success: role = .good
      case .warning: role = .warning
      case .error: role = .danger
      }
      let mark: String
      switch notice.tone {
      case .info: mark = "· "
      case .success: mark = "✓ "
      case .warning: mark = "! "
      case .error: mark = "✗ "
      }
      frame.put(
        frame.measure.truncate(mark + notice.text, to: rect.width - 4), x: labelX, y: noticeY,
        role: role)
    } else if focused {
      frame.put(
        "Scan a member's card, or type a code and press Enter", x: labelX, y: noticeY,
        role: .muted, limit: rect.width - 4)
    }
    for x in rect.x..<rect.maxX { frame.put("─", x: x, y: rect.maxY - 1, role: .border) }
  }
}
