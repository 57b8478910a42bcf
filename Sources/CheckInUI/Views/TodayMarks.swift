import CheckInCore

/// How a visit in today's lists says what happened to it: voided, let in by staff, and what it
/// took off the plan in the plan's unit.
enum TodayMarks {
  /// For the narrow side panel: " voided", " override", " −1 coin".
  static func short(_ entry: AttendanceEntry) -> String {
    if entry.isVoided { return " voided" }
    if entry.overrideReason != nil { return " override" }
    return entry.deductedText.map { " " + $0 } ?? ""
  }

  /// For today's visits: "−1 session", "override: paid at the desk", "VOIDED (−1 session given
  /// back)".
  static func long(_ entry: AttendanceEntry) -> String {
    var marks: [String] = []
    if let deducted = entry.deductedText { marks.append(deducted) }
    if let reason = entry.overrideReason { marks.append("override: \(reason)") }
    if entry.isVoided {
      return "VOIDED" + (marks.isEmpty ? "" : " (was \(marks.joined(separator: ", ")))")
    }
    return marks.joined(separator: " · ")
  }
}
