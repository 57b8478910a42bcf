import Foundation

extension Station {
  /// Screens left alone time out back to the scan field, so a kiosk is never stuck.
  static func tick(_ state: inout StationState, _ context: StationContext) -> [StationEffect] {
    let now = context.now
    let timing = context.timing
    if let until = state.staffUnlockedUntil, now >= until {
      let effects = relock(&state)
      state.notice = Notice("Kiosk locked again", tone: .info)
      if !effects.isEmpty { return effects }
    }
    func expired(_ since: Date, after limit: TimeInterval) -> Bool {
      now.timeIntervalSince(since) >= limit
    }
    if let since = state.helpShownAt, expired(since, after: timing.search) {
      state.helpShownAt = nil
    }
    switch state.phase {
    case .result(let banner) where expired(banner.shownAt, after: timing.result):
      state.phase = .ready
    case .member(let dialog) where dialog.decidesAt.map { now >= $0 } ?? false:
      // A kiosk that asks: nobody chose in time, so the rules' default is recorded.
      return confirm(dialog, Offer.defaultAction(for: dialog.plan), &state, context)
    case .member(let dialog) where expired(dialog.openedAt, after: timing.dialog):
      state.phase = .ready
      state.notice = Notice(
        "Nothing recorded for \(dialog.card.member.fullName): no choice was made", tone: .info)
    case .searching(let panel) where expired(panel.lastActivity, after: timing.search):
      state.phase = .ready
      return panel.pending.map { [.cancel($0)] } ?? []
    case .confirmingUndo(let prompt) where expired(prompt.askedAt, after: timing.undoPrompt):
      state.phase = .ready
    case .overriding(let prompt) where expired(prompt.openedAt, after: timing.dialog):
      state.phase = .ready
      state.notice = Notice(
        "Nothing recorded for \(prompt.card.member.fullName): the override wasn't finished",
        tone: .info)
    case .unlocking(let prompt) where expired(prompt.openedAt, after: timing.undoPrompt):
      state.phase = .ready
    case .loggingIn(let prompt)
    where prompt.pending == nil && expired(prompt.openedAt, after: timing.dialog):
      state.phase = .ready
      state.notice = Notice(notLoggedIn(prompt), tone: .warning)
      return takeQueuedScan(&state, context)
    case .lookingUp(let lookUp) where expired(lookUp.startedAt, after: timing.lookup):
      state.phase = .ready
      state.notice = Notice("The lookup took too long — scan again", tone: .error)
      return [.cancel(lookUp.id)]
    default:
      break
    }
    return []
  }

  /// The next moment the clock changes something on its own: a held banner releasing a waiting
  /// scan, or a kiosk's countdown running out. The runtime wakes for it instead of the next
  /// whole second.
  public static func nextDeadline(_ state: StationState, _ context: StationContext) -> Date? {
    switch state.phase {
    case .result(let banner) where state.queuedScan != nil:
      return banner.shownAt.addingTimeInterval(context.timing.minimumResult)
    case .member(let dialog):
      return dialog.decidesAt
    default:
      return nil
    }
  }
}
