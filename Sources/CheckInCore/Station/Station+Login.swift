import Foundation

extension Station {
  /// The store refused the station's login: ask for the password, to try `retry` once more.
  static func askLogin(
    retry: LoginPrompt.Retry?, _ state: inout StationState, _ context: StationContext
  ) -> [StationEffect] {
    state.phase = .loggingIn(LoginPrompt(retry: retry, openedAt: context.now))
    return [.signal(.needsStaff)]
  }

  static func submitLogin(
    _ prompt: LoginPrompt, _ state: inout StationState, _ context: StationContext
  ) -> [StationEffect] {
    guard prompt.pending == nil, !prompt.password.isEmpty else { return [] }
    var prompt = prompt
    let id = state.issueRequestID()
    let password = prompt.password
    prompt.pending = id
    prompt.password = ""
    prompt.error = nil
    state.phase = .loggingIn(prompt)
    return [.login(id, password: password)]
  }

  static func loggedIn(
    _ id: RequestID, _ result: Result<LoginAccepted, BackendError>, _ state: inout StationState,
    _ context: StationContext
  ) -> [StationEffect] {
    guard case .loggingIn(var prompt) = state.phase, prompt.pending == id else { return [] }
    prompt.pending = nil
    switch result {
    case .failure(let error):
      prompt.error = error.message
      prompt.openedAt = context.now
      state.phase = .loggingIn(prompt)
      return []
    case .success:
      state.notice = Notice("Logged in again", tone: .success)
      switch prompt.retry {
      case nil:
        state.phase = .ready
        return []
      case .lookUp(let payload)?:
        return startLookUp(payload, &state, context)
      case .checkIn(let request, let card)?:
        // Tried once more, exactly once: a second refusal ends at the scan field.
        let retryID = state.issueRequestID()
        var retried = request
        retried.requestedAt = context.now
        state.phase = .submitting(
          Submission(
            id: retryID, card: card, action: request.action,
            plan: card.subscriptions.first { $0.id == request.subscriptionID },
            override: request.override, request: retried, isRetry: true))
        return [.checkIn(retryID, retried)]
      }
    }
  }
}
