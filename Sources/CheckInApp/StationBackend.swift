import CheckInCore
import CheckInRemote
import CheckInSQLite
import Foundation

/// The store a command runs on, ready to use: the local database or the chain's server.
struct StationBackend {
  let backend: Backend
  /// The settings with the branch the store decided (a server login names the receptionist's).
  let settings: Settings
  /// For the status line: the database file or the server's host.
  let storeName: String
  let branchName: String
  let local: LocalStore?
  let remote: RemoteBackend?
}

extension CommandContext {
  /// Opens the station's store: the chain's server when `--api` (or `api =`) is set, else the
  /// local database, whose branch must exist there.
  func openStation() throws(BackendError) -> StationBackend {
    if let api = settings.api { return try openRemote(api) }
    let store = try openStore()
    let branches = try store.branches()
    guard let branch = branches.first(where: { $0.id == settings.branchID }) else {
      let known = branches.map { "\($0.id) \($0.name)" }.joined(separator: ", ")
      throw .storage(
        "Branch \(settings.branchID) isn't in \(settings.databasePath) (branches: "
          + "\(known.isEmpty ? "none" : known)) — check --branch")
    }
    return StationBackend(
      backend: SQLiteBackend(store: store).backend, settings: settings,
      storeName: (store.database.path as NSString).lastPathComponent, branchName: branch.name,
      local: store, remote: nil)
  }

  /// The server's address, or a usage error that says what is wrong with it.
  func serverAddress(_ text: String) throws(BackendError) -> ServerAddress {
    do {
      return try ServerAddress(text)
    } catch {
      throw .storage(error.message)
    }
  }

  func makeRemote(_ address: ServerAddress) throws(BackendError) -> RemoteBackend {
    let paths = Paths(environment: environment)
    let log = LogFile(path: paths.logFile)
    let cache = try RemoteCache(path: paths.remoteCache(server: address), server: address.key)
    let legacy = paths.legacyRemoteCache(host: address.host)
    let adopted: Int
    do {
      adopted = try cache.adoptLegacyOutbox(from: legacy, at: clock())
    } catch {
      // An old file that can't be read mustn't keep the station from its server; it stays
      // where it is for someone to look at.
      adopted = 0
      log.write(
        .warning, "the old per-host cache \(legacy) couldn't be taken over: \(error.message)")
    }
    if adopted > 0 {
      log.write(
        .warning,
        "\(adopted) outbox entries taken over from the old per-host cache, to review: "
          + "their server can't be told, so they are never sent (checkin outbox)")
    }
    var options = RemoteOptions(
      lookupTimeout: settings.lookupTimeout, checkInTimeout: settings.checkInTimeout,
      cacheMaxAge: settings.offlineCacheHours * 3600)
    options.phoneCountryCode = settings.phoneCountryCode
    return RemoteBackend(
      server: address, sessionFile: SessionFile(path: paths.sessionFile), cache: cache,
      options: options,
      clock: clock, timeZone: timeZone, log: { log.write(.info, $0) })
  }

  private func openRemote(_ api: String) throws(BackendError) -> StationBackend {
    let address = try serverAddress(api)
    let remote = try makeRemote(address)
    guard let session = remote.loginSession else {
      throw .storage(
        "Not logged in to \(address.host) — run `checkin login --api \(address) --user NAME`")
    }
    var settings = self.settings
    if !settings.branchGiven, let branch = session.branchID { settings.branchID = branch }
    let branchName =
      session.branchID == settings.branchID ? session.branchName ?? "branch" : "branch"
    return StationBackend(
      backend: remote.backend, settings: settings, storeName: address.host,
      branchName: branchName, local: nil, remote: remote)
  }
}
