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

  /// The query changed: ask for hits, superseding the search in flight.
  static func searchChanged(
    _ panel: SearchPanel, _ state: inout StationState, _ context: StationContext
  ) -> [StationEffect] {
    var panel = panel
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
          delay: context.timing.searchDebounce))
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
    guard case .searching(var panel) = state.phase, let hits = panel.page?.hits, !hits.isEmpty
    else { return }
    panel.selection = min(max(panel.selection + step, 0), hits.count - 1)
    panel.lastActivity = context.now
    state.phase = .searching(panel)
  }

  /// Enter on a hit opens the member as if their card had been scanned.
  static func openSelectedHit(
    _ panel: SearchPanel, _ state: inout StationState, _ context: StationContext
  ) -> [StationEffect] {
    guard let hits = panel.page?.hits, hits.indices.contains(panel.selection) else { return [] }
    guard state.isStaffUnlocked(context) else {
      state.notice = staffOnly
      return []
    }
    let effects: [StationEffect] = panel.pending.map { [.cancel($0)] } ?? []
    return effects + startLookUp(.member(hits[panel.selection].id), &state, context)
  }
}
