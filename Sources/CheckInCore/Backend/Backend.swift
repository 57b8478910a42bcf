import Foundation

/// The station's port to a store of members and visits: the local SQLite database or the chain's
/// server. A value of closures, so tests can replace any one operation.
public struct Backend: Sendable {
  /// Where the data lives, for the status line ("local database ~/gym.sqlite3").
  public var description: String
  /// Whether the store can record a staff override with its reason.
  public var supportsOverride = true
  /// Whether the store can void a check-in from the station.
  public var supportsVoid = true
  /// Logs in again with this password, for stores whose login expires; `nil` for the local one.
  public var login: (@Sendable (String) async throws(BackendError) -> Void)?
  /// Whether the store can be reached and what waits to be sent, for the status line.
  public var status: @Sendable () -> ConnectionStatus = { .local }
  /// Finds the member a scan names, with their plans and last visit.
  public var lookUp: @Sendable (ScanPayload, CheckInPolicy) async throws(BackendError) -> MemberCard
  /// Records a confirmed check-in, re-checking the rules where the store can.
  public var checkIn: @Sendable (CheckInRequest) async throws(BackendError) -> Receipt
  /// Members whose name, phone or code matches what was typed.
  public var search: @Sendable (String, Int) async throws(BackendError) -> SearchPage
  /// Check-ins at a branch in a time range, newest first.
  public var attendance: @Sendable (AttendanceQuery) async throws(BackendError) -> [AttendanceEntry]
  /// How many visits the range holds, and when: counted by the store, whatever the day's size.
  public var countVisits: @Sendable (AttendanceQuery) async throws(BackendError) -> VisitCounts
  /// Voids a check-in and gives back what it deducted.
  public var void: @Sendable (Int64, Date) async throws(BackendError) -> VoidReceipt

  public init(
    description: String,
    lookUp:
      @escaping @Sendable (ScanPayload, CheckInPolicy) async throws(BackendError) ->
      MemberCard,
    checkIn: @escaping @Sendable (CheckInRequest) async throws(BackendError) -> Receipt,
    search: @escaping @Sendable (String, Int) async throws(BackendError) -> SearchPage,
    attendance:
      @escaping @Sendable (AttendanceQuery) async throws(BackendError) ->
      [AttendanceEntry],
    countVisits: @escaping @Sendable (AttendanceQuery) async throws(BackendError) -> VisitCounts,
    void: @escaping @Sendable (Int64, Date) async throws(BackendError) -> VoidReceipt
  ) {
    self.description = description
    self.lookUp = lookUp
    self.checkIn = checkIn
    self.search = search
    self.attendance = attendance
    self.countVisits = countVisits
    self.void = void
  }

  /// A backend whose every operation fails as unsupported: the base tests override.
  public static func unimplemented(_ description: String = "unimplemented") -> Backend {
    let failure = BackendError.unsupported("\(description): not available")
    return Backend(
      description: description,
      lookUp: { _, _ throws(BackendError) in throw failure },
      checkIn: { _ throws(BackendError) in throw failure },
      search: { _, _ throws(BackendError) in throw failure },
      attendance: { _ throws(BackendError) in throw failure },
      countVisits: { _ throws(BackendError) in throw failure },
      void: { _, _ throws(BackendError) in throw failure }
    )
  }
}

/// Which check-ins to list.
public struct AttendanceQuery: Hashable, Sendable {
  public var branchID: Int64
  /// The local day the range covers, for stores that filter by date.
  public var day: CalendarDay
  public var from: Date
  public var until: Date
  public var limit: Int
  /// How many of the newest to skip, for paging back through a day.
  public var offset: Int
  /// Only these members' visits, when set (today's visits searched by name or code).
  public var members: [Int64]?

  public init(
    branchID: Int64, day: CalendarDay, from: Date, until: Date, limit: Int = 500, offset: Int = 0,
    members: [Int64]? = nil
  ) {
    self.branchID = branchID
    self.day = day
    self.from = from
    self.until = until
    self.limit = limit
    self.offset = offset
    self.members = members
  }

  /// The whole local day `now` falls on.
  public static func day(
    of now: Date, branchID: Int64, timeZone: TimeZone, limit: Int = 500
  ) -> AttendanceQuery {
    let today = CalendarDay(now, in: timeZone)
    return AttendanceQuery(
      branchID: branchID, day: today, from: today.start(in: timeZone),
      until: today.adding(days: 1).start(in: timeZone), limit: limit)
  }
}

/// Where the station's data stands, for the status line.
public struct ConnectionStatus: Hashable, Sendable {
  /// `nil` for a local database (always there); otherwise whether the server answered last time.
  public var reachable: Bool?
  /// Check-ins taken offline and not yet sent.
  public var queued: Int
  /// Check-ins whose fate is unknown, or that the server refused later: for staff to look at.
  public var toReview: Int

  public init(reachable: Bool?, queued: Int = 0, toReview: Int = 0) {
    self.reachable = reachable
    self.queued = queued
    self.toReview = toReview
  }

  public static let local = ConnectionStatus(reachable: nil)
}
