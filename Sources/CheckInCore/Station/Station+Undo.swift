import Foundation

extension Station {
  /// Staff asked to void a check-in: at the scan field, this station's newest that is still in the
  /// undo window; in today's visits, the highlighted one, if it is this station's and recent.
  static func askUndo(_ state: inout StationState, _ context: StationContext) -> [StationEffect] {
    var picked: AttendanceEntry?
    switch state.phase {
    case .ready, .result:
      break
    case .searching(let panel) where panel.scope == .todaysVisits:
      guard let entry = panel.selectedVisit else { return [] }
      picked = entry
    default:
      return []
    }
    guard context.allowsUndo else {
      state.notice = Notice(
        "This store can't void a check-in from the station — void it where it was recorded",
        tone: .warning)
      return []
    }
    guard state.isStaffUnlocked(context) else {
      state.notice = staffOnly
      return []
    }
    if let entry = picked {
      guard state.canVoid(entry, context) else {
        state.notice = Notice(whyNotVoidable(entry, context), tone: .warning)
        return []
      }
      state.phase = .confirmingUndo(UndoPrompt(target: VoidTarget(entry), askedAt: context.now))
      return []
    }
    guard let entry = state.undoCandidate(context) else {
      state.phase = .ready
      let own = state.today.entries.filter { $0.station == context.stationName && !$0.isVoided }
      if let newest = own.max(by: { $0.checkedInAt < $1.checkedInAt }) {
        state.notice = Notice(whyNotVoidable(newest, context), tone: .warning)
      } else {
        state.notice = Notice(
          "Nothing to undo: no check-in at this station today", tone: .warning)
      }
      return []
    }
    state.phase = .confirmingUndo(UndoPrompt(target: VoidTarget(entry), askedAt: context.now))
    return []
  }

  /// Why `entry` can't be voided from here, and where it can be.
  private static func whyNotVoidable(_ entry: AttendanceEntry, _ context: StationContext)
    -> String
  {
    if entry.isVoided { return "\(entry.memberName)'s check-in is voided already" }
    if entry.station != context.stationName {
      let station = entry.station.map { "at \($0)" } ?? "elsewhere"
      return "\(entry.memberName)'s check-in was recorded \(station) — void it there, "
        + "or with `checkin void \(entry.id)`"
    }
    let minutes = Int(context.timing.undoWindow / 60)
    return "Too late to undo here (over \(minutes) min) — use `checkin void \(entry.id)`"
  }

  static func confirmUndo(
    _ prompt: UndoPrompt, _ state: inout StationState, _ context: StationContext
  ) -> [StationEffect] {
    let id = state.issueRequestID()
    state.phase = .undoing(id, prompt.target)
    return [.void(id, attendanceID: prompt.target.attendanceID)]
  }

  static func voided(
    _ id: RequestID, _ result: Result<VoidReceipt, BackendError>, _ state: inout StationState,
    _ context: StationContext
  ) -> [StationEffect] {
    guard case .undoing(let pending, let target) = state.phase, pending == id else { return [] }
    state.phase = .ready
    var effects: [StationEffect] = []
    switch result {
    case .success(let voided):
      if state.lastCheckIn?.attendanceID == target.attendanceID { state.lastCheckIn = nil }
      state.notice = Notice(ResultText.summary(of: voided), tone: .success)
      state.today.void(
        voided.attendanceID, checkedInAt: target.checkedInAt, timeZone: context.timeZone)
    case .failure(let error):
      state.notice = Notice("Not voided: \(error.message)", tone: .error)
      effects.append(.signal(.needsStaff))
    }
    return effects + takeQueuedScan(&state, context)
  }
}
