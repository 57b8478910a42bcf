import CheckInCore
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
  }

  private let configuration: Configuration
  private let terminal = Terminal()
  private let inbox: Inbox
  private let tasks: EffectTasks
  private let keyMap = KeyMap()
  private var state = StationState()
  private var assembler = ScanBurstAssembler()
  private var bells = BellPlayer()
  private var lastTick = 0
  /// Today's list is reloaded this often, so other stations' check-ins show up.
  private let todayRefresh = 60
  private var needsFullRedraw = true
  private var quitting = false
  private var hungUp = false
  private let started = ContinuousClock.now
  private var probe: LatencyProbe

  init(_ configuration: Configuration) throws {
    self.configuration = configuration
    probe = LatencyProbe(log: configuration.measuresLatency ? configuration.log : nil)
    let inbox = try Inbox()
    self.inbox = inbox
    let hooks = configuration.hooks
    let environment = StationEnvironment(
      backend: configuration.backend,
      announce: { receipt in await hooks?.enqueue(receipt) },
      signal: { inbox.post(.sound($0)) })
    tasks = EffectTasks(environment: environment, inbox: inbox)
    state.notice = configuration.startupNotice
  }

  /// Runs until staff quit or the terminal goes away; the terminal is restored in every case.
  func run() throws(Terminal.StartError) {
    try terminal.start(theme: configuration.theme, allowColor: configuration.allowColor)
    defer { terminal.stop() }
    configuration.log.write(
      .info,
      "station \(configuration.settings.stationName) started on \(terminal.terminalType), "
        + "\(configuration.backend.description)")
    tasks.perform(.loadToday, context: context())
    lastTick = Int(Date().timeIntervalSince1970)

    let writesDeadline = Duration.seconds(10)
    var quitAt: ContinuousClock.Instant?
    while true {
      if quitting {
        // A check-in being written may already be committed: wait for its answer, a while.
        quitAt = quitAt ?? ContinuousClock.now
        if !tasks.writesInFlight || ContinuousClock.now - (quitAt ?? .now) > writesDeadline {
          break
        }
      }
      let wake = terminal.wait(timeout: timeout(), wakeFD: inbox.readFD)
      handle(wake)
      for output in assembler.flushIfStale(at: seconds()) { handle(output) }
      for delivery in inbox.drain() { handle(delivery) }
      tickIfNeeded()
      for _ in 0..<bells.ringsDue(at: seconds()) { terminal.beep() }
      if !hungUp { draw() }
    }
    configuration.log.write(.info, "station \(configuration.settings.stationName) stopped")
  }

  // MARK: Input

  private func handle(_ wake: Terminal.Wake) {
    for signal in wake.signals {
      switch signal {
      case SIGWINCH:
        needsFullRedraw = true
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
    if (wake.input || !wake.signals.isEmpty) && !hungUp {
      let now = seconds()
      let keys = terminal.readKeys()
      if let first = keys.first {
        var printable = false
        if case .character = first { printable = true }
        probe.keysRead(at: now, printable: printable)
      }
      for key in keys {
        for output in assembler.feed(key, at: now) { handle(output) }
      }
    }
  }

  private func handle(_ output: ScanBurstAssembler.Output) {
    switch output {
    case .text(let text):
      send(.typed(text))
    case .scan(let text), .unterminatedScan(let text):
      switch Screen(state.phase) {
      case .overriding where output == .scan(text):
        // A reason is typed by a person; a burst ending in Enter is the next member's card, and
        // must neither finish the override nor be lost.
        probe.scanned(at: seconds())
        send(.scanned(text))
      case .unlocking, .overriding, .loggingIn:
        // Typed fast into a text prompt it is text, not a member's card; only an Enter that
        // came with it submits.
        send(.typed(text))
        if case .scan = output { send(.submit) }
      default:
        probe.scanned(at: seconds())
        send(.scanned(text))
      }
    case .key(.resize):
      needsFullRedraw = true
    case .key(let key):
      let screen = Screen(state.phase)
      let intent = keyMap.intent(
        for: key, on: screen, fieldEmpty: focusedText.isEmpty,
        staff: state.isStaffUnlocked(context()))
      switch intent {
      case .station(let event)?:
        send(event)
        if case .submitting = state.phase, screen == .member || screen == .overriding {
          probe.confirmed(at: seconds())
        }
      case .quit?: quitting = true
      case .redraw?: needsFullRedraw = true
      case nil: break
      }
    }
  }

  private func handle(_ delivery: Inbox.Delivery) {
    switch delivery {
    case .event(let event):
      tasks.finished(event)
      send(event)
    case .sound(let signal):
      bells.schedule(signal, at: seconds())
    case .note(let text):
      configuration.log.write(.warning, text)
    }
  }

  /// The text field that has the focus, which decides whether `q`, `/` or `?` are typed.
  private var focusedText: String {
    switch state.phase {
    case .searching(let panel): panel.query
    case .overriding(let prompt): prompt.reason
    case .unlocking(let prompt): prompt.typed
    case .loggingIn(let prompt): prompt.password
    default: state.scanText
    }
  }

  // MARK: The reducer

  private func send(_ event: StationEvent) {
    let context = context()
    for effect in Station.reduce(into: &state, event, context) {
      tasks.perform(effect, context: context)
    }
  }

  private func context() -> StationContext {
    let settings = configuration.settings
    return StationContext(
      now: Date(), timeZone: configuration.timeZone, policy: settings.policy,
      stationName: settings.stationName, timing: timing,
      kiosk: settings.isKiosk ? KioskLock(unlockCode: settings.kioskUnlockCode) : nil,
      allowsOverride: configuration.backend.supportsOverride)
  }

  private var timing: StationTiming {
    // A server is asked after a pause in typing; the local index answers every keystroke.
    StationTiming(
      result: configuration.settings.resultSeconds,
      searchDebounce: configuration.settings.api == nil ? 0 : 0.15)
  }

  private func tickIfNeeded() {
    let second = Int(Date().timeIntervalSince1970)
    guard second != lastTick else { return }
    lastTick = second
    send(.tick)
    if second % todayRefresh == 0 { tasks.perform(.loadToday, context: context()) }
  }

  // MARK: Time

  /// Seconds since start, on a clock that never jumps: for key bursts and bells.
  private func seconds() -> Double {
    let elapsed = ContinuousClock.now - started
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }

  /// How long the loop may sleep: until the next second (the clock on screen), sooner while a
  /// spinner turns, a key burst is pending or a bell is due.
  private func timeout() -> Double {
    let now = Date().timeIntervalSince1970
    var wait = 1.0 - (now - now.rounded(.down)) + 0.001
    if isBusy { wait = min(wait, 0.1) }
    if quitting { wait = min(wait, 0.05) }
    let monotonic = seconds()
    if let deadline = assembler.deadline { wait = min(wait, max(0, deadline - monotonic) + 0.001) }
    if let bell = bells.nextDue { wait = min(wait, max(0, bell - monotonic)) }
    return wait
  }

  private var isBusy: Bool {
    switch state.phase {
    case .lookingUp, .submitting, .undoing: true
    case .searching(let panel): panel.pending != nil
    default: false
    }
  }

  // MARK: Drawing

  private func draw() {
    let info = ViewInfo(
      now: Date(), timeZone: configuration.timeZone,
      stationName: configuration.settings.stationName, branchName: configuration.branchName,
      storeName: configuration.storeName,
      connection: ViewInfo.Connection(configuration.backend.status()), timing: timing,
      keyMap: keyMap,
      isKiosk: configuration.settings.isKiosk,
      staffUnlocked: state.isStaffUnlocked(context()))
    let frame = StationView.render(state, info, size: terminal.size, measure: Terminal.width)
    let written = terminal.draw(frame, full: needsFullRedraw)
    needsFullRedraw = false
    if written > 0 { probe.drew(state.phase, at: seconds()) }
  }
}
