import CheckInCore
import CheckInSQLite
import CheckInTerminal
import CheckInUI
import Foundation

/// The full-screen station: one loop on one thread that waits for keys, signals and finished
/// effects, feeds them to the reducer, runs the effects it asks for, and draws the result. The
/// loop never blocks on the store: effects run as tasks and wake it through the inbox.
final class StationRuntime {
  struct Configuration {
    var settings: Settings
    var backend: Backend
    var storeName: String
    var branchName: String
    var theme: Theme
    var allowColor: Bool
    var timeZone: TimeZone
    var log: LogFile
    var hooks: HookRunner?
    /// Shown under the scan field at start (e.g. why the chosen theme wasn't used).
    var startupNotice: Notice?
    /// Log keystroke-to-screen and scan-to-result times (`CHECKIN_TIMING=1`).
    var measuresLatency = false
    /// The local database's: asked on every turn of the loop, so the log is copied back while
    /// the desk is idle rather than inside a member's check-in.
    var checkpointer: Checkpointer?
  }

  private let configuration: Configuration
  private let terminal = Terminal()
  private let clock = SystemClock()
  private let inbox: Inbox
  private let tasks: EffectTasks
  private var quitting = false
  private var hungUp = false

  init(_ configuration: Configuration) throws {
    self.configuration = configuration
    let inbox = try Inbox()
    self.inbox = inbox
    let hooks = configuration.hooks
    let environment = StationEnvironment(
      backend: configuration.backend,
      announce: { receipt in await hooks?.enqueue(receipt) },
      log: { inbox.post(.note($0)) })
    tasks = EffectTasks(environment: environment, inbox: inbox)
  }

  /// Runs until staff quit or the terminal goes away; the terminal is restored in every case.
  func run() throws(Terminal.StartError) {
    try terminal.start(theme: configuration.theme, allowColor: configuration.allowColor)
    defer { terminal.stop() }
    let settings = configuration.settings
    configuration.log.write(
      .info,
      "station \(settings.stationName) started on \(terminal.terminalType), "
        + "\(configuration.backend.description)")
    let backend = configuration.backend
    let log = configuration.log
    let labels = StationLoop.Labels(
      stationName: settings.stationName, branchName: configuration.branchName,
      storeName: configuration.storeName,
      connection: { ViewInfo.Connection(backend.status()) })
    let writeTiming: @Sendable (String) -> Void = { line in log.write(.info, line) }
    let latencyLog = configuration.measuresLatency ? writeTiming : nil
    let tasks = self.tasks
    let loop = StationLoop(
      driver: StationDriver(setup: setup, notice: configuration.startupNotice),
      terminal: terminal, clock: clock, labels: labels, latencyLog: latencyLog,
      perform: { effect, context in tasks.perform(effect, context: context) })
    loop.start()
    configuration.checkpointer?.reportProblems { line in log.write(.warning, line) }

    let writesDeadline = Duration.seconds(10)
    var quitAt: ContinuousClock.Instant?
    while true {
      if quitting || loop.quitRequested {
        // A check-in being written may already be committed: wait for its answer, a while.
        quitAt = quitAt ?? ContinuousClock.now
        if !tasks.writesInFlight || ContinuousClock.now - (quitAt ?? .now) > writesDeadline {
          break
        }
      }
      let wake = terminal.wait(timeout: quitAt == nil ? loop.timeout : 0.05, wakeFD: inbox.readFD)
      handle(wake, loop)
      for delivery in inbox.drain() { handle(delivery, loop) }
      loop.service(draws: !hungUp)
      configuration.checkpointer?.checkpointIfDue()
    }
    configuration.checkpointer?.waitForCheckpoint()
    configuration.log.write(.info, "station \(configuration.settings.stationName) stopped")
  }

  private func handle(_ wake: Terminal.Wake, _ loop: StationLoop) {
    for signal in wake.signals {
      switch signal {
      case SIGWINCH:
        loop.redrawAll()
      case SIGHUP:
        hungUp = true
        quitting = true
      default:  // SIGTERM, SIGINT
        quitting = true
      }
    }
    if wake.hangUp {
      hungUp = true
      quitting = true
    }
    // Read even without input after a SIGWINCH: ncurses learns the new size in its next read.
    if (wake.input || !wake.signals.isEmpty) && !hungUp { loop.readInput() }
  }

  private func handle(_ delivery: Inbox.Delivery, _ loop: StationLoop) {
    switch delivery {
    case .event(let event):
      tasks.finished(event)
      loop.deliver(event)
    case .note(let text):
      configuration.log.write(.warning, text)
    }
  }

  /// The context every event is reduced in, but for its time.
  private var setup: StationContext {
    let settings = configuration.settings
    let backend = configuration.backend
    return StationContext(
      now: Date(), timeZone: configuration.timeZone, policy: settings.policy,
      stationName: settings.stationName,
      timing: StationTiming(
        result: settings.resultSeconds,
        // A server is asked after a pause in typing; the local index answers every keystroke.
        searchDebounce: settings.api == nil ? 0 : 0.15, minimumResult: 1,
        rescanKeepsBanner: true, confirmGuard: 0.3),
      kiosk: settings.isKiosk
        ? KioskLock(unlockCode: settings.kioskUnlockCode, action: settings.kioskAction) : nil,
      allowsOverride: backend.supportsOverride, allowsUndo: backend.supportsVoid,
      overrideReasons: settings.overrideReasons)
  }
}
