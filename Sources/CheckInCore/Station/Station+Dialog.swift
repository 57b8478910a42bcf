import Foundation

extension Station {
  /// `1` / `2`: pick an action and confirm it in one key press.
  static func choose(
    _ action: CheckInAction, _ state: inout StationState, _ context: StationContext
  ) -> [StationEffect] {
    guard case .member(let dialog) = state.phase else { return [] }
    return confirm(dialog, action, &state, context)
  }

  static func confirm(
    _ dialog: MemberDialog, _ action: CheckInAction, _ state: inout StationState,
    _ context: StationContext
  ) -> [StationEffect] {
    // Deduct isn't offered on a plan with nothing to deduct; the key does nothing there.
    if action == .deduct && !dialog.canDeduct { return [] }
    let id = state.issueRequestID()
    let request = CheckInRequest(
      memberID: dialog.card.member.id, code: code(of: dialog.payload),
      subscriptionID: dialog.plan.id, action: action, policy: context.policy,
      station: context.stationName, requestedAt: context.now,
      memberName: dialog.card.member.fullName, kind: dialog.plan.kind)
    state.phase = .submitting(
      Submission(
        id: id, card: dialog.card, action: action, plan: dialog.plan, override: nil,
        request: request, payload: dialog.payload))
    return [.checkIn(id, request)]
  }

  static func toggleChoice(_ state: inout StationState, _ context: StationContext) {
    guard case .member(var dialog) = state.phase, dialog.canDeduct else { return }
    dialog.choice = dialog.choice == .deduct ? .checkInOnly : .deduct
    // Someone is at the keys: the dialog's time-out counts from now, and a kiosk that asks
    // leaves the choice to them.
    dialog.openedAt = context.now
    dialog.decidesAt = nil
    state.phase = .member(dialog)
  }

  static func movePlan(_ step: Int, _ state: inout StationState, _ context: StationContext) {
    guard case .member(var dialog) = state.phase, dialog.plans.count > 1 else { return }
    dialog.openedAt = context.now
    dialog.decidesAt = nil
    let count = dialog.plans.count
    dialog.planIndex = ((dialog.planIndex + step) % count + count) % count
    dialog.choice = Offer.defaultAction(for: dialog.plan)
    state.phase = .member(dialog)
  }

  static func checkedIn(
    _ id: RequestID, _ result: Result<Receipt, BackendError>, _ state: inout StationState,
    _ context: StationContext
  ) -> [StationEffect] {
    guard case .submitting(let submission) = state.phase, submission.id == id else { return [] }
    var effects: [StationEffect]
    let card = submission.card
    // What was recorded (or not) is shown, never left under the help overlay.
    state.helpShownAt = nil
    switch result {
    case .success(let receipt):
      state.lastCheckIn = receipt
      state.phase = .result(
        ResultBanner(
          outcome: .checkedIn(receipt), card: card, shownAt: context.now,
          payload: submission.payload))
      let sound: Signal = receipt.discrepancy == nil ? .checkedIn : .needsStaff
      effects = [.announce(receipt), .signal(sound)]
      // The day's list learns of this station's visit at once; other stations' visits come with
      // the runtime's periodic reload. Reloading the whole list after every scan costs a busy
      // desk more than the check-in itself.
      state.today.record(
        AttendanceEntry(
          id: receipt.attendanceID, memberID: receipt.memberID, memberName: receipt.memberName,
          checkedInAt: receipt.checkedInAt, action: receipt.action, deducted: receipt.deducted,
          subscriptionID: receipt.subscriptionID, branchID: context.policy.branchID,
          station: context.stationName, overrideReason: receipt.overrideReason,
          kind: receipt.kind),
        timeZone: context.timeZone)
      if state.queuedScan != nil {
        state.notice = Notice(ResultText.summary(of: receipt), tone: .success)
      }
    case .failure(.refused(let refusal)):
      // Another station got there first, or the plan ran out meanwhile.
      effects = refuse(refusal, card: card, &state, context)
      if state.queuedScan != nil {
        // The next member's card follows the banner's first second: the line keeps what
        // happened after it.
        let reason = refusal.message(name: card.member.fullName, timeZone: context.timeZone)
        state.notice = Notice("Not checked in — \(reason)", tone: .error)
      }
    case .failure(.unauthorized) where !submission.isRetry:
      effects = askLogin(retry: .checkIn(submission.request, card), &state, context)
    case .failure(.unknownOutcome(let text)):
      state.phase = .ready
      state.notice = Notice("Not confirmed — \(card.member.fullName): \(text)", tone: .error)
      effects = [.signal(.needsStaff)]
    case .failure(let error):
      state.phase = .ready
      state.notice = Notice(
        "Not checked in — \(card.member.fullName): \(error.message)", tone: .error)
      effects = [.signal(.needsStaff)]
    }
    return effects + takeQueuedScan(&state, context)
  }

  /// Looks up the scan that waited for a write to finish.
  static func takeQueuedScan(_ state: inout StationState, _ context: StationContext)
    -> [StationEffect]
  {
    guard let text = state.queuedScan else { return [] }
    // The login prompt retries the check-in first; the scan waits for it (or for Esc).
    if case .loggingIn = state.phase { return [] }
    state.queuedScan = nil
    let notice = state.notice
    let effects = scan(text, &state, context)
    // Keep the line saying how the previous member's check-in ended.
    if state.notice == nil { state.notice = notice }
    return effects
  }

  private static func code(of payload: ScanPayload) -> String? {
    switch payload {
    case .code(let code), .idForm(let code, _): code
    case .member: nil
    }
  }
}
