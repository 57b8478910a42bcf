import CheckInCore
import CheckInSQLite
import Foundation
import Synchronization

/// A clock a store can read from any thread, set by the test to the desk's simulated time.
final class SimulatedTime: Sendable {
  private let current: Mutex<Date>

  init(_ start: Date) {
    current = Mutex(start)
  }

  var now: Date {
    get { current.withLock { $0 } }
    set { current.withLock { $0 = newValue } }
  }
}

/// The desk's effects answered by a real database file, on the desk's simulated time.
final class DatabaseStore: DeskStore {
  let store: LocalStore
  let time: SimulatedTime
  let branchID: Int64

  init(path: String, time: SimulatedTime, timeZone: TimeZone, branchID: Int64 = 1) throws {
    self.time = time
    self.branchID = branchID
    store = try LocalStore(path: path, clock: { time.now }, timeZone: timeZone)
  }

  func lookUp(_ payload: ScanPayload, policy: CheckInPolicy, at now: Date)
    -> Result<MemberCard, BackendError>
  {
    time.now = now
    return Result { () throws(BackendError) in try store.lookUp(payload, policy: policy) }
  }

  func checkIn(_ request: CheckInRequest, at now: Date) -> Result<Receipt, BackendError> {
    time.now = now
    return Result { () throws(BackendError) in try store.checkIn(request) }
  }

  /// As the runtime asks: the members the query finds, then their visits today.
  func visits(_ request: VisitsRequest, at now: Date, in timeZone: TimeZone)
    -> Result<VisitsPage, BackendError>
  {
    time.now = now
    return Result { () throws(BackendError) in
      var query = AttendanceQuery.day(
        of: now, branchID: branchID, timeZone: timeZone, limit: request.limit + 1)
      query.offset = request.offset
      if !request.query.isEmpty {
        query.members = try store.search(request.query, limit: 50).hits.map(\.id)
      }
      let entries = try store.attendance(query)
      return VisitsPage(
        query: request.query, entries: Array(entries.prefix(request.limit)),
        offset: request.offset, hasMore: entries.count > request.limit)
    }
  }

  func overview(at now: Date, in timeZone: TimeZone) -> Result<TodayOverview, BackendError> {
    time.now = now
    return Result { () throws(BackendError) in
      try store.overview(.day(of: now, branchID: branchID, timeZone: timeZone), timeZone: timeZone)
    }
  }
}
