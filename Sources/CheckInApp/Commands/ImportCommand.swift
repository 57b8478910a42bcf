import CheckInCore
import CheckInSQLite
import Foundation

/// `checkin import FILE.csv`: members and plans from a spreadsheet, all or nothing.
enum ImportCommand {
  /// At most this many problems are listed; the count of the rest follows.
  static let problemsShown = 50

  static func run(_ context: CommandContext) throws(UsageError) -> ExitCode {
    let path = try context.invocation.single("FILE.csv")
    let started = Date()
    let data: Data
    switch SheetFile.read(path, console: context.console) {
    case .success(let read): data = read
    case .failure(let problem): return context.fail(problem.message)
    }
    let progress = Progress(console: context.console, enabled: data.count > 1_000_000)
    progress.show("Reading \(path)…")
    let records: [CSVRecord]
    do {
      records = try CSVReader.records(Array(data))
    } catch {
      progress.clear()
      return context.fail("\(path) line \(error.line): \(error.message) — nothing was imported")
    }
    let today = CalendarDay(context.clock(), in: context.timeZone)
    let parsed: MemberSheet.Parsed
    switch MemberSheet.parse(records, today: today) {
    case .success(let value): parsed = value
    case .failure(let problems):
      progress.clear()
      return reject(problems.problems, path: path, context: context)
    }
    let batch = parsed.batch
    if context.invocation.has("dry-run") {
      context.console.line(
        "\(path) is fine: \(batch.members.count) members, \(batch.plans.count) plans "
          + "(nothing written: --dry-run)")
      return .success
    }
    do throws(BackendError) {
      let store = try context.openStore(create: true)
      let outcome = try store.importBatch(batch) { done, total in
        progress.show("Importing \(path)… \(done * 100 / max(total, 1))%")
      }
      progress.clear()
      switch outcome {
      case .success(let summary):
        let seconds = Date().timeIntervalSince(started)
        context.console.line(describe(summary, path: path, seconds: seconds, store: store))
        return .success
      case .failure(let rejection):
        let problems = rejection.conflicts.map { conflict in
          switch conflict.item {
          case .member(let index):
            SheetProblem(line: parsed.memberLines[index], message: conflict.message)
          case .plan(let index):
            SheetProblem(line: parsed.planLines[index], message: conflict.message)
          }
        }
        return reject(problems, path: path, context: context)
      }
    } catch {
      progress.clear()
      return context.fail(error.message)
    }
  }

  private static func reject(_ problems: [SheetProblem], path: String, context: CommandContext)
    -> ExitCode
  {
    for problem in problems.sorted(by: { $0.line < $1.line }).prefix(problemsShown) {
      // Messages quote the file's cells: through the sanitiser like every other line.
      context.console.err(
        TerminalText.safe("\(path) line \(problem.line): \(problem.message)") + "\n")
    }
    if problems.count > problemsShown {
      context.console.err("… and \(problems.count - problemsShown) more problems\n")
    }
    return context.fail(
      "\(problems.count) bad row\(problems.count == 1 ? "" : "s") — nothing was imported; "
        + "fix them and import the file again")
  }

  private static func describe(
    _ summary: ImportSummary, path: String, seconds: TimeInterval, store: LocalStore
  ) -> String {
    let time = String(format: "%.1f", seconds)
    return "Imported \(path) into \(store.database.path) in \(time) s: "
      + "\(summary.membersAdded) members added, \(summary.membersUpdated) updated; "
      + "\(summary.plansAdded) plans added, \(summary.plansUpdated) updated"
      + (summary.branchesAdded > 0 ? "; \(summary.branchesAdded) branches added" : "")
  }
}

/// A progress line on standard error, redrawn in place, for a person watching a long import.
struct Progress: Sendable {
  let console: Console
  let enabled: Bool

  init(console: Console, enabled: Bool) {
    self.console = console
    self.enabled = enabled && console.errorIsTerminal
  }

  func show(_ text: String) {
    if enabled { console.err("\r\u{1B}[K" + text) }
  }

  func clear() {
    if enabled { console.err("\r\u{1B}[K") }
  }
}
