import CheckInCore
import Foundation

/// The whole station loop but for waiting and running effects: reads the terminal, feeds the
/// driver, hands effects to `perform`, takes their answers back, ticks the clock, rings bells and
/// draws. The runtime waits on file descriptors and runs effects as tasks around it; a test runs
/// it with a fake terminal, a fake clock and effects answered on the spot.
public final class StationLoop {
  /// Who and where the station is, for the header and the status line.
  public struct Labels: Sendable {
    public var stationName: String
    public var branchName: String
    public var storeName: String
    public var connection: @Sendable () -> ViewInfo.Connection

    public init(
      stationName: String, branchName: String, storeName: String,
      connection: @escaping @Sendable () -> ViewInfo.Connection = { .local }
    ) {
      self.stationName = stationName
      self.branchName = branchName
      self.storeName = storeName
      self.connection = connection
    }
  }

  public private(set) var driver: StationDriver
  public private(set) var quitRequested = false
  /// Reload today's list this often (seconds), so other stations' check-ins show up.
  public var todayRefresh = 60
  private let terminal: any TerminalDevice
  private let clock: any StationClock
  private let labels: Labels
  private let perform: (StationEffect, StationContext) -> Void
  private var bells = BellPlayer()
  private var probe: LatencyProbe
  private var needsFullRedraw = true
  private var lastTick = 0
  /// The second at or after which today's list is reloaded next: a loop that slept past it (a
  /// busy machine, a suspended laptop) reloads when it wakes rather than a minute later.
  private var nextTodayRefresh = 0
  /// What the last frame was drawn from: an unchanged one isn't rendered again.
  private var drawn: DrawnFrom?

  private struct DrawnFrom: Equatable {
    var state: StationState
    var size: Size
    var connection: ViewInfo.Connection
    /// The clock on screen (seconds), or the spinner's tenth while busy.
    var tick: Int
  }

  public init(
    driver: StationDriver, terminal: any TerminalDevice, clock: any StationClock, labels: Labels,
    latencyLog: (@Sendable (String) -> Void)? = nil,
    perform: @escaping (StationEffect, StationContext) -> Void
  ) {
    self.driver = driver
    self.terminal = terminal
    self.clock = clock
    self.labels = labels
    self.perform = perform
    probe = LatencyProbe(log: latencyLog)
  }

  public var state: StationState { driver.state }

  /// Loads today's list and learns the terminal's size.
  public func start() {
    let now = clock.now
    lastTick = Int(now.timeIntervalSince1970)
    nextTodayRefresh = refreshAfter(lastTick)
    act { $0.resize(to: terminal.size, now: now) }
    perform(.loadToday, driver.context(at: now))
  }

  /// The terminal has input (or a signal may have changed its size): read and act on it.
  public func readInput() {
    let input = terminal.readInput()
    let now = clock.now
    if input.resized { act { $0.resize(to: terminal.size, now: now) } }
    guard let first = input.scalars.first else { return }
    let time = clock.monotonic
    probe.keysRead(at: time, printable: first.properties.generalCategory != .control)
    act { $0.read(input.scalars, at: time, now: now) }
  }

  /// An effect answered.
  public func deliver(_ event: StationEvent) {
    let now = clock.now
    act { StationDriver.Reaction(effects: $0.send(event, now: now)) }
  }

  /// Makes an outcome heard, in its own bell pattern.
  public func ring(_ signal: Signal) {
    bells.schedule(signal, at: clock.monotonic)
  }

  /// The whole screen is drawn anew at the next `service` (after a signal, a redraw key).
  public func redrawAll() {
    needsFullRedraw = true
  }

  /// Lets time act: ends bursts and lone Escs, ticks the station, rings bells, draws.
  public func service(draws: Bool = true) {
    let now = clock.now
    act { $0.expire(at: clock.monotonic, now: now) }
    let second = Int(now.timeIntervalSince1970.rounded(.down))
    let deadlinePassed = driver.clockDeadline(at: now).map { $0 <= now } ?? false
    if second != lastTick || deadlinePassed {
      let newSecond = second != lastTick
      lastTick = second
      deliver(.tick)
      if newSecond && second >= nextTodayRefresh {
        nextTodayRefresh = refreshAfter(second)
        perform(.loadToday, driver.context(at: now))
      }
    }
    for _ in 0..<bells.ringsDue(at: clock.monotonic) { terminal.beep() }
    if draws { draw(now: now) }
  }

  /// The first whole multiple of `todayRefresh` after `second`: stations reload on the minute.
  private func refreshAfter(_ second: Int) -> Int {
    let step = max(1, todayRefresh)
    return (second / step + 1) * step
  }

  /// How long the caller may sleep before calling `service` again: to the next second (the
  /// clock on screen), sooner for a burst's end, a lone Esc, a held banner, a bell or a spinner.
  public var timeout: Double {
    let now = clock.now
    let monotonic = clock.monotonic
    let seconds = now.timeIntervalSince1970
    var wait = 1.0 - (seconds - seconds.rounded(.down)) + 0.001
    if isBusy { wait = min(wait, 0.1) }
    if let deadline = driver.inputDeadline {
      wait = min(wait, max(0, deadline - monotonic) + 0.001)
    }
    if let deadline = driver.clockDeadline(at: now) {
      wait = min(wait, max(0, deadline.timeIntervalSince(now)) + 0.001)
    }
    if let bell = bells.nextDue { wait = min(wait, max(0, bell - monotonic)) }
    return wait
  }

  /// What the screen shows now.
  public func frame(at now: Date) -> ScreenBuffer {
    StationView.render(driver.state, info(at: now), size: terminal.size, measure: terminal.measure)
  }

  private func draw(now: Date) {
    let seconds = now.timeIntervalSince1970
    let from = DrawnFrom(
      state: driver.state, size: terminal.size, connection: labels.connection(),
      tick: Int((isBusy ? seconds * 10 : seconds).rounded(.down)))
    if from == drawn && !needsFullRedraw { return }
    drawn = from
    let written = terminal.draw(frame(at: now), full: needsFullRedraw)
    needsFullRedraw = false
    if written > 0 { probe.drew(driver.state.phase, at: clock.monotonic) }
  }

  private func info(at now: Date) -> ViewInfo {
    let setup = driver.setup
    return ViewInfo(
      now: now, timeZone: setup.timeZone, stationName: labels.stationName,
      branchName: labels.branchName, storeName: labels.storeName,
      connection: labels.connection(), timing: setup.timing, keyMap: driver.keyMap,
      isKiosk: setup.kiosk != nil, abilities: driver.abilities(at: now))
  }

  /// Runs `step` on the driver and carries out what it asks for.
  private func act(_ step: (inout StationDriver) -> StationDriver.Reaction) {
    let before = driver.state.phase
    let reaction = step(&driver)
    let context = driver.context(at: clock.now)
    for effect in reaction.effects {
      switch effect {
      case .signal(let signal): ring(signal)
      default: perform(effect, context)
      }
    }
    if reaction.quit { quitRequested = true }
    if reaction.redraw { needsFullRedraw = true }
    noteLatency(from: before, to: driver.state.phase)
  }

  private func noteLatency(from before: Phase, to after: Phase) {
    switch (before, after) {
    case (.lookingUp, _), (.submitting, _): break
    case (_, .lookingUp): probe.scanned(at: clock.monotonic)
    case (.member, .submitting), (.overriding, .submitting): probe.confirmed(at: clock.monotonic)
    default: break
    }
  }

  private var isBusy: Bool {
    switch driver.state.phase {
    case .lookingUp, .submitting, .undoing: true
    case .searching(let panel): panel.pending != nil
    default: false
    }
  }
}
