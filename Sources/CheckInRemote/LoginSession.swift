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

/// The file that keeps the login between runs: `$XDG_CONFIG_HOME/checkin/session.json`, mode 0600.
public struct SessionFile: Sendable {
  public let path: String

  public init(path: String) {
    self.path = path
  }

  /// The saved login for `server`, if any.
  public func load(for server: ServerAddress) -> LoginSession? {
    guard let data = FileManager.default.contents(atPath: path),
      let session = try? Self.decoder.decode(LoginSession.self, from: data),
      session.server == server.description
    else { return nil }
    return session
  }

  /// Saves `session`, readable and writable by its owner only, replacing the file atomically.
  public func save(_ session: LoginSession) throws {
    let folder = (path as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(
      atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let data = try Self.encoder.encode(session)
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

  public func remove() {
    try? FileManager.default.removeItem(atPath: path)
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
