import CheckInCore
import CheckInSQLite
import Foundation

/// `checkin today`: the day's check-ins at this branch, newest first.
enum TodayCommand {
  static func run(_ context: CommandContext) async throws(UsageError) -> ExitCode {
    try context.invocation.noArguments()
    let day: CalendarDay
    if let text = context.invocation.value("date") {
      guard let parsed = CalendarDay(iso: text) else {
        throw UsageError(message: "--date must be YYYY-MM-DD, not “\(text)”", command: "today")
      }
      day = parsed
    } else {
      day = CalendarDay(context.clock(), in: context.timeZone)
    }
    do throws(BackendError) {
      let station = try context.openStation()
      let query = AttendanceQuery(
        branchID: station.settings.branchID, day: day, from: day.start(in: context.timeZone),
        until: day.adding(days: 1).start(in: context.timeZone), limit: 100_000)
      let entries = try await station.backend.attendance(query)
      if context.json {
        context.console.line(JSONValue.array(entries.map(Reports.entry)).rendered)
        return .success
      }
      let counted = entries.filter { !$0.isVoided }.count
      let voided = entries.count - counted
      var title =
        "\(day): \(counted) check-in\(counted == 1 ? "" : "s") at branch "
        + "\(station.settings.branchID)"
      if voided > 0 { title += " (\(voided) voided)" }
      context.console.line(title)
      for entry in entries {
        context.console.line(TextReports.entry(entry, timeZone: context.timeZone))
      }
      return .success
    } catch {
      return context.fail(error.message)
    }
  }
}
