import Foundation

/// Who the station is logged in as, on which server. Kept in a file only its owner can read; the
/// token is never printed or logged.
public struct LoginSession: Codable, Sendable, Equatable {
  public let server: String
  public let username: String
  let user: UserDTO
  let accessToken: String
  public let loggedInAt: Date

  enum CodingKeys: String, CodingKey {
    case server, username, user
    case accessToken = "access_token"
    case loggedInAt = "logged_in_at"
  }

  public var userID: Int64 { user.id }
  public var fullName: String { user.fullName ?? user.username }
  public var role: String { user.role ?? "unknown" }
  public var branchID: Int64? { user.branchID }
  public var branchName: String? { user.branchName }
}

/// The file that keeps the logins between runs, one per server (`ServerAddress.key`):
/// `$XDG_CONFIG_HOME/checkin/session.json`, mode 0600. Logging in to one server leaves another's
/// login alone.
public struct SessionFile: Sendable {
  public let path: String

  public init(path: String) {
    self.path = path
  }

  private struct Contents: Codable {
    var sessions: [LoginSession]
  }

  /// The saved login for `server`, if any.
  public func load(for server: ServerAddress) -> LoginSession? {
    sessions().first { Self.key(of: $0) == server.key }
  }

  /// Every saved login, whichever server.
  public func sessions() -> [LoginSession] {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    if let contents = try? Self.decoder.decode(Contents.self, from: data) {
      return contents.sessions
    }
    // An earlier version kept a single login as the whole file.
    return (try? Self.decoder.decode(LoginSession.self, from: data)).map { [$0] } ?? []
  }

  /// Saves `session` in place of any login to the same server, readable and writable by its
  /// owner only, replacing the file atomically.
  public func save(_ session: LoginSession) throws {
    let key = Self.key(of: session)
    try exclusively { try store(sessions().filter { Self.key(of: $0) != key } + [session]) }
  }

  /// Forgets the login to `server`; returns whether there was one.
  @discardableResult
  public func remove(for server: ServerAddress) throws -> Bool {
    try exclusively {
      let all = sessions()
      let kept = all.filter { Self.key(of: $0) != server.key }
      guard kept.count < all.count else { return false }
      try store(kept)
      return true
    }
  }

  /// Runs a read-change-write of the file holding its lock, so two stations logging in to two
  /// servers at once both keep their login.
  private func exclusively<T>(_ body: () throws -> T) throws -> T {
    let folder = (path as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(
      atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let descriptor = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw POSIXError(.EACCES) }
    defer { close(descriptor) }
    flock(descriptor, LOCK_EX)
    return try body()
  }

  /// Forgets every login.
  public func removeAll() {
    try? FileManager.default.removeItem(atPath: path)
  }

  private static func key(of session: LoginSession) -> String? {
    (try? ServerAddress(session.server))?.key
  }

  private func store(_ sessions: [LoginSession]) throws {
    let data = try Self.encoder.encode(Contents(sessions: sessions))
    let temporary = path + ".tmp"
    // Created 0600 before anything is written to it: the token is never readable by others.
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw POSIXError(.EACCES) }
    let written = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    fsync(descriptor)
    close(descriptor)
    guard written == data.count else { throw POSIXError(.EIO) }
    _ = chmod(temporary, 0o600)
    guard rename(temporary, path) == 0 else { throw POSIXError(.EIO) }
  }

  private static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .secondsSince1970
    encoder.outputFormatting = [.sortedKeys]
    return encoder
  }()

  private static let decoder: JSONDecoder = {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .secondsSince1970
    return decoder
  }()
}
