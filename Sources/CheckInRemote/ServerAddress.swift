import Foundation

/// The chain's server, checked before any request: `https` only, except to this machine (tests,
/// an on-box server), so a password or token never crosses a network in the clear.
public struct ServerAddress: Hashable, Sendable, CustomStringConvertible {
  public let url: URL

  public enum Problem: Error, Equatable, Sendable {
    case notAURL(String)
    case insecure(String)
    case credentials

    public var message: String {
      switch self {
      case .notAURL(let text):
        "“\(text)” is not a server address (expected https://gym.example.com)"
      case .insecure(let text):
        "\(text) is not https — the station only talks to a server over https "
          + "(plain http only to this machine)"
      case .credentials:
        "The server address must not hold a user name or password — log in with "
          + "`checkin login --user NAME`"
      }
    }
  }

  public init(_ text: String) throws(Problem) {
    var trimmed = text.trimmingCharacters(in: .whitespaces)
    while trimmed.hasSuffix("/") { trimmed.removeLast() }
    guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
      let host = url.host, !host.isEmpty, scheme == "https" || scheme == "http",
      url.query == nil, url.fragment == nil
    else {
      throw .notAURL(text)
    }
    // Never echoed back: the text may hold a password.
    if url.user != nil || url.password != nil { throw .credentials }
    if scheme == "http" && !Self.isLoopback(host) { throw .insecure(trimmed) }
    self.url = url
  }

  public var description: String { url.absoluteString }

  /// The host name, for the status line.
  public var host: String { url.host ?? url.absoluteString }

  /// Which server this is, whatever way it was written: scheme, host, port and path prefix
  /// (`https://gym.example.com:443/chain-a`). Two servers behind one host — two chains under path
  /// prefixes, staging and production on two ports, two `ssh -L` tunnels — have different keys;
  /// everything the station keeps about a server (cache, visits, outbox, login) is kept under it.
  public var key: String {
    "\(scheme)://\(host.lowercased()):\(port)\(pathPrefix)"
  }

  private var scheme: String { (url.scheme ?? "https").lowercased() }
  private var port: Int { url.port ?? (scheme == "https" ? 443 : 80) }
  private var pathPrefix: String {
    var path = url.path
    while path.hasSuffix("/") { path.removeLast() }
    return path
  }

  /// A file name part for this server: readable (host, port, path) and made unique by a hash of
  /// `key`, since turning a path into a file name can make two paths alike.
  public var fileStem: String {
    var readable = "\(host.lowercased())-\(port)"
    if !pathPrefix.isEmpty { readable += "-" + pathPrefix.dropFirst() }
    let safe = readable.map {
      $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") ? $0 : "_"
    }
    return String(safe) + "-" + Self.hash(key)
  }

  /// FNV-1a, 32 bits: stable across runs and machines, unlike `Hasher`.
  private static func hash(_ text: String) -> String {
    var value: UInt32 = 0x811C_9DC5
    for byte in text.utf8 {
      value ^= UInt32(byte)
      value = value &* 0x0100_0193
    }
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 8 - digits.count) + digits
  }

  static func isLoopback(_ host: String) -> Bool {
    let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
    if bare == "localhost" || bare == "::1" { return true }
    // Only an address in 127.0.0.0/8, written out in full: anything else — 127.example.com,
    // 127.0.0.1.nip.io — is a name the resolver may place on any machine.
    let parts = bare.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4 && parts[0] == "127" && parts.allSatisfy(isOctet)
  }

  /// 0 to 255 in plain decimal; a leading zero is refused, since some resolvers read it as octal.
  private static func isOctet(_ text: Substring) -> Bool {
    guard (1...3).contains(text.count), text.allSatisfy({ ("0"..."9").contains($0) }),
      text == "0" || !text.hasPrefix("0"), let value = Int(text)
    else { return false }
    return value <= 255
  }
}
