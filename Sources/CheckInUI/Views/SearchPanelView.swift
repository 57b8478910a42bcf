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
    // Each hit takes two rows: who, then where they stand.
    let shown = max(0, (rect.maxY - y - 1) / 2)
    // Keep the highlighted hit in view.
    let first = max(0, min(panel.selection - shown + 1, page.hits.count - shown))
    for (index, hit) in page.hits.enumerated().dropFirst(first).prefix(shown) {
      drawHit(
        &frame, hit, at: Rect(x: rect.x, y: y, width: rect.width, height: 2),
        selected: index == panel.selection, info: info)
      y += 2
    }
    if page.hasMore && y < rect.maxY {
      frame.put(
        "… more match: type more of the name or number", x: rect.x, y: y, role: .muted,
        limit: rect.width)
    }
  }

  /// "▸ Sara Haddad  #1  +20 100 123 4501  GYM-1", and under it "active · 12 Sessions: 8
  /// sessions left · to 2026-12-20 · Main".
  private static func drawHit(
    _ frame: inout ScreenBuffer, _ hit: MemberSummary, at row: Rect, selected: Bool,
    info: ViewInfo
  ) {
    if selected {
      frame.fill(Rect(x: row.x, y: row.y, width: row.width, height: 1), role: .selection)
    }
    var text = (selected ? "▸ " : "  ") + hit.fullName + "  #\(hit.id)"
    if let phone = hit.phone { text += "  \(phone)" }
    text += "  \(hit.qrCode ?? "customer_id:\(hit.id)")"
    frame.put(text, x: row.x, y: row.y, role: selected ? .selection : .normal, limit: row.width)

    let words = StandingText.words(MemberStanding(hit, today: info.today), today: info.today)
    var x = row.x + 4
    func put(_ text: String, _ role: Role) {
      x += frame.put(text, x: x, y: row.y + 1, role: role, limit: row.maxX - x)
    }
    if !words.status.isEmpty { put(words.status, words.isGood ? .good : .danger) }
    var rest: [String] = []
    if !words.detail.isEmpty { rest.append(words.detail) }
    rest.append(hit.branchName ?? "branch \(hit.branchID)")
    put((words.status.isEmpty ? "" : " · ") + rest.joined(separator: " · "), .muted)
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
