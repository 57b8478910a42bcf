import CheckInCore
import Foundation
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The station's link to the chain's server for its whole life: one URLSession for `https`
/// (reusing keep-alive connections where a server keeps them), the station's own socket per
/// request for plain `http` on this machine (`PlainHTTPTransfer`). Never logs tokens or bodies.
final class APIClient: Sendable {
  let server: ServerAddress
  private let session: URLSession
  private let token: Mutex<String?>
  private let log: @Sendable (String) -> Void

  /// Whether requests go over a plain socket of the station's own rather than URLSession.
  private let usesPlainHTTP: Bool
  /// When the server last answered anything at all (any status): tells a slow server from a
  /// dead one.
  private let lastAnswer = Mutex<ContinuousClock.Instant?>(nil)

  /// Whether the server answered any request since `instant`.
  func answered(since instant: ContinuousClock.Instant) -> Bool {
    lastAnswer.withLock { $0.map { $0 >= instant } ?? false }
  }

  init(
    server: ServerAddress, token: String?, transport: RemoteOptions.Transport = .automatic,
    log: @escaping @Sendable (String) -> Void
  ) {
    self.server = server
    usesPlainHTTP = transport == .automatic && server.url.scheme?.lowercased() == "http"
    self.token = Mutex(token)
    self.log = log
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpMaximumConnectionsPerHost = 4
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    // No cache at all: besides having nothing to keep, a session with one looks answers up on a
    // background queue, and a cancel landing in that window can trap in FoundationNetworking.
    configuration.urlCache = nil
    configuration.httpShouldSetCookies = false
    configuration.timeoutIntervalForRequest = 60
    session = URLSession(
      configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
  }

  deinit {
    session.finishTasksAndInvalidate()
  }

  func setToken(_ value: String?) {
    token.withLock { $0 = value }
  }

  var hasToken: Bool { token.withLock { $0 != nil } }

  /// Sends one request and decodes the envelope's `data`.
  func send<Payload: Decodable & Sendable>(
    _ method: String, _ path: String, query: [URLQueryItem] = [],
    body: (any Encodable & Sendable)? = nil,
    timeout: TimeInterval, authorized: Bool = true, as: Payload.Type = Payload.self
  ) async throws(APIFailure) -> Payload {
    let request = try makeRequest(
      method, path, query: query, body: body, timeout: timeout, authorized: authorized)
    let started = ContinuousClock.now
    // Plain http (this machine only) over a socket of its own: URLSession spins a core while it
    // waits on a new connection (see PlainHTTPTransfer), and the deployed servers close every one.
    let (data, status) =
      usesPlainHTTP
      ? try await PlainHTTPTransfer.run(request, timeout: timeout)
      : try await DataTransfer.run(request, on: session, timeout: timeout)
    lastAnswer.withLock { $0 = ContinuousClock.now }
    let elapsed = ContinuousClock.now - started
    // Plain arithmetic: Duration's formatter loads ICU, a cost paid on every request.
    let milliseconds =
      elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
    log("\(method) \(path) → \(status) in \(milliseconds) ms")
    return try decode(data, status: status, as: Payload.self)
  }

  private func makeRequest(
    _ method: String, _ path: String, query: [URLQueryItem], body: (any Encodable & Sendable)?,
    timeout: TimeInterval, authorized: Bool
  ) throws(APIFailure) -> URLRequest {
    guard var components = URLComponents(url: server.url, resolvingAgainstBaseURL: false) else {
      throw .notDelivered("bad server address")
    }
    components.path =
      (components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path) + path
    if !query.isEmpty {
      // `queryItems` leaves `+` as it is, and the server reads a `+` in a query as a space: a
      // search for "+2010…" would ask for " 2010…".
      components.percentEncodedQueryItems = query.map {
        URLQueryItem(name: Self.encoded($0.name), value: $0.value.map(Self.encoded))
      }
    }
    guard let url = components.url else { throw .notDelivered("bad request address") }
    var request = URLRequest(url: url, timeoutInterval: timeout)
    request.httpMethod = method
    request.setValue("application/json", forHTTPHeaderField: "Accept")
    if authorized, let token = token.withLock({ $0 }) {
      request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
    }
    if let body {
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
      do {
        request.httpBody = try JSONEncoder().encode(body)
      } catch {
        throw .notDelivered("the request couldn't be written: \(error)")
      }
    }
    return request
  }

  /// RFC 3986's unreserved characters: the only ones no server reads as anything else.
  private static let unreserved = CharacterSet(
    charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

  private static func encoded(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
  }

  private func decode<Payload: Decodable>(_ data: Data, status: Int, as: Payload.Type)
    throws(APIFailure) -> Payload
  {
    let decoder = JSONDecoder()
    if status == 401 || status == 422 {
      let envelope = try? decoder.decode(Envelope<Ignored>.self, from: data)
      throw .unauthorized(envelope?.msg ?? envelope?.error ?? "status \(status)")
    }
    guard (200..<300).contains(status) else {
      let envelope = try? decoder.decode(Envelope<Ignored>.self, from: data)
      throw .http(
        status: status, error: envelope?.error ?? envelope?.msg, details: envelope?.errors)
    }
    let envelope: Envelope<Payload>
    do {
      envelope = try decoder.decode(Envelope<Payload>.self, from: data)
    } catch {
      let sample = String(decoding: data.prefix(40), as: UTF8.self)
      throw .unreadable(data.first == UInt8(ascii: "{") ? "unexpected JSON" : "not JSON: \(sample)")
    }
    if envelope.success == false {
      throw .http(status: status, error: envelope.error, details: envelope.errors)
    }
    guard let payload = envelope.data else { throw .unreadable("an answer without data") }
    return payload
  }
}

/// Follows no redirect: the redirect itself comes back as the answer, a server problem. The
/// session would otherwise send the token (and a check-in's body) wherever the `Location` says,
/// another host or plain http included, past the checks `ServerAddress` made.
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
  func urlSession(
    _ session: URLSession, task: URLSessionTask,
    willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
    completionHandler: @escaping @Sendable (URLRequest?) -> Void
  ) {
    completionHandler(nil)
  }
}
