import CheckInCore
import Foundation

/// Search by name, phone or code: the query, and the hits as they arrive, one highlighted.
enum SearchPanelView {
  static func draw(_ frame: inout ScreenBuffer, in rect: Rect, panel: SearchPanel, info: ViewInfo) {
    guard rect.height >= 4 else { return }
    if panel.scope == .todaysVisits {
      VisitsPanelView.draw(&frame, in: rect, panel: panel, info: info)
      return
    }
    drawField(&frame, in: rect, label: "Search ▸ ", query: panel.query, width: 50)
    var y = rect.y + 1
    if panel.pending != nil {
      frame.put("searching \(info.spinner)", x: rect.x, y: y, role: .muted, limit: rect.width)
    } else if let error = panel.error {
      frame.put("! " + error, x: rect.x, y: y, role: .danger, limit: rect.width)
    } else if let page = panel.page, page.hits.isEmpty {
      frame.put(
        "No member matches “\(page.query)”", x: rect.x, y: y, role: .warning, limit: rect.width)
    } else if panel.page == nil {
      frame.put(
        "Type a name, phone number or code", x: rect.x, y: y, role: .muted, limit: rect.width)
    }
    y += 1
    guard let page = panel.page else { return }
    let rows = rect.maxY - y - 1
    // Keep the highlighted hit in view.
    let first = max(0, min(panel.selection - rows + 1, page.hits.count - rows))
    for (index, hit) in page.hits.enumerated().dropFirst(first).prefix(max(0, rows)) {
      let selected = index == panel.selection
      let row = Rect(x: rect.x, y: y, width: rect.width, height: 1)
      if selected { frame.fill(row, role: .selection) }
      var text = (selected ? "▸ " : "  ") + hit.fullName
      text += "  #\(hit.id)"
      if let phone = hit.phone { text += "  \(phone)" }
      text += "  \(hit.qrCode ?? "customer_id:\(hit.id)")"
      if !hit.isActive { text += "  INACTIVE" }
      frame.put(text, x: rect.x, y: y, role: selected ? .selection : .normal, limit: rect.width)
      y += 1
    }
    if page.hasMore && y < rect.maxY {
      frame.put(
        "… more match: type more of the name or number", x: rect.x, y: y, role: .muted,
        limit: rect.width)
    }
  }

  /// The panel's query field on its first line: a label, then what was typed and the cursor.
  static func drawField(
    _ frame: inout ScreenBuffer, in rect: Rect, label: String, query: String, width: Int
  ) {
    let used = frame.put(label, x: rect.x, y: rect.y, role: .label)
    let fieldWidth = min(width, rect.width - used)
    frame.fill(Rect(x: rect.x + used, y: rect.y, width: fieldWidth, height: 1), role: .scanField)
    frame.put(
      query + "█", x: rect.x + used + 1, y: rect.y, role: .scanField, limit: fieldWidth - 2)
  }
}
