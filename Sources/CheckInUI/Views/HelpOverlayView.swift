import CheckInCore
import Foundation

/// The keys that work on the current screen, drawn from the key map over everything else.
enum HelpOverlayView {
  static func draw(_ frame: inout ScreenBuffer, in rect: Rect, screen: Screen, info: ViewInfo) {
    // Staff keys a locked kiosk keeps back are listed too, marked, so staff know they exist.
    let bindings = info.keyMap.bindings.filter { binding in
      binding.screens.contains(screen)
        && (binding.action.map { info.abilities.available.contains($0) } ?? true)
    }
    let labelWidth = min(20, bindings.map { frame.measure.columns(of: $0.label) }.max() ?? 0)
    let width = min(rect.width - 4, 78)
    let textWidth = max(10, width - 6 - labelWidth)
    // Each binding's help, wrapped at words to the column it has.
    let entries = bindings.map { binding in
      var help = binding.help
      if let action = binding.action, info.abilities.needsUnlock(action) {
        help = "(locked) " + help
      }
      return (
        label: frame.measure.truncate(binding.label, to: labelWidth),
        lines: frame.measure.wrap(help, to: textWidth)
      )
    }
    let rows = entries.reduce(0) { $0 + $1.lines.count }
    let height = min(rect.height - 2, rows + 4)
    let box = rect.centered(width: width, height: height)
    frame.fill(box, role: .normal)
    frame.box(box, role: .border, title: "Keys", titleRole: .title)
    var y = box.y + 1
    for entry in entries where y + entry.lines.count <= box.maxY - 2 {
      frame.put(entry.label, x: box.x + 2, y: y, role: .key)
      for line in entry.lines {
        frame.put(line, x: box.x + 4 + labelWidth, y: y, role: .normal, limit: textWidth)
        y += 1
      }
    }
    frame.put(
      "F1 or Esc closes this help", x: box.x + 2, y: box.maxY - 2, role: .muted,
      limit: box.width - 4)
  }
}
