import Foundation

/// The chain's server, checked before any request: `https` only, except to this machine (tests,
/// an on-box server), so a password or token never crosses a network in the clear.
public struct ServerAddress: Hashable, Sendable, CustomStringConvertible {
  public let url: URL

  public enum Problem: Error, Equatable, Sendable {
    case notAURL(String)
    case insecure(String)

    public var message: String {
      switch self {
      case .notAURL(let text):
        "“\(text)” is not a server address (expected https://gym.example.com)"
      case .insecure(let text):
        "\(text) is not https — the station only talks to a server over https "
          + "(plain http only to this machine)"
      }
    }
  }

  public init(_ text: String) throws(Problem) {
    var trimmed = text.trimmingCharacters(in: .whitespaces)
    while trimmed.hasSuffix("/") { trimmed.removeLast() }
    guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
      let host = url.host, !host.isEmpty, scheme == "https" || scheme == "http"
    else {
      throw .notAURL(text)
    }
    if scheme == "http" && !Self.isLoopback(host) { throw .insecure(trimmed) }
    self.url = url
  }

  public var description: String { url.absoluteString }

  /// The host name, for the status line.
  public var host: String { url.host ?? url.absoluteString }

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
