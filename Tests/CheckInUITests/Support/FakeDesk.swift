import CheckInCore
import Foundation

@testable import CheckInUI

/// A terminal that hands over what the test typed and keeps every frame drawn.
final class FakeTerminal: TerminalDevice {
  var size: Size
  var measure: TextWidth { .unicode }
  /// What the next read returns.
  var pending = TerminalInput()
  private(set) var last: ScreenBuffer?
  /// Every line that was ever on screen (a set: a long run draws the same lines many times).
  private(set) var linesSeen: Set<String> = []
  private(set) var bells = 0
  /// Whether `linesSeen` is kept: a week-long run would hold every second's clock.
  var keepsLines = true

  init(size: Size) {
    self.size = size
  }

  func readInput() -> TerminalInput {
    defer { pending = TerminalInput() }
    return pending
  }

  @discardableResult
  func draw(_ frame: ScreenBuffer, full: Bool) -> Int {
    let changed = frame.changes(since: full ? nil : last).count
    if changed > 0 && keepsLines { linesSeen.formUnion(frame.lines) }
    last = frame
    return changed
  }

  func beep() {
    bells += 1
  }

  var screen: [String] { last?.lines ?? [] }
}

/// Both of the station's clocks, moved by the test.
final class FakeClock: StationClock {
  let start: Date
  /// Seconds since `start`.
  var elapsed: Double = 0

  init(start: Date) {
    self.start = start
  }

  var monotonic: Double { elapsed }
  var now: Date { start.addingTimeInterval(elapsed) }
}

/// What answers the desk's effects at once: the fake store below, or a real database.
protocol DeskStore: AnyObject {
  func lookUp(_ payload: ScanPayload, policy: CheckInPolicy, at now: Date)
    -> Result<MemberCard, BackendError>
  func checkIn(_ request: CheckInRequest, at now: Date) -> Result<Receipt, BackendError>
  func overview(at now: Date, in timeZone: TimeZone) -> Result<TodayOverview, BackendError>
  func visits(_ request: VisitsRequest, at now: Date, in timeZone: TimeZone)
    -> Result<VisitsPage, BackendError>
}

/// A members' store that answers at once, with the rules a real one applies: deductions, what is
/// left, and the double-scan guard.
final class FakeStore: DeskStore {
  struct Visit: Equatable {
    var attendanceID: Int64
    var memberID: Int64
    var action: CheckInAction
    var deducted: Int
    var at: Date
  }

  var cards: [Int64: MemberCard]
  private(set) var visits: [Visit] = []
  var duplicateWindow: TimeInterval = 120

  init(cards: [MemberCard]) {
    self.cards = Dictionary(uniqueKeysWithValues: cards.map { ($0.member.id, $0) })
  }

  func lookUp(_ payload: ScanPayload, policy: CheckInPolicy, at now: Date)
    -> Result<MemberCard, BackendError>
  {
    let id: Int64?
    switch payload {
    case .idForm(_, let memberID), .member(let memberID): id = memberID
    case .code(let code): id = ScanParser.plainID(in: code)
    }
    guard let id, var card = cards[id] else {
      return .failure(.refused(.notFound(code: payload.displayText)))
    }
    card.lastVisit = visits.last { $0.memberID == id }?.at
    return .success(card)
  }

  /// The day `now` falls on, as a store counts it.
  func overview(at now: Date, in timeZone: TimeZone) -> Result<TodayOverview, BackendError> {
    let entries = visits.map { visit in
      AttendanceEntry(
        id: visit.attendanceID, memberID: visit.memberID,
        memberName: cards[visit.memberID]?.member.fullName ?? "?", checkedInAt: visit.at,
        action: visit.action, deducted: visit.deducted, subscriptionID: nil, branchID: 1)
    }
    let day = CalendarDay(now, in: timeZone)
    return .success(
      TodayOverview(
        listing: entries.filter { CalendarDay($0.checkedInAt, in: timeZone) == day }, day: day,
        timeZone: timeZone))
  }

  /// Today's visits whose member's name or code contains the query, newest first.
  func visits(_ request: VisitsRequest, at now: Date, in timeZone: TimeZone)
    -> Result<VisitsPage, BackendError>
  {
    let day = CalendarDay(now, in: timeZone)
    let typed = request.query.lowercased()
    let matching = visits.reversed().filter { visit in
      guard CalendarDay(visit.at, in: timeZone) == day else { return false }
      guard !typed.isEmpty, let member = cards[visit.memberID]?.member else { return true }
      return member.fullName.lowercased().contains(typed)
        || (member.qrCode?.lowercased().contains(typed) ?? false)
    }
    let page = matching.dropFirst(request.offset).prefix(request.limit).map { visit in
      AttendanceEntry(
        id: visit.attendanceID, memberID: visit.memberID,
        memberName: cards[visit.memberID]?.member.fullName ?? "?", checkedInAt: visit.at,
        action: visit.action, deducted: visit.deducted, subscriptionID: nil, branchID: 1)
    }
    return .success(
      VisitsPage(
        query: request.query, entries: Array(page), offset: request.offset,
        hasMore: matching.count > request.offset + request.limit))
  }

  func checkIn(_ request: CheckInRequest, at now: Date) -> Result<Receipt, BackendError> {
    guard var card = cards[request.memberID] else {
      return .failure(.refused(.notFound(code: "?")))
    }
    if let last = visits.last(where: { $0.memberID == request.memberID }),
      now.timeIntervalSince(last.at) < duplicateWindow
    {
      return .failure(.refused(.duplicate(lastCheckIn: last.at)))
    }
    guard let index = card.subscriptions.firstIndex(where: { $0.id == request.subscriptionID })
    else { return .failure(.refused(.noSubscription)) }
    var plan = card.subscriptions[index]
    let deducted = request.action == .deduct && (plan.remaining ?? 0) > 0 ? 1 : 0
    plan.remaining = plan.remaining.map { $0 - deducted }
    card.subscriptions[index] = plan
    cards[request.memberID] = card
    let visit = Visit(
      attendanceID: Int64(visits.count + 1), memberID: request.memberID, action: request.action,
      deducted: deducted, at: now)
    visits.append(visit)
    return .success(
      Receipt(
        attendanceID: visit.attendanceID, memberID: visit.memberID,
        memberName: card.member.fullName, action: visit.action, deducted: deducted,
        remaining: plan.remaining, subscriptionID: plan.id, kind: plan.kind, checkedInAt: now))
  }
}

/// The effects the loop asked for, waiting for their answers: a class of its own, so the loop's
/// `perform` can hold it before the desk exists.
final class EffectQueue {
  var latency: Double = 0
  var due: [(at: Double, effect: StationEffect, context: StationContext)] = []
  /// Every effect asked for, with when, and whether a key (rather than an answer or the clock)
  /// asked for it.
  var performed: [(at: Double, effect: StationEffect, byKey: Bool)] = []
  var reading = false
  /// Whether `performed` is kept: a week-long run would hold every effect of every scan.
  var keepsHistory = true

  func add(_ effect: StationEffect, _ context: StationContext, at time: Double) {
    if keepsHistory { performed.append((time, effect, reading)) }
    due.append((time + latency, effect, context))
  }
}

/// The whole station loop in-process: a fake terminal fed byte sequences at exact times, a fake
/// clock, and a store whose answers come back after `latency` seconds of simulated time.
final class FakeDesk<Store: DeskStore> {
  let terminal: FakeTerminal
  let clock: FakeClock
  let store: Store
  let loop: StationLoop
  private let effects = EffectQueue()

  /// Whether each turn of the loop draws: a simulated week draws when it looks at the screen.
  var draws = true
  /// Whether every effect is kept for `performed`.
  var keepsHistory: Bool {
    get { effects.keepsHistory }
    set { effects.keepsHistory = newValue }
  }

  /// Simulated seconds a store takes to answer.
  var latency: Double {
    get { effects.latency }
    set { effects.latency = newValue }
  }
  var performed: [(at: Double, effect: StationEffect, byKey: Bool)] { effects.performed }

  init(
    store: Store, kiosk: KioskLock? = nil, size: Size = Size(width: 80, height: 24),
    start: Date = Scenes.now, timeZone: TimeZone = Scenes.timeZone,
    policy: CheckInPolicy = CheckInPolicy(branchID: 1)
  ) {
    let terminal = FakeTerminal(size: size)
    let clock = FakeClock(start: start)
    let effects = self.effects
    self.terminal = terminal
    self.clock = clock
    self.store = store
    let setup = StationContext(
      now: start, timeZone: timeZone, policy: policy,
      stationName: "front-desk",
      timing: StationTiming(minimumResult: 1, rescanKeepsBanner: true, confirmGuard: 0.3),
      kiosk: kiosk)
    loop = StationLoop(
      driver: StationDriver(setup: setup), terminal: terminal, clock: clock,
      labels: StationLoop.Labels(stationName: "front-desk", branchName: "Main", storeName: "fake"),
      perform: { effect, context in effects.add(effect, context, at: clock.elapsed) })
    loop.start()
    settle()
  }

  var state: StationState { loop.state }
  var screen: [String] { terminal.screen }
  var screenText: String { screen.joined(separator: "\n") }

  /// `bytes` arrive in one read at `time` (seconds since start).
  func send(_ bytes: String, at time: Double) {
    advance(to: time)
    terminal.pending.scalars += bytes.unicodeScalars
    read()
  }

  /// A keyboard-wedge scanner: one character every `step` seconds from `time`, then `suffix`.
  func scan(_ code: String, suffix: String = "\r", at time: Double, step: Double = 0.002) {
    for (index, scalar) in (code + suffix).unicodeScalars.enumerated() {
      send(String(scalar), at: time + Double(index) * step)
    }
  }

  /// The terminal is now `size` (ncurses reports it with the next read).
  func resize(to size: Size, at time: Double) {
    advance(to: time)
    terminal.size = size
    terminal.pending.resized = true
    read()
  }

  private func read() {
    effects.reading = true
    loop.readInput()
    // Keys held for the burst gap or a lone Esc act when the loop next looks at the time.
    loop.service(draws: draws)
    effects.reading = false
    settle()
  }

  /// Lets simulated time pass to `time`, waking the loop when it asked to be woken and answering
  /// effects when they are due.
  func advance(to time: Double) {
    while clock.elapsed < time {
      let answer = effects.due.map(\.at).min() ?? .infinity
      let next = min(time, clock.elapsed + max(loop.timeout, 0.0005), answer)
      clock.elapsed = next
      answerDue()
      loop.service(draws: draws)
    }
    settle()
  }

  /// The loop sleeps through to `time` and wakes once, as a station does between members on a
  /// quiet night (and as a week is simulated in seconds).
  func jump(to time: Double) {
    clock.elapsed = max(clock.elapsed, time)
    settle()
  }

  /// Answers what is due now and draws.
  private func settle() {
    answerDue()
    loop.service(draws: draws)
  }

  private func answerDue() {
    while let index = effects.due.firstIndex(where: { $0.at <= clock.elapsed }) {
      let (_, effect, context) = effects.due.remove(at: index)
      if let answer = answer(effect, context) { loop.deliver(answer) }
    }
  }

  private func answer(_ effect: StationEffect, _ context: StationContext) -> StationEvent? {
    let now = clock.now
    switch effect {
    case .lookUp(let id, let payload):
      return .lookedUp(id, store.lookUp(payload, policy: context.policy, at: now))
    case .checkIn(let id, let request): return .checkedIn(id, store.checkIn(request, at: now))
    case .search(let id, let query, _, _):
      return .searched(id, .success(SearchPage(query: query, hits: [], hasMore: false)))
    case .loadToday: return .todayLoaded(store.overview(at: now, in: context.timeZone))
    case .loadVisits(let id, let request):
      return .visitsLoaded(id, store.visits(request, at: now, in: context.timeZone))
    case .void(let id, _): return .voided(id, .failure(.unsupported("not here")))
    case .login(let id, _): return .loggedIn(id, .success(LoginAccepted()))
    case .cancel(let id):
      effects.due.removeAll { $0.effect.requestID == id }
      return nil
    case .announce, .signal, .log: return nil
    }
  }
}

extension FakeDesk where Store == FakeStore {
  convenience init(
    cards: [MemberCard], kiosk: KioskLock? = nil, size: Size = Size(width: 80, height: 24),
    start: Date = Scenes.now
  ) {
    self.init(store: FakeStore(cards: cards), kiosk: kiosk, size: size, start: start)
  }
}

extension StationEffect {
  var requestID: RequestID? {
    switch self {
    case .lookUp(let id, _), .checkIn(let id, _), .search(let id, _, _, _), .void(let id, _),
      .login(let id, _), .loadVisits(let id, _):
      id
    default: nil
    }
  }
}
