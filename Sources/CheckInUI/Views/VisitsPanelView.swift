import CheckInCore
import Foundation

/// Today's visits, a page at a time, newest first: the field narrows them to members whose name,
/// phone or code matches; the highlighted visit's member opens on Enter.
enum VisitsPanelView {
  static func draw(_ frame: inout ScreenBuffer, in rect: Rect, panel: SearchPanel, info: ViewInfo) {
    SearchPanelView.drawField(
      &frame, in: rect, label: "Today's visits ▸ ", query: panel.query, width: 40)
    var y = rect.y + 1
    let page = panel.visits
    if panel.pending != nil {
      frame.put("loading \(info.spinner)", x: rect.x, y: y, role: .muted, limit: rect.width)
    } else if let error = panel.error {
      frame.put("! " + error, x: rect.x, y: y, role: .danger, limit: rect.width)
    } else if let page, page.entries.isEmpty {
      let text =
        page.query.isEmpty ? "No visits yet today" : "No visit today matches “\(page.query)”"
      frame.put(text, x: rect.x, y: y, role: .warning, limit: rect.width)
    } else if let page {
      frame.put(position(of: page), x: rect.x, y: y, role: .muted, limit: rect.width)
    }
    y += 1
    guard let page else { return }
    let rows = rect.maxY - y
    let first = max(0, min(panel.selection - rows + 1, page.entries.count - rows))
    for (index, entry) in page.entries.enumerated().dropFirst(first).prefix(max(0, rows)) {
      let selected = index == panel.selection
      let row = Rect(x: rect.x, y: y, width: rect.width, height: 1)
      if selected { frame.fill(row, role: .selection) }
      let role: Role = selected ? .selection : entry.isVoided ? .muted : .normal
      let time = ClockText.hoursMinutes(entry.checkedInAt, in: info.timeZone)
      var text = (selected ? "▸ " : "  ") + time + "  " + entry.memberName + "  #\(entry.memberID)"
      if let station = entry.station { text += "  \(station)" }
      let marks = TodayMarks.long(entry)
      if !marks.isEmpty { text += "  " + marks }
      frame.put(text, x: rect.x, y: y, role: role, limit: rect.width)
      y += 1
    }
  }

  /// Which visits these are, and the keys to the others: "21–40, newest first · PgDn older".
  static func position(of page: VisitsPage) -> String {
    let count = page.entries.count
    if page.offset == 0 && !page.hasMore {
      return count == 1 ? "1 visit" : "\(count) visits, newest first"
    }
    var text = "\(page.offset + 1)–\(page.offset + count), newest first"
    if page.hasMore { text += " · PgDn older" }
    if page.offset > 0 { text += " · PgUp newer" }
    return text
  }
}
