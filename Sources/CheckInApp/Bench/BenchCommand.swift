import CheckInCore
import CheckInSQLite
import CheckInUI
import Foundation

/// `checkin bench`: what a scan, a lookup, a keystroke of search, a frame and a start-up cost on
/// a chain-sized database, with the machine it ran on.
enum BenchCommand {
  struct Options {
    var members = 100_000
    var visits = 20
    var processes = 4
    var repetitions = 2000
    var seed: UInt64 = 2026
  }

  static func run(_ context: CommandContext) async throws(UsageError) -> ExitCode {
    try context.invocation.noArguments()
    let options = try parse(context.invocation)
    // Only an --api given here: a station configured for a gym's server still benchmarks its
    // generated database by default.
    if let api = context.invocation.value("api") {
      let rounds = context.invocation.value("repetitions") == nil ? 50 : options.repetitions
      return await RemoteBench.run(context, api: api, rounds: rounds)
    }
    let gym = BenchGym(
      members: options.members, visitsPerMember: options.visits, seed: options.seed)
    if let worker = context.invocation.value("worker") {
      return await runWorker(worker, gym: gym, options: options, context: context)
    }
    let given = context.invocation.value("db")
    let path =
      given
      ?? FileManager.default.temporaryDirectory.appendingPathComponent(
        "checkin-bench-\(options.members)-\(UUID().uuidString).sqlite3"
      ).path
    defer {
      if given == nil && !context.invocation.has("keep") {
        for suffix in ["", "-wal", "-shm"] {
          try? FileManager.default.removeItem(atPath: path + suffix)
        }
      }
    }
    let progress = Progress(console: context.console, enabled: true)
    do throws(BackendError) {
      let generation = try prepare(gym, at: path, context: context, progress: progress)
      progress.clear()
      let report = try await measure(
        gym, path: path, options: options, now: Date(), timeZone: context.timeZone,
        progress: progress)
      progress.clear()
      var full = report
      full.generation = generation
      context.console.line(context.json ? full.json.rendered : full.table)
      return .success
    } catch {
      progress.clear()
      return context.fail(error.message)
    }
  }

  private static func parse(_ invocation: Invocation) throws(UsageError) -> Options {
    var options = Options()
    func number(_ name: String) throws(UsageError) -> Int? {
      try invocation.value(name).map { text throws(UsageError) in
        Int(try Parse.positiveID(text, what: "--\(name)"))
      }
    }
    if let value = try number("members") { options.members = value }
    if let value = try number("visits") { options.visits = value }
    if let value = try number("processes") { options.processes = value }
    if let value = try number("repetitions") { options.repetitions = value }
    if let value = try number("seed") { options.seed = UInt64(value) }
    return options
  }

  /// Generates the gym, or reuses a file generated earlier with the same size and seed.
  private static func prepare(
    _ gym: BenchGym, at path: String, context: CommandContext, progress: Progress
  ) throws(BackendError) -> BenchReport.Generation? {
    let signature = "members=\(gym.members) visits=\(gym.visitsPerMember) seed=\(gym.seed)"
    if FileManager.default.fileExists(atPath: path) {
      let store = try LocalStore(path: path)
      guard try store.meta("bench") == signature else {
        throw .storage(
          "\(path) exists and isn't a benchmark database of this size — give another --db path")
      }
      return nil
    }
    let report = try gym.generate(
      at: path, today: CalendarDay(Date(), in: context.timeZone), timeZone: context.timeZone,
      progress: { progress.show("Generating: \($0)") })
    try LocalStore(path: path).setMeta("bench", signature)
    return BenchReport.Generation(
      seconds: report.seconds, megabytes: report.megabytes, attendance: report.attendance)
  }

  /// Every figure of the run, today being the day `now` falls on in `timeZone`.
  private static func measure(
    _ gym: BenchGym, path: String, options: Options, now: Date, timeZone: TimeZone,
    progress: Progress
  ) async throws(BackendError) -> BenchReport {
    var report = BenchReport(members: gym.members, attendance: gym.members * gym.visitsPerMember)
    let today = CalendarDay(now, in: timeZone)
    let measurements = BenchMeasurements(
      gym: gym, path: path, repetitions: options.repetitions, timeZone: timeZone)
    // The busy day first, and its figures before any scan adds to it.
    progress.show("Writing a busy day of \(BenchGym.busyDay.formatted()) visits…")
    let busyDay = try gym.writeBusyDay(
      into: try LocalStore(path: path), day: today, timeZone: timeZone)
    report.busyDay = busyDay
    progress.show("Measuring today's figures…")
    let figures = try await measurements.today(at: now, visits: busyDay.counted)
    report.todayCount = figures.count
    report.todayFigures = figures.reload
    progress.show("Measuring the busy day's frames…")
    report.panelMedium = try measurements.renders(
      at: Size(width: 120, height: 40), today: figures.overview, now: now)
    report.panelLarge = try measurements.renders(
      at: Size(width: 200, height: 60), today: figures.overview, now: now)
    let disk = try DiskFloorProbe(besideDatabase: path)
    progress.show("Measuring scans and the disk…")
    let steady = try await BenchMeasurements.scans(
      gym: gym, path: path, count: options.repetitions, seed: gym.seed ^ 0x5CA, disk: disk)
    report.scan = steady.scans
    report.disk = steady.disk
    report.importedMembers = min(gym.members, BenchGym.chunk)
    progress.show("Importing \(report.importedMembers.formatted()) members again…")
    try gym.importAgain(
      members: report.importedMembers, into: try LocalStore(path: path), today: today)
    progress.show("Measuring scans right after the import…")
    let afterImport = try await BenchMeasurements.scans(
      gym: gym, path: path, count: options.repetitions, seed: gym.seed ^ 0x1A4, disk: disk)
    report.scanAfterImport = afterImport.scans
    report.disk.merge(afterImport.disk)
    progress.show("Measuring lookups…")
    report.lookup = try await measurements.lookups()
    progress.show("Measuring search…")
    report.search = try await measurements.searches()
    progress.show("Measuring frames…")
    report.renderSmall = try measurements.renders(at: Size(width: 80, height: 24))
    report.renderLarge = try measurements.renders(at: Size(width: 200, height: 60))
    progress.show("Measuring start-up…")
    (report.startup, report.peakRSS) = try await BenchProcesses.startup(
      gym: gym, path: path, runs: 10)
    progress.show("Measuring \(options.processes) stations at once…")
    report.concurrency = try await BenchProcesses.concurrency(
      gym: gym, path: path, processes: options.processes,
      scansEach: max(100, options.repetitions / options.processes))
    return report
  }

  private static func runWorker(
    _ kind: String, gym: BenchGym, options: Options, context: CommandContext
  ) async -> ExitCode {
    guard let path = context.invocation.value("db") else {
      return context.fail("a worker needs --db", status: .usage)
    }
    do throws(BackendError) {
      switch kind {
      case "startup":
        try await BenchWorker.startup(path: path, gym: gym, console: context.console)
      case "scans":
        // Each station scans its own sequence of members.
        let index = UInt64(context.invocation.value("worker-index").flatMap { UInt64($0) } ?? 0)
        try await BenchWorker.scans(
          path: path, gym: gym, count: options.repetitions, seed: gym.seed ^ (index << 32),
          console: context.console)
      default:
        return context.fail("unknown worker \(kind)", status: .usage)
      }
      return .success
    } catch {
      return context.fail(error.message)
    }
  }
}
