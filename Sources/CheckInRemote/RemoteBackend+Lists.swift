import CheckInCore
import Foundation

extension RemoteBackend {
  /// The server matches substrings of the stored text. A phone number typed as `0101…`,
  /// `+20 101…` or `20101…` is sent as its national digits (`101…`), which every stored form of
  /// the number contains; anything else goes as typed.
  func serverQuery(_ typed: String) -> String {
    let digits = SearchText.digits(typed)
    let phoneLike = typed.allSatisfy { $0.isNumber || "+-() ".contains($0) }
    let code = options.phoneCountryCode
    let international = !code.isEmpty && digits.hasPrefix(code) && digits.count >= code.count + 4
    guard phoneLike, digits.count >= 4,
      typed.hasPrefix("0") || typed.hasPrefix("+") || international
    else { return typed }
    let national = PhoneDigits.national(digits, countryCode: code)
    return national.count >= 3 ? national : typed
  }

  func search(_ query: String, limit: Int) async throws(BackendError) -> SearchPage {
    let trimmed = query.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { return SearchPage(query: query, hits: [], hasMore: false) }
    if let down = outageError() { throw down }
    do {
      let data: SearchData = try await client.send(
        "GET", "/api/customers/search",
        query: [
          URLQueryItem(name: "q", value: serverQuery(trimmed)),
          URLQueryItem(name: "limit", value: String(limit)),
        ], timeout: options.otherTimeout)
      noteReachable(true)
      let hits = data.items.prefix(limit).map { customer in
        MemberSummary(
          id: customer.id, fullName: customer.fullName, phone: customer.phone,
          qrCode: ServerMapping.storedCode(customer), branchID: customer.branchID ?? 0,
          isActive: customer.isActive ?? true, branchName: customer.branchName,
          hasActivePlan: customer.hasActiveSubscription)
      }
      return SearchPage(
        query: query, hits: Array(hits), hasMore: (data.total ?? hits.count) > hits.count)
    } catch {
      noteFailure(error)
      throw error.backendError
    }
  }

  /// The day's check-ins at a branch, from the entry log (the server lists no attendance).
  func attendance(_ query: AttendanceQuery) async throws(BackendError) -> [AttendanceEntry] {
    if let down = outageError() { throw down }
    do {
      // The entry log pages by its own filters, not by the station's day: the first `offset`
      // of what it lists are read and dropped.
      var listed: [EntryLogsData.Entry] = []
      if let members = query.members {
        // A few members found by name: one request each (the log filters by member), merged.
        for member in members.prefix(Self.visitsMembersAsked) {
          listed += try await entryLog(
            filter: .member(member), from: query.from, until: query.until,
            limit: query.offset + query.limit, timeout: options.otherTimeout
          ).filter { ($0.branchID ?? query.branchID) == query.branchID }
        }
        listed.sort { ($0.entryTime ?? "", $0.id) > ($1.entryTime ?? "", $1.id) }
      } else {
        listed = try await entryLog(
          filter: .branch(query.branchID), from: query.from, until: query.until,
          limit: query.offset + query.limit, timeout: options.otherTimeout)
      }
      let entries = listed.dropFirst(query.offset).prefix(query.limit)
      noteReachable(true)
      return entries.compactMap { entry in
        guard let member = entry.customerID, let time = ServerTime.instant(entry.entryTime) else {
          return nil
        }
        let deducted = entry.coinsDeducted ?? 0
        return AttendanceEntry(
          id: entry.id, memberID: member, memberName: entry.customerName ?? "#\(member)",
          checkedInAt: time, action: deducted > 0 ? .deduct : .checkInOnly, deducted: deducted,
          subscriptionID: entry.subscriptionID, branchID: entry.branchID ?? query.branchID)
      }.sorted { $0.checkedInAt > $1.checkedInAt }
    } catch {
      noteFailure(error)
      throw error.backendError
    }
  }

  /// Members whose visits a name search in today's visits asks the server for, one request each.
  static let visitsMembersAsked = 10

  /// Pages of the entry log read at most for one answer: 200,000 entries.
  static let entryLogPageCap = 2000

  /// Whose entries: a branch's day (today's list), or one member's (the double-scan guard).
  enum EntryFilter {
    case branch(Int64)
    case member(Int64)

    var query: [URLQueryItem] {
      switch self {
      case .branch(let id): [URLQueryItem(name: "branch_id", value: String(id))]
      case .member(let id):
        [
          URLQueryItem(name: "customer_id", value: String(id)),
          URLQueryItem(name: "status", value: "approved"),
        ]
      }
    }
  }

  /// Approved entries of the entry log from `from` until `until`, page by page up to `limit`.
  /// The server compares `from_date` with its own times, naive UTC: a station east of UTC must
  /// ask from the UTC date its day starts on (the day before its own), or its first hours go
  /// missing. The log lists newest first, so the first entry from before `from` ends the
  /// reading: the rest of that UTC date (most of the day before, east of UTC) is not paged
  /// through.
  func entryLog(
    filter: EntryFilter, from: Date, until: Date, limit: Int, timeout: TimeInterval
  ) async throws(APIFailure) -> [EntryLogsData.Entry] {
    let fromDate = CalendarDay(from, in: .gmt)
    var entries: [EntryLogsData.Entry] = []
    var page = 1
    let perPage = min(100, max(1, limit))
    // The server's page count bounds the reading; this only stops a server that never says.
    while entries.count < limit && page <= Self.entryLogPageCap {
      let data: EntryLogsData = try await client.send(
        "GET", "/api/validation/entry-logs",
        query: filter.query + [
          URLQueryItem(name: "from_date", value: fromDate.description),
          URLQueryItem(name: "per_page", value: String(perPage)),
          URLQueryItem(name: "page", value: String(page)),
        ], timeout: timeout)
      // Refused attempts are logged as "denied"; only approved entries are visits.
      var reachedEarlier = false
      for entry in data.entries {
        guard let time = ServerTime.instant(entry.entryTime) else { continue }
        if time < from {
          reachedEarlier = true
          break
        }
        if (entry.entryStatus ?? "approved") == "approved" && time < until { entries.append(entry) }
      }
      let pages = data.pagination?.pages ?? 1
      if reachedEarlier || page >= pages || data.entries.isEmpty { break }
      page += 1
    }
    return Array(entries.prefix(limit))
  }
}
