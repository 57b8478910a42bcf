import Foundation

/// A page of today's visits for the visits panel: newest first, from `offset` on.
public struct VisitsPage: Hashable, Sendable {
  /// What the visits were narrowed by; empty for all of them.
  public var query: String
  public var entries: [AttendanceEntry]
  public var offset: Int
  /// Whether older visits follow this page.
  public var hasMore: Bool

  public init(query: String, entries: [AttendanceEntry], offset: Int, hasMore: Bool) {
    self.query = query
    self.entries = entries
    self.offset = offset
    self.hasMore = hasMore
  }
}

/// Which page of today's visits to load.
public struct VisitsRequest: Hashable, Sendable {
  public var query: String
  public var offset: Int
  public var limit: Int
  /// Seconds to wait first, so typing on supersedes it (as a member search does).
  public var delay: Double

  public init(query: String, offset: Int, limit: Int, delay: Double) {
    self.query = query
    self.offset = offset
    self.limit = limit
    self.delay = delay
  }
}
