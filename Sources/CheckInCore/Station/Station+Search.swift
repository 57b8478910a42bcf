import Foundation

extension Station {
  static func openSearch(_ state: inout StationState, _ context: StationContext)
    -> [StationEffect]
  {
    switch state.phase {
    case .ready, .result:
      // At a kiosk, members' names and phones are for staff eyes only.
      guard requireAbility(.search, &state, context) else { return [] }
      state.phase = .searching(SearchPanel(lastActivity: context.now))
      state.helpShownAt = nil
      // What was typed into the scan field is most likely a name the scanner can't read.
      let typed = state.scanText
      state.scanText = ""
      guard !typed.isEmpty, case .searching(var panel) = state.phase else { return [] }
      panel.query = typed
      return searchChanged(panel, &state, context)
    default:
      return []
    }
  }

  /// Today's visits, newest first: the list a busy day keeps in the store, a page at a time.
  static func openVisits(_ state: inout StationState, _ context: StationContext)
    -> [StationEffect]
  {
    switch state.phase {
    case .ready, .result:
      // Other members' names are for staff eyes only.
      guard requireAbility(.today, &state, context) else { return [] }
      state.helpShownAt = nil
      state.scanText = ""
      let panel = SearchPanel(scope: .todaysVisits, lastActivity: context.now)
      return loadVisits(panel, offset: 0, delay: 0, &state, context)
    default:
      return []
    }
  }

  /// Asks for the page of today's visits from `offset`, superseding the one in flight.
  private static func loadVisits(
    _ panel: SearchPanel, offset: Int, delay: Double, _ state: inout StationState,
    _ context: StationContext
  ) -> [StationEffect] {
    var panel = panel
    var effects: [StationEffect] = panel.pending.map { [.cancel($0)] } ?? []
    let id = state.issueRequestID()
    panel.pending = id
    panel.offset = offset
    panel.lastActivity = context.now
    panel.error = nil
    effects.append(
      .loadVisits(
        id,
        VisitsRequest(
          query: panel.query, offset: offset, limit: context.searchLimit, delay: delay)))
    state.phase = .searching(panel)
    return effects
  }

  static func visitsLoaded(
    _ id: RequestID, _ result: Result<VisitsPage, BackendError>, _ state: inout StationState
  ) {
    guard case .searching(var panel) = state.phase, panel.pending == id else { return }
    panel.pending = nil
    switch result {
    case .success(let page):
      panel.visits = page
      panel.offset = page.offset
      panel.selection = min(panel.selection, max(0, page.entries.count - 1))
    case .failure(.cancelled):
      break
    case .failure(let error):
      panel.error = error.message
    }
    state.phase = .searching(panel)
  }

  /// PgDn / PgUp in today's visits: the next older or newer page.
  static func movePage(_ step: Int, _ state: inout StationState, _ context: StationContext)
    -> [StationEffect]
  {
    guard case .searching(var panel) = state.phase, panel.scope == .todaysVisits else {
      return []
    }
    let size = context.searchLimit
    if step > 0 && panel.visits?.hasMore != true { return [] }
    let offset = max(0, panel.offset + step * size)
    if step < 0 && offset == panel.offset { return [] }
    panel.selection = step > 0 ? 0 : size - 1
    return loadVisits(panel, offset: offset, delay: 0, &state, context)
  }

  /// The query changed: ask for hits, superseding the search in flight. `delay`: how long to wait
  /// for more typing first (the debounce, unless the query was sent with Enter).
  static func searchChanged(
    _ panel: SearchPanel, delay: Double? = nil, _ state: inout StationState,
    _ context: StationContext
  ) -> [StationEffect] {
    var panel = panel
    if panel.scope == .todaysVisits {
      panel.selection = 0
      let typed = !panel.query.trimmingCharacters(in: .whitespaces).isEmpty
      return loadVisits(
        panel, offset: 0, delay: typed ? context.timing.searchDebounce : 0, &state, context)
    }
    var effects: [StationEffect] = panel.pending.map { [.cancel($0)] } ?? []
    panel.pending = nil
    panel.lastActivity = context.now
    panel.error = nil
    if panel.query.trimmingCharacters(in: .whitespaces).isEmpty {
      panel.page = nil
      panel.selection = 0
    } else {
      let id = state.issueRequestID()
      panel.pending = id
      effects.append(
        .search(
          id, query: panel.query, limit: context.searchLimit,
          delay: delay ?? context.timing.searchDebounce))
    }
    state.phase = .searching(panel)
    return effects
  }

  static func searched(
    _ id: RequestID, _ result: Result<SearchPage, BackendError>, _ state: inout StationState,
    _ context: StationContext
  ) {
    guard case .searching(var panel) = state.phase, panel.pending == id else { return }
    panel.pending = nil
    switch result {
    case .success(let page):
      panel.page = page
      panel.selection = 0
      panel.error = nil
    case .failure(.cancelled):
      break
    case .failure(let error):
      panel.error = error.message
    }
    state.phase = .searching(panel)
  }

  static func moveSelection(_ step: Int, _ state: inout StationState, _ context: StationContext) {
    if case .overriding(var prompt) = state.phase {
      prompt.move(step)
      state.phase = .overriding(prompt)
      return
    }
    guard case .searching(var panel) = state.phase else { return }
    let count =
      panel.scope == .members ? panel.page?.hits.count ?? 0 : panel.visits?.entries.count ?? 0
    guard count > 0 else { return }
    panel.selection = min(max(panel.selection + step, 0), count - 1)
    panel.lastActivity = context.now
    state.phase = .searching(panel)
  }

  /// Enter on a hit opens the member as if their card had been scanned.
  static func openSelectedHit(
    _ panel: SearchPanel, _ state: inout StationState, _ context: StationContext
  ) -> [StationEffect] {
    let member: Int64
    switch panel.scope {
    case .members:
      guard let hits = panel.page?.hits, hits.indices.contains(panel.selection) else { return [] }
      member = hits[panel.selection].id
    case .todaysVisits:
      guard let entries = panel.visits?.entries, entries.indices.contains(panel.selection) else {
        return []
      }
      member = entries[panel.selection].memberID
    }
    guard state.isStaffUnlocked(context) else {
      state.notice = staffOnly
      return []
    }
    let effects: [StationEffect] = panel.pending.map { [.cancel($0)] } ?? []
    return effects + startLookUp(.member(member), &state, context)
  }
}
