import Foundation

extension Station {
  /// Staff asked to void this station's last check-in; it must be recent enough.
  static func askUndo(_ state: inout StationState, _ context: StationContext) -> [StationEffect] {
    switch state.phase {
    case .ready, .result: break
    default: return []
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
    guard let receipt = state.lastCheckIn else {
      state.phase = .ready
      state.notice = Notice("Nothing to undo: no check-in at this station yet", tone: .warning)
      return []
    }
    let age = context.now.timeIntervalSince(receipt.checkedInAt)
    guard age <= context.timing.undoWindow else {
      let minutes = Int(context.timing.undoWindow / 60)
      state.phase = .ready
      state.notice = Notice(
        "Too late to undo here (over \(minutes) min) — use `checkin void \(receipt.attendanceID)`",
        tone: .warning)
      return []
    }
    state.phase = .confirmingUndo(UndoPrompt(receipt: receipt, askedAt: context.now))
    return []
  }

  static func confirmUndo(
    _ prompt: UndoPrompt, _ state: inout StationState, _ context: StationContext
  ) -> [StationEffect] {
    let id = state.issueRequestID()
    state.phase = .undoing(id, prompt.receipt)
    return [.void(id, attendanceID: prompt.receipt.attendanceID)]
  }

  static func voided(
    _ id: RequestID, _ result: Result<VoidReceipt, BackendError>, _ state: inout StationState,
    _ context: StationContext
  ) -> [StationEffect] {
    guard case .undoing(let pending, let receipt) = state.phase, pending == id else { return [] }
    state.phase = .ready
    var effects: [StationEffect] = []
    switch result {
    case .success(let voided):
      if state.lastCheckIn?.attendanceID == receipt.attendanceID { state.lastCheckIn = nil }
      state.notice = Notice(ResultText.summary(of: voided), tone: .success)
      state.today.void(
        voided.attendanceID, checkedInAt: receipt.checkedInAt, timeZone: context.timeZone)
    case .failure(let error):
      state.notice = Notice("Not voided: \(error.message)", tone: .error)
      effects.append(.signal(.needsStaff))
    }
    return effects + takeQueuedScan(&state, context)
  }
}
