import CheckInCore
import Foundation

/// What went wrong with one request, before an operation gives it meaning. The first two cases
/// are kept apart on purpose: a check-in that was never delivered may be queued and sent later,
/// one whose answer was lost may already be recorded and must not be sent again blindly.
enum APIFailure: Error, Sendable {
  /// The request never reached the server: no route, no connection, no name, TLS refused.
  case notDelivered(String)
  /// The request was (or may have been) sent, but no usable answer came: timed out, cut off.
  case noAnswer(String)
  /// The station stopped waiting; the request may have reached the server.
  case cancelled
  /// The station stopped before the whole request was out: the server surely has nothing.
  case withdrawn
  /// The server's authentication layer refused the token (401, or 422 for a malformed one).
  case unauthorized(String)
  /// The server answered with a failure status and, usually, its own words.
  case http(status: Int, error: String?, details: ErrorDetails?)
  /// An answer that isn't the JSON the station expects.
  case unreadable(String)

  /// The server failed on its own account (5xx): another endpoint may still answer.
  var isServerFault: Bool {
    if case .http(let status, _, _) = self { return status >= 500 }
    return false
  }

  /// The failure as the station's typed error, for operations that give it no other meaning.
  var backendError: BackendError {
    switch self {
    case .notDelivered(let reason): .offline(reason)
    case .noAnswer(let reason): reason.contains("timed out") ? .timedOut : .offline(reason)
    case .cancelled, .withdrawn: .cancelled
    case .unauthorized: .unauthorized
    case .http(429, _, _): .server("Too many attempts — wait a minute and try again")
    case .http(let status, _, _) where (300..<400).contains(status):
      .unsupported(
        "The server sent the station elsewhere (redirect \(status)), which it never follows — "
          + "ask a manager to check the server address")
    case .http(let status, let error, _) where status >= 500:
      .server(error.map { "\($0) (\(status))" } ?? "internal error (\(status))")
    case .http(let status, let error, _): .server(error ?? "status \(status)")
    case .unreadable(let what): .badResponse(what)
    }
  }

  /// A 404 with the server's "Customer not found" (API.md: both versions, and v-aug's answer
  /// for another branch's member at check-in). Any other 404 — "Resource not found" from a
  /// server without the endpoint, a proxy's page — says nothing about the member.
  var saysCustomerNotFound: Bool {
    guard case .http(404, let error?, _) = self else { return false }
    return error.lowercased().contains("customer not found")
  }

  /// A 404 with the server's "Subscription not found": a plan deleted since the station saw it.
  var saysNotFound: Bool {
    guard case .http(404, let error?, _) = self else { return false }
    return error.lowercased().contains("not found") && !error.lowercased().contains("resource")
  }

  /// A 403 with the server's "Access denied": the member is another branch's. Other 403s refuse
  /// the login's role, whoever the member.
  var saysAccessDenied: Bool {
    guard case .http(403, let error?, _) = self else { return false }
    return error.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() == "access denied"
  }

  /// A 404 or 403 that isn't about the member, in one line for the desk: the server lacks
  /// `service` ("check-ins"), or the login may not `act` ("check members in").
  func notAboutTheMember(service: String, act: String) -> BackendError? {
    switch self {
    case .http(404, let error, _):
      .unsupported(
        "The server can't do \(service) here (404\(Self.quoted(error))): it may be another "
          + "version, or the wrong address — ask a manager")
    case .http(403, let error, _):
      .unsupported(
        "This login may not \(act) on the server (403\(Self.quoted(error))) — ask a manager "
          + "to check the account's role")
    default: nil
    }
  }

  private static func quoted(_ text: String?) -> String {
    text.map { " “\($0)”" } ?? ""
  }

  static func from(_ error: URLError) -> APIFailure {
    switch error.code {
    case .cancelled:
      return .cancelled
    case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet,
      .internationalRoamingOff, .dataNotAllowed:
      return .notDelivered(describe(error.code))
    case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
      .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
      return .notDelivered("the secure connection was refused")
    default:
      return .noAnswer(describe(error.code))
    }
  }

  private static func describe(_ code: URLError.Code) -> String {
    switch code {
    case .cannotConnectToHost: "connection refused"
    case .cannotFindHost, .dnsLookupFailed: "server name not found"
    case .notConnectedToInternet: "no network"
    case .timedOut: "timed out"
    case .networkConnectionLost: "connection lost"
    default: "network error \(code.rawValue)"
    }
  }
}
