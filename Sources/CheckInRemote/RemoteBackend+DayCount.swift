import CheckInCore
import Foundation

/// What this station has counted of a day's entry log at a branch.
struct EntryTally: Sendable {
  var branchID: Int64
  var from: Date
  var until: Date
  var counts: VisitCounts
  /// The highest entry id counted: the log lists newest first, so a reload stops there.
  var newestID: Int64

  func covers(_ query: AttendanceQuery) -> Bool {
    branchID == query.branchID && from == query.from && until == query.until
  }
}

extension RemoteBackend {
  /// The day's approved entries at a branch, counted from the entry log. The server counts only
  /// by UTC date, which is not the station's day east or west of UTC, so the station counts the
  /// entries themselves: the whole day the first time (a busy day is tens of pages, once), then
  /// only the pages newer than the last entry it counted.
  func countVisits(_ query: AttendanceQuery) async throws(BackendError) -> VisitCounts {
    if let down = outageError() { throw down }
    let known = entryTally.withLock { tally in tally.flatMap { $0.covers(query) ? $0 : nil } }
    var tally =
      known
      ?? EntryTally(
        branchID: query.branchID, from: query.from, until: query.until,
        counts: VisitCounts(total: 0, perQuarter: []), newestID: 0)
    let knownID = known?.newestID
    // A page that shifts while it is read (new entries push the log down) shows some twice.
    var seen = Set<Int64>()
    do {
      var page = 1
      reading: while page <= Self.entryLogPageCap {
        let data: EntryLogsData = try await client.send(
          "GET", "/api/validation/entry-logs",
          query: EntryFilter.branch(query.branchID).query + [
            URLQueryItem(name: "status", value: "approved"),
            URLQueryItem(name: "from_date", value: CalendarDay(query.from, in: .gmt).description),
            URLQueryItem(name: "per_page", value: "100"),
            URLQueryItem(name: "page", value: String(page)),
          ], timeout: options.otherTimeout)
        for entry in data.entries {
          if let knownID, entry.id <= knownID { break reading }
          guard let time = ServerTime.instant(entry.entryTime) else { continue }
          // Newest first: an entry from before the day means the rest are too.
          if time < query.from { break reading }
          guard time < query.until, (entry.entryStatus ?? "approved") == "approved",
            seen.insert(entry.id).inserted
          else { continue }
          tally.counts.add(time, from: query.from)
          tally.newestID = max(tally.newestID, entry.id)
        }
        if page >= (data.pagination?.pages ?? 1) || data.entries.isEmpty { break }
        page += 1
      }
      noteReachable(true)
    } catch {
      noteFailure(error)
      throw error.backendError
    }
    let counted = tally
    entryTally.withLock { $0 = counted }
    return counted.counts
  }
}
