import CheckInCore
import CheckInSQLite
import Foundation

/// `checkin search TEXT`: members by name, phone or code.
enum SearchCommand {
  static func run(_ context: CommandContext) async throws(UsageError) -> ExitCode {
    let text = context.invocation.arguments.joined(separator: " ")
    if text.trimmingCharacters(in: .whitespaces).isEmpty {
      throw UsageError(message: "`search` needs TEXT to look for", command: "search")
    }
    var limit = 20
    if let text = context.invocation.value("limit") {
      limit = Int(try Parse.positiveID(text, what: "--limit"))
    }
    do throws(BackendError) {
      let page = try await context.openStation().backend.search(text, min(limit, 1000))
      let today = CalendarDay(context.clock(), in: context.timeZone)
      if context.json {
        context.console.line(
          JSONValue.array(page.hits.map { Reports.hit($0, today: today) }).rendered)
      } else if page.hits.isEmpty {
        context.console.line("No member matches “\(text)”")
      } else {
        for hit in page.hits { context.console.line(TextReports.hit(hit, today: today)) }
        if page.hasMore {
          context.console.line("… more members match; type more of the name or number")
        }
      }
      return .success
    } catch {
      return context.fail(error.message)
    }
  }
}
