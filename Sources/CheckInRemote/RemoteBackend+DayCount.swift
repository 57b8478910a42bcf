import CheckInCore
import Foundation

/// What this station has counted of a day's entry log at a branch.
struct EntryTally: Sendable {
  var branchID: Int64
  var from: Date
  var until: Date
  var counts: VisitCounts
  /// Every entry the listing holds from `from` on that the station has read: the day's visits
  /// it counted and what came after the day. A later read counts only entries not here.
  var seen: Set<Int64> = []
  /// How many entries the listing held from before `from` (the rest of the UTC date it is asked
  /// from) when last read down to there; nil until then. With `seen`, all the listing held.
  var earlier: Int?

  func covers(_ query: AttendanceQuery) -> Bool {
    branchID == query.branchID && from == query.from && until == query.until
  }

  /// Whether a listing of `total` entries holds nothing the station has not read: what is new
  /// was all on the pages read so far.
  func accounts(for total: Int?) -> Bool {
    guard let total, let earlier else { return false }
    return seen.count + earlier >= total
  }
}

extension RemoteBackend {
  /// The day's approved entries at a branch, counted from the entry log. The server counts only
  /// by UTC date, which is not the station's day east or west of UTC, so the station counts the
  /// entries themselves: the whole day the first time (a busy day is tens of pages, once), then
  /// only until the listing's total is accounted for — the first page, when what is new is the
  /// newest. The log lists by time, not by id: an entry recorded late with an earlier time (an
  /// outbox sent after an outage, on a server that takes the station's time) lies further down,
  /// and is looked for there until the total says it was found.
  func countVisits(_ query: AttendanceQuery) async throws(BackendError) -> VisitCounts {
    if let down = outageError() { throw down }
    let known = entryTally.withLock { tally in tally.flatMap { $0.covers(query) ? $0 : nil } }
    var tally =
      known
      ?? EntryTally(
        branchID: query.branchID, from: query.from, until: query.until,
        counts: VisitCounts(total: 0, perQuarter: []))
    let perPage = 100
    do {
      var page = 1
      reading: while page <= Self.entryLogPageCap {
        let data: EntryLogsData = try await client.send(
          "GET", "/api/validation/entry-logs",
          query: EntryFilter.branch(query.branchID).query + [
            URLQueryItem(name: "status", value: "approved"),
            URLQueryItem(name: "from_date", value: CalendarDay(query.from, in: .gmt).description),
            URLQueryItem(name: "per_page", value: String(perPage)),
            URLQueryItem(name: "page", value: String(page)),
          ], timeout: options.otherTimeout)
        let total = data.pagination?.total
        var metKnown = false
        for (index, entry) in data.entries.enumerated() {
          let time = ServerTime.instant(entry.entryTime)
          if let time, time < query.from {
            // Newest first: an entry from before the day means the rest are too.
            tally.earlier = total.map { max(0, $0 - (page - 1) * perPage - index) }
            break reading
          }
          // A page that shifts while it is read (new entries push the log down) shows some twice.
          guard tally.seen.insert(entry.id).inserted else {
            metKnown = true
            continue
          }
          guard let time, time < query.until, (entry.entryStatus ?? "approved") == "approved"
          else { continue }
          tally.counts.add(time, from: query.from)
        }
        if tally.accounts(for: total) { break }
        // A server that gives no total: what is new is taken to be the newest.
        if total == nil && known != nil && metKnown { break }
        if page >= (data.pagination?.pages ?? 1) || data.entries.isEmpty {
          tally.earlier = 0
          break
        }
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
