import CheckInCore
import CheckInSQLite
import CheckInTerminal
import CheckInUI
import Foundation

/// `checkin` with no command: the full-screen station.
enum StationCommand {
  static func run(_ context: CommandContext) async throws(UsageError) -> ExitCode {
    try context.invocation.noArguments()
    guard context.console.isInteractive else {
      return context.fail(
        "The station needs a terminal; from scripts use the commands (see `checkin --help`)")
    }
    let settings = context.settings
    let log = LogFile(path: Paths(environment: context.environment).logFile)
    let station: StationBackend
    do throws(BackendError) {
      station = try context.openStation()
    } catch {
      log.write(.error, error.message)
      return context.fail(error.message)
    }

    var startupNotice: Notice?
    let catalog = ThemeCatalog(
      environment: context.environment, executablePath: CommandLine.arguments.first ?? "")
    let theme: Theme
    switch catalog.load(settings.theme) {
    case .success(let loaded): theme = loaded
    case .failure(let error):
      theme = .standard
      startupNotice = Notice(
        "Theme not used: \(error.message) — showing the default theme", tone: .warning)
      log.write(.warning, "theme: \(error.message)")
    }
    if settings.isKiosk && settings.kioskUnlockCode.isEmpty {
      log.write(.warning, "kiosk mode without kiosk_unlock_code: staff keys stay locked")
      // Said on screen too: otherwise the unlock key only ever answers "wrong code".
      // It outranks a theme's notice: a kiosk nobody can unlock matters more than its colours.
      startupNotice = Notice(
        "Kiosk without an unlock code (kiosk_unlock_code): staff keys stay locked", tone: .warning)
    }
    let hooks = settings.onCheckIn.map { command in
      HookRunner(
        command: command, timeout: settings.onCheckInTimeout,
        report: { log.write(.warning, $0) })
    }
    let noColor = context.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    let status: ExitCode
    do {
      let runtime = try StationRuntime(
        StationRuntime.Configuration(
          settings: station.settings, backend: station.backend, storeName: station.storeName,
          branchName: "\(station.branchName) (\(station.settings.branchID))", theme: theme,
          allowColor: !noColor, timeZone: context.timeZone, log: log, hooks: hooks,
          startupNotice: startupNotice,
          measuresLatency: context.environment["CHECKIN_TIMING"] == "1",
          checkpointer: station.local?.checkpointer))
      // A remote station keeps sending what was queued while the server was away.
      station.remote?.startSync()
      let syncing = station.remote?.keepSyncing()
      defer { syncing?.cancel() }
      try runtime.run()
      status = .success
    } catch let error as Terminal.StartError {
      status = context.fail(error.message)
    } catch {
      status = context.fail("The station stopped: \(error)")
    }
    // However the station ended, the check-ins it made get their hooks or are named.
    await hooks?.drainAtExit(console: context.console)
    return status
  }
}
