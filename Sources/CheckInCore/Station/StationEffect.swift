/// Work the reducer asks the runtime to do. Each that has an answer comes back as an event
/// carrying the same `RequestID`, so a late answer to a superseded request is recognised and
/// dropped.
public enum StationEffect: Hashable, Sendable {
  case lookUp(RequestID, ScanPayload)
  case checkIn(RequestID, CheckInRequest)
  /// Search after `delay` seconds unless cancelled first (typing on supersedes it).
  case search(RequestID, query: String, limit: Int, delay: Double)
  /// A page of today's visits, narrowed to the members a query finds.
  case loadVisits(RequestID, VisitsRequest)
  /// Stop a request nobody waits for any more.
  case cancel(RequestID)
  /// Reload today's check-ins at this branch.
  case loadToday
  case void(RequestID, attendanceID: Int64)
  /// Log in again with this password (never logged or shown).
  case login(RequestID, password: String)
  /// A check-in was committed: run the configured hook (door relay, bell, spreadsheet).
  case announce(Receipt)
  /// Make the outcome heard.
  case signal(Signal)
  /// Write a line to the station's log (wrong unlock codes, and the like). Never a secret.
  case log(String)
}

/// An outcome the desk should hear, each with its own sound.
public enum Signal: Hashable, Sendable {
  case checkedIn
  /// A second scan of a member already in: information, never a refusal's sound.
  case alreadyIn
  case refused
  case needsStaff
}

/// Pairs an effect with its answer.
public struct RequestID: Hashable, Sendable, CustomStringConvertible {
  public let value: Int

  public init(_ value: Int) {
    self.value = value
  }

  public var description: String { "#\(value)" }
}
