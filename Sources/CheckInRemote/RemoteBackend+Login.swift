import CheckInCore
import Foundation

struct LoginBody: Encodable, Sendable {
  let username: String
  let password: String
}

extension RemoteBackend {
  /// Logs in and keeps the session (token, user, branch) in the session file.
  public func logIn(username: String, password: String) async throws(BackendError) -> LoginSession {
    let data: LoginData
    do {
      data = try await client.send(
        "POST", "/api/auth/login", body: LoginBody(username: username, password: password),
        timeout: options.otherTimeout, authorized: false)
    } catch {
      switch error {
      case .http(401, let message, _):
        throw .server(message ?? "Invalid username or password")
      case .unauthorized(let message):
        throw .server(message)
      default:
        noteFailure(error)
        throw error.backendError
      }
    }
    noteReachable(true)
    let session = LoginSession(
      server: server.description, username: username, user: data.user,
      accessToken: data.accessToken, loggedInAt: clock())
    do {
      try sessionFile.save(session)
    } catch {
      throw .storage("Logged in, but the login couldn't be saved in \(sessionFile.path): \(error)")
    }
    client.setToken(data.accessToken)
    self.session.withLock { $0 = session }
    log(
      "logged in to \(server.host) as \(username) (branch \(data.user.branchID.map(String.init) ?? "none"))"
    )
    return session
  }

  /// Records that a request didn't get through, for the status line.
  func noteFailure(_ failure: APIFailure) {
    switch failure {
    case .notDelivered, .noAnswer: noteReachable(false)
    case .http, .unauthorized, .unreadable: noteReachable(true)
    case .cancelled, .withdrawn: break
    }
  }
}
