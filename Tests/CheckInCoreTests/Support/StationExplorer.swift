import Foundation

@testable import CheckInCore

/// Walks the station's reducer breadth-first through every sequence of desk input, clock ticks
/// and answers to its requests, checking the station's promises on every step:
///
/// - (a) an event yields at most one `.checkIn`, and only Enter or 1/2 on a member dialog does;
/// - (b) a check-in or void in flight is never left before its answer, so no second check-in
///   can start while one is outstanding;
/// - (c) an answer the current screen doesn't wait for changes nothing and emits nothing;
/// - (d) in `.ready` with no queued scan, only scan, Enter, search, typing and undo start requests;
/// - (e) every request gets a fresh id, and every `.cancel` names a request still owed an answer;
/// - (f) every state reached gets back to `.ready` by Esc, the clock and the awaited answer
///   (`stepsToReady`);
/// - (g) the typed scan field and search query stay within `Station.maximumTypedLength`;
/// - (h) while the terminal is too small to draw the station, no key changes anything but Esc.
///
/// A node is the station's state together with what the outside world knows at that point: the
/// requests the runtime still owes an answer to (including cancelled ones, whose late answers
/// may still arrive), the writes in flight, every request id seen on the path, and the clock.
struct StationExplorer {
  struct Request: Hashable {
    enum Kind: Hashable {
      case lookUp(ScanPayload)
      case checkIn(CheckInRequest)
      case search(String)
      case visits(VisitsRequest)
      case void(Int64)
      case login
    }

    var id: RequestID
    var kind: Kind
  }

  struct Node: Hashable {
    var state = StationState()
    var ticks = 0
    var outstanding: [Request] = []
    var checkInInFlight: RequestID?
    var voidInFlight: RequestID?
    var issued: Set<Int> = []
  }

  /// Past every screen timeout (result, dialog, search, undo prompt, lookup).
  static let tickStep: TimeInterval = 61
  /// Short enough that two ticks make the last check-in too old to undo.
  static let timing = StationTiming(undoWindow: 100)
  /// Never issued: the station starts counting at 1.
  static let strangerID = RequestID(9_999)

  static let desk: [StationEvent] = [
    .scanned("GYM-1"), .scanned("GYM-2"), .scanned("bad\u{7}code"), .typed("1"),
    .typed(String(repeating: "7", count: 200)), .erase, .submit, .cancel, .choose(.deduct),
    .choose(.checkInOnly), .toggleChoice, .movePlan(1), .openSearch, .openVisits, .movePage(1),
    .moveSelection(1), .undoLast,
    .beginOverride, .toggleHelp, .toggleToday, .tick, .resized(fits: false),
    .resized(fits: true),
  ]

  private(set) var transitions = 0
  /// Every node reached, with the most events explored after it: a node met again with more
  /// depth to go is explored again.
  private(set) var visited: [Node: Int] = [:]
  private(set) var violations: [String] = []
  private(set) var phasesSeen: Set<String> = []
  private(set) var checkInsAnswered = 0
  private(set) var voidsAnswered = 0

  static func context(_ ticks: Int) -> StationContext {
    Fixture.context(at: Fixture.now + Double(ticks) * tickStep, timing: timing)
  }

  // MARK: Exploring

  /// Explores every sequence of `depth` events from `start`, reached by `path`.
  mutating func explore(from start: Node = Node(), path: [StationEvent] = [], depth: Int) {
    var frontier: [(Node, [StationEvent])] = [(start, path)]
    visited[start] = max(visited[start] ?? 0, depth)
    guard depth > 0 else { return }
    for level in 1...depth {
      var next: [(Node, [StationEvent])] = []
      for (node, path) in frontier {
        for event in Self.events(for: node) {
          let child = step(node, event, path: path)
          if (visited[child] ?? -1) < depth - level {
            visited[child] = depth - level
            next.append((child, path + [event]))
          }
        }
      }
      frontier = next
    }
    for node in visited.keys { phasesSeen.insert(Self.name(of: node.state.phase)) }
  }

  /// Follows `script` from the initial state, checking every step; `nil` stands for the success
  /// answer to the newest request still owed one.
  mutating func follow(_ script: [StationEvent?]) -> (Node, [StationEvent]) {
    var node = Node()
    var path: [StationEvent] = []
    for entry in script {
      let newest = node.outstanding.last
      let answer = newest.flatMap { Self.answers(to: $0, now: Self.context(node.ticks).now).first }
      guard let event = entry ?? answer else {
        violations.append("script step \(path.count) expected an outstanding request")
        break
      }
      node = step(node, event, path: path)
      path.append(event)
    }
    return (node, path)
  }

  /// Every input the desk can give plus every answer the runtime could deliver now.
  static func events(for node: Node) -> [StationEvent] {
    var events = desk
    let now = context(node.ticks).now
    for request in node.outstanding {
      events += answers(to: request, now: now)
    }
    events += [
      .lookedUp(strangerID, .success(Fixture.sara)),
      .checkedIn(strangerID, .success(receipt(for: strangerID, now: now))),
      .searched(strangerID, .success(Fixture.page("1"))),
      .voided(strangerID, .success(voidReceipt(attendanceID: 1, now: now))),
    ]
    return events
  }

  static func answers(to request: Request, now: Date) -> [StationEvent] {
    let offline = BackendError.offline("no route to host")
    switch request.kind {
    case .lookUp(let payload):
      let card = Fixture.card(for: payload)
      return [
        .lookedUp(
          request.id, card.map { .success($0) } ?? .failure(.refused(.notFound(code: "?")))),
        .lookedUp(request.id, .failure(offline)),
        .lookedUp(request.id, .failure(.refused(.notFound(code: payload.displayText)))),
        .lookedUp(request.id, .failure(.cancelled)),
        .lookedUp(request.id, .failure(.unauthorized)),
      ]
    case .checkIn(let checkIn):
      let receipt = Fixture.receipt(for: checkIn, attendanceID: Int64(1000 + request.id.value))
      return [
        .checkedIn(request.id, .success(receipt)),
        .checkedIn(request.id, .failure(offline)),
        .checkedIn(request.id, .failure(.refused(.duplicate(lastCheckIn: now)))),
        .checkedIn(request.id, .failure(.refused(.noSessions))),
        .checkedIn(request.id, .failure(.unauthorized)),
        .checkedIn(request.id, .failure(.unknownOutcome("no answer"))),
      ]
    case .search(let query):
      return [
        .searched(request.id, .success(Fixture.page(query))),
        .searched(request.id, .failure(offline)),
        .searched(request.id, .failure(.refused(.inactive))),
        .searched(request.id, .failure(.cancelled)),
      ]
    case .visits(let asked):
      let entry = AttendanceEntry(
        id: 7, memberID: 2, memberName: "Omar", checkedInAt: now, action: .checkInOnly,
        deducted: 0, subscriptionID: nil, branchID: 1)
      return [
        .visitsLoaded(
          request.id,
          .success(
            VisitsPage(query: asked.query, entries: [entry], offset: asked.offset, hasMore: true))
        ),
        .visitsLoaded(request.id, .failure(offline)),
        .visitsLoaded(request.id, .failure(.cancelled)),
      ]
    case .void(let attendanceID):
      return [
        .voided(request.id, .success(voidReceipt(attendanceID: attendanceID, now: now))),
        .voided(request.id, .failure(offline)),
        .voided(request.id, .failure(.refused(.notFound(code: "\(attendanceID)")))),
      ]
    case .login:
      return [
        .loggedIn(request.id, .success(LoginAccepted())),
        .loggedIn(request.id, .failure(.server("Invalid username or password"))),
      ]
    }
  }

  // MARK: One step and its invariants

  mutating func step(_ node: Node, _ event: StationEvent, path: [StationEvent]) -> Node {
    transitions += 1
    var child = node
    if event == .tick { child.ticks += 1 }
    let effects = Station.reduce(into: &child.state, event, Self.context(child.ticks))
    func fail(_ what: String) {
      if violations.count < 10 {
        let steps = (path + [event]).map(Self.label).joined(separator: ", ")
        violations.append("\(what)\n  after: \(steps)\n  effects: \(effects.map(Self.label))")
      }
    }

    let before = node.state
    let checkIns = effects.checkIns

    // (a) one confirmation, at most one check-in, and only from the dialog (or Enter on a staff
    // override's reason).
    if checkIns.count > 1 { fail("(a) several check-ins for one event") }
    if !checkIns.isEmpty {
      let confirms = event == .submit || event == .choose(.deduct) || event == .choose(.checkInOnly)
      let overrides = event == .submit && before.phase.overridePrompt != nil
      // The one retry of a check-in the server refused for its login, once logged in again.
      var retries = false
      if case .loggedIn(_, .success) = event, case .loggingIn(let prompt) = before.phase,
        case .checkIn? = prompt.retry
      {
        retries = true
      }
      if !retries && (!confirms || (before.phase.dialog == nil && !overrides)) {
        fail("(a) check-in not from a confirmed dialog")
      }
    }

    // (h) nothing acts on a screen that isn't drawn.
    if !before.viewFits && !event.actsWhileHidden && (child.state != before || !effects.isEmpty) {
      fail("(h) a key acted while the screen wasn't drawn")
    }

    // (b) never two check-ins outstanding.
    if case .checkedIn(let id, let result) = event, id == child.checkInInFlight {
      child.checkInInFlight = nil
      if case .success = result { checkInsAnswered += 1 }
    }
    if let first = checkIns.first {
      if child.checkInInFlight != nil { fail("(b) a second check-in while one is outstanding") }
      child.checkInInFlight = first.id
    }

    // (b) A write in flight may already be committed: the station waits for its outcome, so
    // nothing (not Esc, a tick or a scan) may take it off the screen that waits for it.
    if case .voided(let id, _) = event, id == child.voidInFlight { child.voidInFlight = nil }
    if let void = effects.voids.first { child.voidInFlight = void.id }
    for write in [child.checkInInFlight, child.voidInFlight].compactMap(\.self)
    where Self.writeAwaited(by: child.state.phase) != write {
      fail("(b) left the write \(write) before its answer")
    }

    // (c) an answer nobody waits for changes nothing.
    if let answer = Self.answerID(of: event) {
      if answer != Self.awaitedID(by: before.phase, for: event) {
        if child.state != before || !effects.isEmpty { fail("(c) a stale answer had an effect") }
      } else if Self.awaitedID(by: child.state.phase, for: event) == answer {
        fail("(c) still waiting for a request that was answered")
      }
      child.outstanding.removeAll { $0.id == answer && Self.answers(event, $0.kind) }
      if case .voided(_, .success) = event, before.phase != child.state.phase { voidsAnswered += 1 }
    }

    // (d) in ready, only a scan's own keys start requests.
    let requests = effects.compactMap(Self.request(in:))
    if before.phase == .ready, before.queuedScan == nil, !Self.mayStartRequests(event),
      !requests.isEmpty
    {
      fail("(d) a request from ready on \(event)")
    }

    // (e) every request uses a fresh id; every cancel names one still owed an answer.
    for request in requests {
      if !child.issued.insert(request.id.value).inserted { fail("(e) id \(request.id) reused") }
      child.outstanding.append(request)
    }
    for case .cancel(let id) in effects where !node.outstanding.contains(where: { $0.id == id }) {
      fail("(e) cancel of \(id), which nobody waits for")
    }

    // (g) hand typing stays bounded.
    let limit = Station.maximumTypedLength
    let reason = child.state.phase.overridePrompt?.reason.unicodeScalars.count ?? 0
    if child.state.scanText.count > limit || (child.state.phase.panel?.query.count ?? 0) > limit
      || reason > limit
    {
      fail("(g) typed field over \(limit) characters")
    }
    return child
  }

  // MARK: Getting back to ready

  /// (f) The fewest steps back to `.ready` using only Esc, the clock and the answer the station
  /// waits for, or `nil` if `limit` steps don't get there.
  static func stepsToReady(from node: Node, limit: Int) -> Int? {
    if node.state.phase == .ready { return 0 }
    var frontier = [node]
    var seen: Set<Node> = [node]
    for steps in 1...max(1, limit) {
      var next: [Node] = []
      for current in frontier {
        for event in recoveryEvents(for: current) {
          var child = current
          if event == .tick { child.ticks += 1 }
          let effects = Station.reduce(into: &child.state, event, context(child.ticks))
          if child.state.phase == .ready { return steps }
          child.outstanding += effects.compactMap(request(in:))
          if seen.insert(child).inserted { next.append(child) }
        }
      }
      frontier = next
    }
    return nil
  }

  /// Esc, a tick past every timeout, and the answers to the request the station waits for.
  private static func recoveryEvents(for node: Node) -> [StationEvent] {
    var events: [StationEvent] = [.cancel, .tick]
    let now = context(node.ticks).now
    for request in node.outstanding {
      events += answers(to: request, now: now).filter {
        answerID(of: $0) == awaitedID(by: node.state.phase, for: $0)
      }
    }
    return events
  }

  // MARK: Reading events and effects

  static func request(in effect: StationEffect) -> Request? {
    switch effect {
    case .lookUp(let id, let payload): Request(id: id, kind: .lookUp(payload))
    case .checkIn(let id, let request): Request(id: id, kind: .checkIn(request))
    case .search(let id, let query, _, _): Request(id: id, kind: .search(query))
    case .loadVisits(let id, let asked): Request(id: id, kind: .visits(asked))
    case .void(let id, let attendanceID): Request(id: id, kind: .void(attendanceID))
    case .login(let id, _): Request(id: id, kind: .login)
    case .cancel, .loadToday, .announce, .signal, .log: nil
    }
  }

  static func answerID(of event: StationEvent) -> RequestID? {
    switch event {
    case .lookedUp(let id, _), .checkedIn(let id, _), .searched(let id, _), .voided(let id, _),
      .loggedIn(let id, _), .visitsLoaded(let id, _):
      id
    default: nil
    }
  }

  /// The request of `event`'s kind that `phase` waits for, if any.
  static func awaitedID(by phase: Phase, for event: StationEvent) -> RequestID? {
    switch (phase, event) {
    case (.lookingUp(let lookUp), .lookedUp): lookUp.id
    case (.submitting(let submission), .checkedIn): submission.id
    case (.searching(let panel), .searched), (.searching(let panel), .visitsLoaded): panel.pending
    case (.undoing(let id, _), .voided): id
    case (.loggingIn(let prompt), .loggedIn): prompt.pending
    default: nil
    }
  }

  /// The check-in or void the phase waits for, if any.
  static func writeAwaited(by phase: Phase) -> RequestID? {
    switch phase {
    case .submitting(let submission): submission.id
    case .undoing(let id, _): id
    default: nil
    }
  }

  static func answers(_ event: StationEvent, _ kind: Request.Kind) -> Bool {
    switch (event, kind) {
    case (.lookedUp, .lookUp), (.checkedIn, .checkIn), (.searched, .search), (.voided, .void),
      (.loggedIn, .login), (.visitsLoaded, .visits):
      true
    default: false
    }
  }

  static func mayStartRequests(_ event: StationEvent) -> Bool {
    switch event {
    case .scanned, .burst, .submit, .openSearch, .openVisits, .typed, .undoLast: true
    default: false
    }
  }

  static func name(of phase: Phase) -> String {
    switch phase {
    case .ready: "ready"
    case .lookingUp: "lookingUp"
    case .member: "member"
    case .submitting: "submitting"
    case .result: "result"
    case .searching: "searching"
    case .confirmingUndo: "confirmingUndo"
    case .undoing: "undoing"
    case .overriding: "overriding"
    case .unlocking: "unlocking"
    case .loggingIn: "loggingIn"
    }
  }

  // MARK: Short descriptions for failure messages

  static func label(_ event: StationEvent) -> String {
    func outcome<Value>(_ result: Result<Value, BackendError>) -> String {
      switch result {
      case .success: "ok"
      case .failure(let error): "\(error)"
      }
    }
    switch event {
    case .typed(let text) where text.count > 8: return "typed(\(text.count) chars)"
    case .lookedUp(let id, let result): return "lookedUp(\(id), \(outcome(result)))"
    case .checkedIn(let id, let result): return "checkedIn(\(id), \(outcome(result)))"
    case .searched(let id, let result): return "searched(\(id), \(outcome(result)))"
    case .voided(let id, let result): return "voided(\(id), \(outcome(result)))"
    case .todayLoaded(let result): return "todayLoaded(\(outcome(result)))"
    default: return "\(event)"
    }
  }

  static func label(_ effect: StationEffect) -> String {
    switch effect {
    case .checkIn(let id, let request):
      "checkIn(\(id), member \(request.memberID), plan \(request.subscriptionID ?? 0), \(request.action))"
    case .announce(let receipt): "announce(attendance \(receipt.attendanceID))"
    default: "\(effect)"
    }
  }

  // MARK: Fake answers

  static func receipt(for id: RequestID, now: Date) -> Receipt {
    let request = CheckInRequest(
      memberID: 1, code: "GYM-1", subscriptionID: 11, action: .deduct,
      policy: CheckInPolicy(branchID: Fixture.branchID), station: "front-desk", requestedAt: now)
    return Fixture.receipt(for: request, attendanceID: Int64(id.value))
  }

  static func voidReceipt(attendanceID: Int64, now: Date) -> VoidReceipt {
    VoidReceipt(
      attendanceID: attendanceID, memberID: 1, memberName: "Sara Haddad", restored: 1,
      kind: .sessions, remaining: 5, voidedAt: now)
  }
}
