/// What can go wrong talking to a store, typed so the station can say it in one line.
public enum BackendError: Error, Hashable, Sendable {
  /// The member may not check in; the station shows the refusal.
  case refused(Refusal)
  /// The local database can't be used: damaged, read-only, held by another program, too new.
  case storage(String)
  /// The server no longer accepts the station's login.
  case unauthorized
  /// The server can't be reached.
  case offline(String)
  /// The server didn't answer in time.
  case timedOut
  /// The server refused with its own words.
  case server(String)
  /// The server answered something the station can't read.
  case badResponse(String)
  /// The store can't do this at all (e.g. voiding on a server without that endpoint).
  case unsupported(String)
  /// The thing asked for doesn't exist (e.g. voiding a check-in id that was never recorded).
  case notFound(String)
  /// The receptionist cancelled, or a newer request superseded this one.
  case cancelled
  /// A write was sent but its answer was lost: it may or may not be recorded. Never resent
  /// without a person checking.
  case unknownOutcome(String)

  /// One line for the desk. Refusals need the member's name and the clock's time zone, so they are
  /// worded by `Refusal.message(name:timeZone:)`; this gives a name-less fallback.
  public var message: String {
    switch self {
    case .refused(let refusal): refusal.message(name: nil, timeZone: .current)
    case .storage(let text): text
    case .unauthorized: "The server wants the station to log in again"
    case .offline(let detail): "Can't reach the server (\(detail))"
    case .timedOut: "The server didn't answer in time"
    case .server(let text): "The server said: \(text)"
    case .badResponse(let detail): "The server sent an answer the station can't read (\(detail))"
    case .unsupported(let text): text
    case .notFound(let text): text
    case .cancelled: "Cancelled"
    case .unknownOutcome(let text): text
    }
  }
}
