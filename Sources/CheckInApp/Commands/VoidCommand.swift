import CheckInCore
import CheckInSQLite
import Foundation

/// `checkin void ID`: takes back a check-in recorded by mistake.
enum VoidCommand {
  static func run(_ context: CommandContext) async throws(UsageError) -> ExitCode {
    let id = try Parse.positiveID(try context.invocation.single("ATTENDANCE_ID"), what: "the id")
    do throws(BackendError) {
      let voided = try await context.openStation().backend.void(id, context.clock())
      context.console.line(
        context.json ? Reports.voided(voided).rendered : ResultText.summary(of: voided))
      return .success
    } catch {
      return context.fail(error.message)
    }
  }
}
