import Foundation

/// The station's state machine: one pure function from (state, event) to (state, effects).
public enum Station {
  /// The longest a hand-typed scan field or search query grows; a stuck key can't fill memory.
  static let maximumTypedLength = 256

  /// Applies `event` to `state` and returns the work the runtime must do. Never does I/O, never
  /// reads the clock, never blocks.
  public static func reduce(
    into state: inout StationState, _ event: StationEvent, _ context: StationContext
  ) -> [StationEffect] {
    if !state.viewFits && !event.actsWhileHidden { return [] }
    let effects = handle(event, &state, context)
    return effects + releaseQueuedScan(&state, context)
  }

  /// A code that waited for a write or a held banner is looked up as soon as the station is
  /// free, whatever freed it (an answer, the clock, a key): it must never be stranded.
  private static func releaseQueuedScan(_ state: inout StationState, _ context: StationContext)
    -> [StationEffect]
  {
    guard state.queuedScan != nil else { return [] }
    switch state.phase {
    case .submitting, .undoing, .loggingIn, .lookingUp: return []
    case .result(let banner) where banner.isHeld(context): return []
    default: return takeQueuedScan(&state, context)
    }
  }

  private static func handle(
    _ event: StationEvent, _ state: inout StationState, _ context: StationContext
  ) -> [StationEffect] {
    switch event {
    case .scanned(let text):
      return scan(text, &state, context)
    case .burst(let text, let terminated):
      return burst(text, terminated: terminated, &state, context)
    case .resized(let fits):
      state.viewFits = fits
      return []
    case .typed(let text):
      return type(text, &state, context)
    case .erase:
      return erase(&state, context)
    case .submit:
      return submit(&state, context)
    case .cancel:
      return cancel(&state, context)
    case .choose(let action):
      return choose(action, &state, context)
    case .toggleChoice:
      toggleChoice(&state, context)
      return []
    case .movePlan(let step):
      movePlan(step, &state, context)
      return []
    case .openSearch:
      return openSearch(&state, context)
    case .openVisits:
      return openVisits(&state, context)
    case .movePage(let step):
      return movePage(step, &state, context)
    case .moveSelection(let step):
      moveSelection(step, &state, context)
      return []
    case .undoLast:
      return askUndo(&state, context)
    case .beginOverride:
      beginOverride(&state, context)
      return []
    case .toggleLock:
      return toggleLock(&state, context)
    case .toggleHelp:
      state.helpShownAt = state.showsHelp ? nil : context.now
      return []
    case .toggleToday:
      if requireAbility(.today, &state, context) { state.showsToday.toggle() }
      return []
    case .tick:
      return rollOver(&state, context) + tick(&state, context)
    case .lookedUp(let id, let result):
      return lookedUp(id, result, &state, context)
    case .checkedIn(let id, let result):
      return checkedIn(id, result, &state, context)
    case .visitsLoaded(let id, let result):
      visitsLoaded(id, result, &state)
      return []
    case .searched(let id, let result):
      searched(id, result, &state, context)
      return []
    case .todayLoaded(let result):
      todayLoaded(result, &state, context)
      return []
    case .voided(let id, let result):
      return voided(id, result, &state, context)
    case .loggedIn(let id, let result):
      return loggedIn(id, result, &state, context)
    }
  }

  /// Esc backs out one step; from anything but a write in flight it reaches the scan field.
  private static func cancel(_ state: inout StationState, _ context: StationContext)
    -> [StationEffect]
  {
    if state.showsHelp {
      state.helpShownAt = nil
      return []
    }
    switch state.phase {
    case .ready:
      state.scanText = ""
      state.notice = nil
      return []
    case .lookingUp(let lookUp):
      state.phase = .ready
      state.notice = Notice("Lookup cancelled", tone: .info)
      return [.cancel(lookUp.id)]
    case .member(let dialog):
      state.phase = .ready
      state.notice = Notice("Nothing recorded for \(dialog.card.member.fullName)", tone: .info)
      return []
    case .submitting, .undoing:
      // The write may already be committed; leaving now would hide its outcome.
      return []
    case .result(let banner) where banner.isHeld(context):
      return []
    case .result, .confirmingUndo, .unlocking:
      state.phase = .ready
      return []
    case .overriding(let prompt):
      state.phase = .ready
      state.notice = Notice("Nothing recorded for \(prompt.card.member.fullName)", tone: .info)
      return []
    case .loggingIn(let prompt):
      state.phase = .ready
      state.notice = Notice(Self.notLoggedIn(prompt), tone: .warning)
      return takeQueuedScan(&state, context)
    case .searching(let panel):
      state.phase = .ready
      return panel.pending.map { [.cancel($0)] } ?? []
    }
  }

  /// Enter does what the current screen's highlighted choice says.
  static func submit(_ state: inout StationState, _ context: StationContext)
    -> [StationEffect]
  {
    if state.showsHelp {
      // What help covers isn't confirmed blind: Enter closes it first.
      state.helpShownAt = nil
      return []
    }
    switch state.phase {
    case .ready:
      let text = state.scanText
      if text.isEmpty { return [] }
      return scan(text, typedByHand: true, &state, context)
    case .member(let dialog):
      // A doubled terminator right behind the scan that opened the card isn't a choice.
      guard context.now.timeIntervalSince(dialog.shownAt) >= context.timing.confirmGuard else {
        return []
      }
      return confirm(dialog, dialog.choice, &state, context)
    case .result(let banner):
      // A code typed over the banner is looked up (once the banner has had its moment).
      if !state.scanText.isEmpty { return scan(state.scanText, typedByHand: true, &state, context) }
      if banner.isHeld(context) { return [] }
      state.phase = .ready
      return []
    case .searching(let panel):
      return openSelectedHit(panel, &state, context)
    case .confirmingUndo(let prompt):
      return confirmUndo(prompt, &state, context)
    case .overriding(let prompt):
      return confirmOverride(prompt, &state, context)
    case .unlocking(let prompt):
      return unlock(with: prompt.typed, &state, context)
    case .loggingIn(let prompt):
      return submitLogin(prompt, &state, context)
    case .lookingUp, .submitting, .undoing:
      // A code typed meanwhile is the next member (queued behind a write in flight).
      if state.scanText.isEmpty { return [] }
      return scan(state.scanText, &state, context)
    }
  }

  /// Says why a key did nothing when `action` isn't possible now; `true` when it is.
  static func requireAbility(
    _ action: DeskAction, _ state: inout StationState, _ context: StationContext
  ) -> Bool {
    let abilities = state.abilities(context)
    if abilities.allows(action) { return true }
    if abilities.needsUnlock(action) { state.notice = staffOnly }
    return false
  }

  static let staffOnly = Notice(
    "Staff only — press F12 or Ctrl-K and type the unlock code", tone: .warning)

  /// What was left undone when the login prompt is abandoned.
  static func notLoggedIn(_ prompt: LoginPrompt) -> String {
    switch prompt.retry {
    case .checkIn(_, let card)?:
      "Not checked in — \(card.member.fullName): the server needs a new login first"
    default:
      "Not logged in: the server needs a new login before it answers"
    }
  }

  private static func todayLoaded(
    _ result: Result<TodayOverview, BackendError>, _ state: inout StationState,
    _ context: StationContext
  ) {
    let day = CalendarDay(context.now, in: context.timeZone)
    if state.today.day != day { state.today.start(day) }
    switch result {
    case .success(let overview):
      // An answer about yesterday, arriving after midnight, says nothing about today.
      guard overview.tally.day == day else { return }
      // This station's visits newer than anything the store listed were recorded after it was
      // read (the reload was under way): they stay, counted, rather than vanish for a minute.
      // Stores keep milliseconds (servers seconds), so a listed visit may read a little earlier.
      let newest = overview.newest.map(\.checkedInAt).max()
      let listed = Set(overview.newest.map(\.id))
      let since = state.today.entries.filter { entry in
        entry.station == context.stationName && !entry.isVoided && !listed.contains(entry.id)
          && newest.map { entry.checkedInAt.timeIntervalSince($0) >= 1 } ?? true
      }
      state.today.tally = overview.tally
      state.today.entries = Array(
        overview.newest.sorted { $0.checkedInAt > $1.checkedInAt }.prefix(TodayList.window))
      for entry in since.reversed() { state.today.record(entry, timeZone: context.timeZone) }
      state.today.error = nil
      state.today.isLoaded = true
    case .failure(let error):
      state.today.error = error.message
    }
  }

  /// At the station's midnight (whatever daylight saving did to it) today's panel starts empty
  /// and is loaded afresh: a kiosk runs for weeks without a restart.
  static func rollOver(_ state: inout StationState, _ context: StationContext) -> [StationEffect] {
    let day = CalendarDay(context.now, in: context.timeZone)
    // Until the first load the panel has no day to leave: the runtime loads it at start.
    guard let shown = state.today.day, shown != day else { return [] }
    state.today.start(day)
    return [.loadToday]
  }
}
