import CheckInCore
import Foundation

/// The day's check-ins at this branch: how many and an hourly histogram, both as the store
/// counted them, and the newest visits.
enum TodayPanelView {
  static func draw(_ frame: inout ScreenBuffer, in rect: Rect, today: TodayList, info: ViewInfo) {
    guard rect.height >= 3, rect.width >= 10 else { return }
    let tally = today.tally ?? DayTally(day: info.today)
    frame.put(
      "Today · \(tally.visits) check-in\(tally.visits == 1 ? "" : "s")", x: rect.x, y: rect.y,
      role: .title, limit: rect.width)
    var y = rect.y + 1
    if let error = today.error {
      frame.put("! " + error, x: rect.x, y: y, role: .warning, limit: rect.width)
      y += 1
    }
    y += drawHistogram(&frame, x: rect.x, y: y, width: rect.width, perHour: tally.perHour)
    let room = rect.maxY - y
    // The day's visits not on screen are counted, not held: most of a busy day is only in the
    // store. A line is kept for saying how many.
    func unseen(_ shown: Int) -> Int {
      tally.visits - today.entries.prefix(shown).filter { !$0.isVoided }.count
    }
    var shown = min(today.entries.count, max(0, room))
    if unseen(shown) > 0 || shown < today.entries.count { shown = min(shown, max(0, room - 1)) }
    let unseen = unseen(shown)
    defer {
      if unseen > 0 {
        // Where the list ends is where staff look for the rest: the key that pages through it.
        let key =
          info.keyMap.shortestKey(for: .station(.openVisits)).map { " · \($0) lists all" } ?? ""
        let long = "… \(unseen) more" + key
        let text = frame.measure.columns(of: long) <= rect.width ? long : "… \(unseen) more"
        frame.put(text, x: rect.x, y: rect.maxY - 1, role: .muted, limit: rect.width)
      }
    }
    for entry in today.entries.prefix(shown) {
      let time = ClockText.hoursMinutes(entry.checkedInAt, in: info.timeZone)
      let used = frame.put(time + " ", x: rect.x, y: y, role: .muted, limit: rect.width)
      let mark = TodayMarks.short(entry)
      let markWidth = frame.measure.columns(of: mark)
      let name = frame.measure.truncate(entry.memberName, to: rect.width - used - markWidth)
      frame.put(
        name, x: rect.x + used, y: y, role: entry.isVoided ? .muted : .normal,
        limit: rect.width - used - markWidth)
      frame.put(
        mark, x: rect.maxX - markWidth, y: y, role: entry.isVoided ? .muted : .value,
        limit: markWidth)
      y += 1
    }
  }

  /// Check-ins per hour from 06:00 to 23:00 — from midnight when the night had visits (a gym
  /// open around the clock) and there is room — one column each, scaled to the busiest hour.
  /// Returns the rows used.
  private static func drawHistogram(
    _ frame: inout ScreenBuffer, x: Int, y: Int, width: Int, perHour: [Int]
  ) -> Int {
    let night = perHour.prefix(6).contains { $0 > 0 } && width >= 24 + 6
    let hours = Array((night ? 0 : 6)...23)
    guard width >= hours.count + 6 else { return 0 }
    let counts = hours.map { perHour[$0] }
    let peak = counts.max() ?? 0
    let levels = Array(" ▁▂▃▄▅▆▇█")
    var bars = ""
    for count in counts {
      let level = peak == 0 ? 0 : max(count > 0 ? 1 : 0, count * (levels.count - 1) / peak)
      bars.append(levels[level])
    }
    frame.put(bars, x: x, y: y, role: .histogram)
    frame.put(axis(for: hours), x: x, y: y + 1, role: .muted, limit: width)
    // The busiest hour's count, in as many words as fit (a busy gym's three digits included).
    if let label = [" peak \(peak)/h", " \(peak)/h"].first(where: {
      $0.count <= width - hours.count
    }),
      peak > 0
    {
      frame.put(label, x: x + hours.count, y: y, role: .muted)
    }
    return 3
  }

  /// Hour labels whose last digit stands under their column: the first hour, 6, 12, 18 and 23.
  static func axis(for hours: [Int]) -> String {
    guard let first = hours.first else { return "" }
    var line: [Character] = []
    for hour in [first, 6, 12, 18, 23] {
      let label = Array(String(hour))
      let start = hour - first - label.count + 1
      guard start >= (line.isEmpty ? 0 : line.count + 1) else { continue }
      line += Array(repeating: " ", count: start - line.count) + label
    }
    return String(line)
  }
}
