import CheckInCore
import CheckInRemote
import Foundation

/// `checkin outbox`: the check-ins taken while the server was unreachable, and what became of
/// them.
enum OutboxCommand {
  static func run(_ context: CommandContext) async throws(UsageError) -> ExitCode {
    try context.invocation.noArguments()
    guard let api = context.settings.api else {
      throw UsageError(
        message:
          "the outbox belongs to remote mode: give --api URL (or api = in the configuration)",
        command: "outbox")
    }
    let invocation = context.invocation
    let remote: RemoteBackend
    let cache: RemoteCache
    do throws(BackendError) {
      let address = try context.serverAddress(api)
      remote = try context.makeRemote(address)
      cache = try RemoteCache(
        path: Paths(environment: context.environment).remoteCache(server: address),
        server: address.key)
    } catch {
      return context.fail(error.message)
    }
    let discard = try invocation.value("discard").map { text throws(UsageError) in
      try Parse.positiveID(text, what: "--discard")
    }
    let retry = try invocation.value("retry").map { text throws(UsageError) in
      try Parse.positiveID(text, what: "--retry")
    }
    do throws(BackendError) {
      let now = context.clock()
      if let id = discard {
        guard let entry = try cache.entries().first(where: { $0.id == id }) else {
          return context.fail("No outbox entry \(id)")
        }
        guard try cache.settle(id, as: .discarded, note: "discarded by staff", at: now) else {
          return context.fail(
            "Outbox entry \(id) is being sent right now (\(entry.memberName)) — "
              + "wait a moment and look again")
        }
        context.console.line("Outbox entry \(id) discarded")
        return .success
      }
      if let id = retry {
        if let entry = try cache.entries().first(where: { $0.id == id }), entry.origin != nil {
          return context.fail(
            "Outbox entry \(id) can't be sent: \(RemoteCache.legacyNote)")
        }
        guard try cache.requeue(id, at: now) else {
          return context.fail("Outbox entry \(id) isn't waiting for review or refused")
        }
      }
      if invocation.has("sync") || retry != nil {
        let report = await remote.sendQueued()
        context.console.line(
          "Sent \(report.sent); \(report.toReview) to review; \(report.refused) refused by the server"
        )
        if let problem = report.serverProblem {
          context.console.warn("the server answered with a problem, the rest wait: \(problem)")
        }
        if report.needsLogin {
          context.console.warn("the server refused the station's login — run `checkin login`")
        }
      }
      let states: Set<OutboxState> =
        invocation.has("all") ? Set(OutboxState.allCases) : [.queued, .sending, .review, .refused]
      let entries = try cache.entries(in: states)
      if context.json {
        context.console.line(JSONValue.array(entries.map(json)).rendered)
      } else if entries.isEmpty {
        context.console.line("The outbox is empty")
      } else {
        for entry in entries { context.console.line(text(entry, timeZone: context.timeZone)) }
      }
      return .success
    } catch {
      return context.fail(error.message)
    }
  }

  private static func text(_ entry: OutboxEntry, timeZone: TimeZone) -> String {
    var line =
      "\(entry.id)  \(entry.state.rawValue.uppercased())  "
      + "\(ClockText.dayAndTime(entry.createdAt, in: timeZone))  \(entry.memberName) "
      + "(member \(entry.memberID))  \(entry.action.title(for: entry.kind))"
    if let server = entry.serverAttendanceID { line += "  server check-in \(server)" }
    if let note = entry.note { line += "  — \(note)" }
    return line
  }

  private static func json(_ entry: OutboxEntry) -> JSONValue {
    .object([
      ("id", .integer(entry.id)), ("state", .string(entry.state.rawValue)),
      ("created_at", .string(Timestamp.iso(entry.createdAt))),
      ("customer_id", .integer(entry.memberID)), ("customer_name", .string(entry.memberName)),
      ("action", .string(entry.action.rawValue)),
      ("subscription_id", .integer(entry.subscriptionID)),
      ("attempts", .integer(entry.attempts)), ("note", .string(entry.note)),
      ("server_attendance_id", .integer(entry.serverAttendanceID)),
      ("origin", .string(entry.origin)),
    ])
  }
}
