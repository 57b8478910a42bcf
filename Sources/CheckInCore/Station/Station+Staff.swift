import Foundation

extension Station {
  /// From a refusal banner about a known member, staff may let them in with a reason.
  static func beginOverride(_ state: inout StationState, _ context: StationContext) {
    guard case .result(let banner) = state.phase,
      case .refused(let refusal, _) = banner.outcome, let card = banner.card
    else { return }
    guard context.allowsOverride else {
      state.notice = Notice(
        "This store can't record an override — the member must be let in at the desk",
        tone: .warning)
      return
    }
    guard requireAbility(.override, &state, context) else { return }
    state.phase = .overriding(
      OverridePrompt(
        card: card, refusal: refusal, presets: context.overrideReasons, openedAt: context.now))
  }

  /// Records the override: a visit without deduction, with the refusal and the reason.
  static func confirmOverride(
    _ prompt: OverridePrompt, _ state: inout StationState, _ context: StationContext
  ) -> [StationEffect] {
    guard let reason = prompt.chosenReason else {
      let ask =
        prompt.presets.isEmpty
        ? "Type a reason for letting the member in"
        : "Pick a reason with ↑ ↓, or type another one"
      state.notice = Notice(ask, tone: .warning)
      return []
    }
    let override = StaffOverride(refusedAs: prompt.refusal.code, reason: reason)
    let id = state.issueRequestID()
    let request = CheckInRequest(
      memberID: prompt.card.member.id, code: nil, subscriptionID: nil, action: .checkInOnly,
      policy: context.policy, station: context.stationName, requestedAt: context.now,
      override: override, memberName: prompt.card.member.fullName)
    state.notice = nil
    state.phase = .submitting(
      Submission(
        id: id, card: prompt.card, action: .checkInOnly, plan: nil, override: override,
        request: request))
    return [.checkIn(id, request)]
  }

  /// F12 at a kiosk: start typing the unlock code, or lock again when unlocked.
  static func toggleLock(_ state: inout StationState, _ context: StationContext)
    -> [StationEffect]
  {
    guard let kiosk = context.kiosk else { return [] }
    if kiosk.unlockCode.isEmpty {
      state.notice = Notice(
        "No unlock code is set for this kiosk (kiosk_unlock_code): staff keys stay locked",
        tone: .warning)
      return []
    }
    guard state.abilities(context).allows(.lock) else { return [] }
    if state.isStaffUnlocked(context) {
      let effects = relock(&state)
      state.notice = Notice("Kiosk locked", tone: .info)
      return effects
    }
    if let shut = state.unlockShutUntil, context.now < shut {
      let seconds = Int(shut.timeIntervalSince(context.now).rounded(.up))
      state.notice = Notice("Too many wrong unlock codes — try again in \(seconds) s", tone: .error)
      return []
    }
    switch state.phase {
    case .ready, .result:
      state.phase = .unlocking(UnlockPrompt(openedAt: context.now))
    default:
      break
    }
    return []
  }

  /// Locks the kiosk and closes what only staff may see or do: a search lists members' names
  /// and phones, and an undo or override left open must not be finished by the next member.
  static func relock(_ state: inout StationState) -> [StationEffect] {
    state.staffUnlockedUntil = nil
    switch state.phase {
    case .searching(let panel):
      state.phase = .ready
      return panel.pending.map { [.cancel($0)] } ?? []
    case .confirmingUndo, .overriding:
      state.phase = .ready
    default:
      break
    }
    return []
  }

  static func unlock(with code: String, _ state: inout StationState, _ context: StationContext)
    -> [StationEffect]
  {
    state.phase = .ready
    guard let kiosk = context.kiosk else { return [] }
    guard !kiosk.unlockCode.isEmpty, code == kiosk.unlockCode else {
      state.unlockFailures += 1
      let wait = KioskLock.lockout(afterFailures: state.unlockFailures)
      var text = "Wrong unlock code"
      if wait > 0 {
        state.unlockShutUntil = context.now.addingTimeInterval(wait)
        text += " — next try in \(Int(wait)) s"
      }
      state.notice = Notice(text, tone: .error)
      return [
        .log(
          "kiosk: wrong unlock code (\(state.unlockFailures) in a row; next try in \(Int(wait)) s)"),
        .signal(.refused),
      ]
    }
    let failures = state.unlockFailures
    state.unlockFailures = 0
    state.unlockShutUntil = nil
    let until = context.now.addingTimeInterval(kiosk.unlockedFor)
    state.staffUnlockedUntil = until
    state.notice = Notice(
      "Staff keys unlocked until \(ClockText.hoursMinutes(until, in: context.timeZone)) — "
        + "F12 or Ctrl-K locks again", tone: .success)
    return [.log("kiosk: staff keys unlocked after \(failures) wrong codes")]
  }
}
