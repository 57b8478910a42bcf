import CheckInCore
import CheckInRemote
import Foundation

/// `checkin login --api URL --user NAME`: logs the station in to the chain's server.
enum LoginCommand {
  static func run(_ context: CommandContext) async throws(UsageError) -> ExitCode {
    try context.invocation.noArguments()
    guard let api = context.settings.api else {
      throw UsageError(
        message: "`login` needs the server: --api https://gym.example.com (or api = in the "
          + "configuration)", command: "login")
    }
    guard let user = context.invocation.value("user"), !user.isEmpty else {
      throw UsageError(message: "`login` needs --user NAME", command: "login")
    }
    let remote: RemoteBackend
    do throws(BackendError) {
      remote = try context.makeRemote(try context.serverAddress(api))
    } catch {
      return context.fail(error.message)
    }
    let password: String?
    if context.invocation.has("password-stdin") {
      password = context.console.readLine()
    } else {
      password = context.console.readSecret("Password for \(user) at \(remote.server.host): ")
    }
    guard let password, !password.isEmpty else {
      return context.fail(
        "No password given — type it when asked, or pipe it with --password-stdin",
        status: .usage)
    }
    do throws(BackendError) {
      let session = try await remote.logIn(username: user, password: password)
      let path = Paths(environment: context.environment).sessionFile
      if context.json {
        context.console.line(
          JSONValue.object([
            ("server", .string(session.server)), ("username", .string(session.username)),
            ("user_id", .integer(session.userID)), ("role", .string(session.role)),
            ("branch_id", .integer(session.branchID)), ("branch_name", .string(session.branchName)),
          ]).rendered)
      } else {
        let branch =
          session.branchID.map { "\(session.branchName ?? "branch") (\($0))" } ?? "no branch"
        context.console.line(
          "Logged in to \(remote.server.host) as \(session.fullName) (\(session.role)), \(branch).")
        context.console.line("The login is kept in \(path), readable by you only.")
      }
      return .success
    } catch {
      return context.fail("Not logged in: \(error.message)")
    }
  }
}

/// `checkin logout`: forgets the login to the server `--api` names, or every login.
enum LogoutCommand {
  static func run(_ context: CommandContext) throws(UsageError) -> ExitCode {
    try context.invocation.noArguments()
    let file = SessionFile(path: Paths(environment: context.environment).sessionFile)
    guard let api = context.settings.api else {
      file.removeAll()
      context.console.line("Logged out of every server: \(file.path) removed")
      return .success
    }
    do throws(BackendError) {
      let address = try context.serverAddress(api)
      let removed = (try? file.remove(for: address)) ?? false
      context.console.line(
        removed ? "Logged out of \(address.host)" : "Not logged in to \(address.host)")
      return .success
    } catch {
      return context.fail(error.message)
    }
  }
}
