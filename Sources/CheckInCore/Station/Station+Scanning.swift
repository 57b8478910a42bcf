import Foundation

extension Station {
  /// A whole code arrived. Whatever was showing gives way to the new member, except a write in
  /// flight, which finishes first. `typedByHand`: the scan field's own text, sent with Enter; text
  /// that can't be a code, or that no member has as one, then opens search instead of a refusal
  /// (one box for codes, names and phones). A scanner's code is never searched: an unknown card
  /// is refused, as the door needs.
  static func scan(
    _ text: String, typedByHand: Bool = false, _ state: inout StationState,
    _ context: StationContext
  ) -> [StationEffect] {
    let parsed = ScanParser.parse(text)
    if case .failure(.empty) = parsed { return [] }
    switch state.phase {
    case .submitting, .undoing:
      replaceQueuedScan(with: text, &state)
      state.scanText = ""
      return []
    case .result(var banner):
      if context.timing.rescanKeepsBanner, case .success(let payload) = parsed,
        banner.payload == payload, case .checkedIn = banner.outcome
      {
        // The member scanned twice: the banner they see stays, and nothing is recorded again.
        banner.shownAt = context.now
        state.phase = .result(banner)
        state.scanText = ""
        return []
      }
      if banner.isHeld(context) {
        // Staff must see what was just recorded; the next member is looked up a moment later.
        replaceQueuedScan(with: text, &state)
        state.scanText = ""
        return []
      }
    default:
      break
    }

    // This code is newer than one that waited: it wins, and the other is named.
    let replaced = state.queuedScan.flatMap { $0 == text ? nil : replacedNotice($0, by: text) }
    state.queuedScan = nil
    var effects = dropPending(&state)
    state.scanText = ""
    state.notice = replaced
    state.helpShownAt = nil
    switch parsed {
    case .failure where typedByHand && state.isStaffUnlocked(context):
      return effects + searchTyped(text, notice: nil, &state, context)
    case .failure(let invalid):
      state.phase = .result(
        ResultBanner(
          outcome: .refused(.invalidCode(invalid), memberName: nil), card: nil,
          shownAt: context.now))
      effects.append(.signal(.refused))
    case .success(let payload):
      effects += startLookUp(payload, typedByHand: typedByHand, &state, context)
    }
    return effects
  }

  /// Opens search on `query` and asks at once (Enter was pressed: no typing to wait out).
  static func searchTyped(
    _ query: String, notice: Notice?, _ state: inout StationState, _ context: StationContext
  ) -> [StationEffect] {
    var panel = SearchPanel(lastActivity: context.now)
    appendTyped(query.trimmingCharacters(in: .whitespaces), to: &panel.query)
    state.helpShownAt = nil
    let effects = searchChanged(panel, delay: 0, &state, context)
    state.notice = notice
    return effects
  }

  /// Keys faster than a person types. In a text field they are typed (a pasted name or
  /// password) unless they end with Enter or Tab: a scanner at the search or override prompt is
  /// the next member, never the query or the reason.
  static func burst(
    _ text: String, terminated: Bool, _ state: inout StationState, _ context: StationContext
  ) -> [StationEffect] {
    switch state.phase {
    case .unlocking, .loggingIn:
      // A code or password typed fast or pasted, with its Enter (a busy station may read it all
      // at once). At the unlock prompt a scanner's code is an attempt too, so guessing with
      // barcodes is slowed and logged like guessing by hand.
      let effects = type(text, &state, context)
      return terminated ? effects + submit(&state, context) : effects
    case .overriding, .searching:
      // A name pasted into search is a query; a code ending in Enter is a member at the door.
      if terminated { return scan(text, &state, context) }
      return type(text, &state, context)
    default:
      return scan(text, &state, context)
    }
  }

  /// Keeps `text` to look up once the station is free. One code waits at a time (the screen
  /// shows one member); one it replaces is named, so nobody is silently left out.
  static func replaceQueuedScan(with text: String, _ state: inout StationState) {
    if let waiting = state.queuedScan, waiting != text {
      state.notice = replacedNotice(waiting, by: text)
    }
    state.queuedScan = text
  }

  private static func replacedNotice(_ waiting: String, by text: String) -> Notice {
    Notice(
      "\(waiting) was not looked up: \(text) came right after it — scan it again", tone: .warning)
  }

  static func startLookUp(
    _ payload: ScanPayload, typedByHand: Bool = false, _ state: inout StationState,
    _ context: StationContext
  ) -> [StationEffect] {
    let id = state.issueRequestID()
    state.phase = .lookingUp(
      LookUp(id: id, payload: payload, startedAt: context.now, typedByHand: typedByHand))
    return [.lookUp(id, payload)]
  }

  /// Cancels the request the current phase waits for, if any: a new scan supersedes it.
  private static func dropPending(_ state: inout StationState) -> [StationEffect] {
    switch state.phase {
    case .lookingUp(let lookUp): [.cancel(lookUp.id)]
    case .searching(let panel): panel.pending.map { [.cancel($0)] } ?? []
    default: []
    }
  }

  static func lookedUp(
    _ id: RequestID, _ result: Result<MemberCard, BackendError>, _ state: inout StationState,
    _ context: StationContext
  ) -> [StationEffect] {
    guard case .lookingUp(let lookUp) = state.phase, lookUp.id == id else { return [] }
    switch result {
    case .success(let card):
      let verdict = Eligibility.evaluate(
        card, policy: context.policy, now: context.now, timeZone: context.timeZone)
      switch verdict {
      case .success(let offer):
        let plan = offer.plans[0]
        var dialog = MemberDialog(
          card: card, plans: offer.plans, planIndex: 0, choice: Offer.defaultAction(for: plan),
          payload: lookUp.payload, openedAt: context.now, shownAt: context.now)
        // A kiosk records by itself what was scanned; a member staff opened from search is
        // only shown.
        var fromScan = true
        if case .member = lookUp.payload { fromScan = false }
        switch fromScan ? context.kiosk?.action : nil {
        case nil:
          break
        case .standard?:
          return confirm(dialog, dialog.choice, &state, context)
        case .checkInOnly?:
          return confirm(dialog, .checkInOnly, &state, context)
        case .ask(let countdown)?:
          dialog.decidesAt = context.now.addingTimeInterval(countdown)
        }
        state.phase = .member(dialog)
        return []
      case .failure(let refusal):
        return refuse(refusal, card: card, &state, context)
      }
    case .failure(.refused(.notFound(let code)))
    where lookUp.typedByHand
      && state.isStaffUnlocked(context):
      // Typed by hand and no member's code: most likely a name or a phone number.
      return searchTyped(
        code,
        notice: Notice("No member has the code \(code) — searching names and phones", tone: .info),
        &state, context)
    case .failure(.refused(let refusal)):
      return refuse(refusal, card: nil, &state, context)
    case .failure(.cancelled):
      state.phase = .ready
      return []
    case .failure(.unauthorized):
      return askLogin(retry: .lookUp(lookUp.payload), &state, context)
    case .failure(let error):
      state.phase = .ready
      state.notice = Notice(error.message, tone: .error)
      return [.signal(.needsStaff)]
    }
  }

  static func refuse(
    _ refusal: Refusal, card: MemberCard?, _ state: inout StationState, _ context: StationContext
  ) -> [StationEffect] {
    state.helpShownAt = nil
    let name = card?.member.fullName
    if case .duplicate(let since) = refusal {
      state.phase = .result(
        ResultBanner(
          outcome: .alreadyIn(since: since, memberName: name), card: card, shownAt: context.now))
      return [.signal(.alreadyIn)]
    }
    state.phase = .result(
      ResultBanner(outcome: .refused(refusal, memberName: name), card: card, shownAt: context.now))
    return [.signal(refusal.needsStaff ? .needsStaff : .refused)]
  }

  /// Hand typing goes to the scan field; on a result banner the first key brings the field back.
  static func type(_ text: String, _ state: inout StationState, _ context: StationContext)
    -> [StationEffect]
  {
    switch state.phase {
    case .ready:
      appendTyped(text, to: &state.scanText)
      return []
    case .result:
      // The banner stays while the next code is typed above it (a scanner's keys reach the
      // field one by one too): staff see what was recorded, and the same member's code scanned
      // again is still recognised when Enter comes.
      appendTyped(text, to: &state.scanText)
      return []
    case .member(let dialog):
      // A code typed by hand while a card is open is the next member: Enter must look it up,
      // not confirm this one.
      state.phase = .ready
      state.notice = Notice("Nothing recorded for \(dialog.card.member.fullName)", tone: .info)
      appendTyped(text, to: &state.scanText)
      return []
    case .confirmingUndo:
      state.phase = .ready
      appendTyped(text, to: &state.scanText)
      return []
    case .lookingUp(let lookUp):
      // The next code started: the member being looked up must not open a dialog that the
      // Enter ending this code would confirm.
      state.phase = .ready
      state.notice = Notice("Lookup cancelled — a new code is being typed", tone: .info)
      appendTyped(text, to: &state.scanText)
      return [.cancel(lookUp.id)]
    case .submitting, .undoing:
      // The next code waits in the field for the write's outcome; Enter queues it.
      appendTyped(text, to: &state.scanText)
      return []
    case .searching(var panel):
      appendTyped(text, to: &panel.query)
      return searchChanged(panel, &state, context)
    case .overriding(var prompt):
      // Typing is another reason than the presets: the highlight follows it.
      prompt.choice = prompt.presets.count
      appendTyped(text, to: &prompt.reason)
      state.phase = .overriding(prompt)
      return []
    case .unlocking(var prompt):
      appendTyped(text, to: &prompt.typed)
      state.phase = .unlocking(prompt)
      return []
    case .loggingIn(var prompt) where prompt.pending == nil:
      appendTyped(text, to: &prompt.password)
      state.phase = .loggingIn(prompt)
      return []
    default:
      return []
    }
  }

  static func erase(_ state: inout StationState, _ context: StationContext) -> [StationEffect] {
    switch state.phase {
    case .ready, .result, .submitting, .undoing:
      if !state.scanText.isEmpty { state.scanText.removeLast() }
      return []
    case .searching(var panel):
      if panel.query.isEmpty { return [] }
      panel.query.removeLast()
      return searchChanged(panel, &state, context)
    case .overriding(var prompt):
      if !prompt.reason.isEmpty { prompt.reason.removeLast() }
      state.phase = .overriding(prompt)
      return []
    case .unlocking(var prompt):
      if !prompt.typed.isEmpty { prompt.typed.removeLast() }
      state.phase = .unlocking(prompt)
      return []
    case .loggingIn(var prompt) where prompt.pending == nil:
      if !prompt.password.isEmpty { prompt.password.removeLast() }
      state.phase = .loggingIn(prompt)
      return []
    default:
      return []
    }
  }

  /// Appends what was typed, up to `maximumTypedLength` scalars: counting characters would let
  /// combining marks (which join the previous character) grow the field without end.
  static func appendTyped(_ text: String, to field: inout String) {
    var room = maximumTypedLength - field.unicodeScalars.count
    for scalar in text.unicodeScalars where room > 0 {
      if scalar.properties.generalCategory == .control { continue }
      field.unicodeScalars.append(scalar)
      room -= 1
    }
  }
}
