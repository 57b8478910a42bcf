import Foundation

/// How long the station waits for the server, and how long an offline card stays usable.
public struct RemoteOptions: Sendable {
  /// A lookup (member, plans, last visit) that takes longer is given up.
  public var lookupTimeout: TimeInterval
  /// A check-in whose answer takes longer has an unknown fate and goes to review.
  public var checkInTimeout: TimeInterval
  /// Search, lists and login.
  public var otherTimeout: TimeInterval
  /// Cards older than this aren't used when the server can't be reached.
  public var cacheMaxAge: TimeInterval
  /// How often the outbox is tried while check-ins wait in it.
  public var syncInterval: TimeInterval
  /// While the server is down (a request timed out or was refused), how often it is asked
  /// whether it answers again, and how long each ask waits.
  public var probeInterval: TimeInterval
  public var probeTimeout: TimeInterval
  /// How requests travel: `automatic` uses the station's own socket for plain `http` (this
  /// machine only) and URLSession for `https`; `urlSession` always uses URLSession.
  public var transport: Transport = .automatic
  /// The country calling code local phone numbers are written without, so a number typed in any
  /// form is searched in the one form every stored form contains.
  public var phoneCountryCode = "20"

  public enum Transport: Sendable, Equatable {
    case automatic
    case urlSession
  }

  public init(
    lookupTimeout: TimeInterval = 5, checkInTimeout: TimeInterval = 10,
    otherTimeout: TimeInterval = 8, cacheMaxAge: TimeInterval = 7 * 86_400,
    syncInterval: TimeInterval = 15, probeInterval: TimeInterval = 5,
    probeTimeout: TimeInterval = 3
  ) {
    self.lookupTimeout = lookupTimeout
    self.checkInTimeout = checkInTimeout
    self.otherTimeout = otherTimeout
    self.cacheMaxAge = cacheMaxAge
    self.syncInterval = syncInterval
    self.probeInterval = probeInterval
    self.probeTimeout = probeTimeout
  }
}
