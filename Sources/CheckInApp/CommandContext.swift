import CheckInCore
import CheckInSQLite
import Foundation

/// What every command runs with.
struct CommandContext: Sendable {
  let invocation: Invocation
  let settings: Settings
  let console: Console
  let environment: [String: String]
  let clock: @Sendable () -> Date
  let timeZone: TimeZone

  var json: Bool { settings.json }

  /// Opens the station's database; the demo database is created on first use.
  func openStore(create: Bool = false) throws(BackendError) -> LocalStore {
    if settings.isDemo && !FileManager.default.fileExists(atPath: settings.databasePath) {
      let count = try DemoCommand.create(at: settings.databasePath, context: self)
      console.warn("created the demo database at \(settings.databasePath) (\(count) members)")
    }
    if create {
      do {
        try Paths.makeParentDirectory(of: settings.databasePath)
      } catch {
        throw .storage("Can't create the folder for \(settings.databasePath): \(error)")
      }
    }
    var options = LocalStore.Options(
      create: create, busyTimeoutMilliseconds: settings.busyTimeoutMilliseconds)
    options.phoneCountryCode = settings.phoneCountryCode
    let store = try LocalStore(
      path: settings.databasePath, options: options, clock: clock, timeZone: timeZone)
    warnIfOthersCanRead(settings.databasePath)
    return store
  }

  /// Members' names, phones, birth dates and health notes are in the file: say so when other
  /// users of the machine can read this user's file (one made before the station kept its files
  /// private, or copied in).
  func warnIfOthersCanRead(_ path: String) {
    var status = stat()
    // Only a file of this user's, who can change it: a database another user shares read-only
    // on purpose is theirs to decide.
    guard stat(path, &status) == 0, status.st_mode & 0o044 != 0, status.st_uid == getuid() else {
      return
    }
    let mode = String(status.st_mode & 0o777, radix: 8)
    console.warn(
      "\(path) can be read by other users of this machine (mode \(mode)) and holds members' "
        + "personal data — chmod 600 \(path)")
  }

  func stationContext(_ settings: Settings) -> StationContext {
    StationContext(
      now: clock(), timeZone: timeZone, policy: settings.policy,
      stationName: settings.stationName)
  }

  /// Reports a failure in the output's format and returns the matching status.
  func fail(_ message: String, status: ExitCode = .failure) -> ExitCode {
    if json {
      console.line(Reports.error(message).rendered)
    } else {
      console.warn(message)
    }
    return status
  }
}
