import CheckInCore
import CheckInSQLite
import Foundation

/// `checkin demo`: the demo gym, to try the station without real data.
enum DemoCommand {
  static func run(_ context: CommandContext) throws(UsageError) -> ExitCode {
    try context.invocation.noArguments()
    // Without --db the demo goes to its own file, never over the station's real database.
    let path =
      context.invocation.value("db") ?? Paths(environment: context.environment).demoDatabase
    let exists = FileManager.default.fileExists(atPath: path)
    if exists && !context.invocation.has("force") {
      let isDemo =
        (try? LocalStore(path: path, clock: context.clock, timeZone: context.timeZone).meta("demo"))
        == "1"
      guard isDemo else {
        return context.fail(
          "\(path) already holds a database that isn't the demo — choose another --db path")
      }
      context.console.line("The demo database is already at \(path) (--force recreates it).")
      listCodes(context)
      return .success
    }
    do throws(BackendError) {
      if exists { try remove(path, context: context) }
      let count = try create(at: path, context: context)
      context.console.line("Created the demo database at \(path) with \(count) members.")
      listCodes(context)
      return .success
    } catch {
      return context.fail(error.message)
    }
  }

  /// Writes the demo gym into a new file at `path`; returns the number of members.
  static func create(at path: String, context: CommandContext) throws(BackendError) -> Int {
    do {
      try Paths.makeParentDirectory(of: path)
    } catch {
      throw .storage("Can't create the folder for \(path): \(error)")
    }
    let store = try LocalStore(
      path: path, options: LocalStore.Options(create: true), clock: context.clock,
      timeZone: context.timeZone)
    let today = CalendarDay(context.clock(), in: context.timeZone)
    let batch = DemoData.batch(today: today)
    switch try store.importBatch(batch) {
    case .success: break
    case .failure(let rejection):
      throw .storage("The demo data was refused: \(rejection.conflicts.first?.message ?? "")")
    }
    try store.setMeta("demo", "1")
    return batch.members.count
  }

  /// Only a demo database may be replaced: `--force` must never wipe a gym's real data.
  private static func remove(_ path: String, context: CommandContext) throws(BackendError) {
    let store = try LocalStore(path: path, clock: context.clock, timeZone: context.timeZone)
    guard try store.meta("demo") == "1" else {
      throw .storage("\(path) holds real data, not the demo — choose another --db path")
    }
    for suffix in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: path + suffix)
    }
  }

  private static func listCodes(_ context: CommandContext) {
    let stories = DemoData.stories(today: CalendarDay(context.clock(), in: context.timeZone))
    context.console.line("Codes to try (`checkin --demo scan CODE`):")
    let width = stories.map(\.code.count).max() ?? 0
    for story in stories {
      let code = story.code.padding(toLength: width, withPad: " ", startingAt: 0)
      context.console.line("  \(code)  \(story.member.fullName) — \(story.shows)")
    }
    context.console.line(
      "  GYM-115\(String(repeating: " ", count: max(0, width - 7)))  "
        + "Adel Saad's old, retired code — refused")
  }
}
