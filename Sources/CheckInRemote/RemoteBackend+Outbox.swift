import CheckInCore
import Foundation

extension RemoteBackend {
  /// The server can't be reached: the check-in waits in the outbox (on disk before this
  /// returns) and the receipt says so.
  func queue(_ request: CheckInRequest, at now: Date, because reason: String)
    async throws(BackendError) -> Receipt
  {
    guard let cache else { throw .offline(reason) }
    let name = request.memberName ?? "#\(request.memberID)"
    let kind = request.kind
    let entry = try await cache.run { c throws(BackendError) in
      try c.enqueue(request, memberName: name, kind: kind, at: now)
    }
    // The entry is on disk and will be sent: from here on nothing may say "not checked in", or
    // a rescan would queue the member twice. The visit note only sharpens the double-scan guard.
    await noteVisit(request.memberID, at: now)
    await refreshCounts()
    log("queued check-in \(entry.id) for member \(request.memberID): \(reason)")
    return Receipt(
      attendanceID: entry.id, memberID: request.memberID, memberName: name, action: request.action,
      deducted: 0, remaining: nil, subscriptionID: request.subscriptionID, kind: kind,
      checkedInAt: now, isQueued: true)
  }

  /// A check-in whose answer was lost: kept in the outbox for staff to review, never resent.
  /// Returns whether it is listed; a cache that can't be written is logged, not thrown, since
  /// the check-in itself may well be recorded on the server.
  func park(_ request: CheckInRequest, at now: Date, because reason: String) async -> Bool {
    guard let cache else { return false }
    let name = request.memberName ?? "#\(request.memberID)"
    let kind = request.kind
    let note = "no answer after sending (\(reason)) — check the server before sending again"
    let memberID = request.memberID
    // It may be recorded: the double-scan guard counts it, listed or not.
    await noteVisit(memberID, at: now)
    do throws(BackendError) {
      _ = try await cache.run { c throws(BackendError) in
        try c.enqueue(request, memberName: name, kind: kind, as: .review, note: note, at: now)
      }
    } catch {
      log("check-in for member \(memberID) not listed for review: \(error.message) (\(reason))")
      return false
    }
    await refreshCounts()
    log("check-in for member \(memberID) to review: \(reason)")
    return true
  }

  /// Notes this station's visit for the double-scan guard. Only a sharpening of it: a cache that
  /// can't be written must never turn a check-in into an error.
  func noteVisit(_ memberID: Int64, at now: Date) async {
    _ = try? await cache?.run { c throws(BackendError) in
      try c.recordVisit(memberID: memberID, at: now)
    }
  }

  /// Starts sending the outbox in the background, unless a send is already under way.
  public func startSync() {
    sync.withLock { running in
      if let running, !running.isCancelled { return }
      running = Task.detached { [self] in
        _ = await self.sendQueued()
        self.sync.withLock { $0 = nil }
      }
    }
  }

  /// Keeps trying the outbox every `syncInterval` while check-ins wait in it, and as soon as the
  /// server answers again, for as long as the returned task runs.
  public func keepSyncing() -> Task<Void, Never> {
    syncsByItself.withLock { $0 = true }
    return Task.detached { [self] in
      while !Task.isCancelled {
        try? await Task.sleep(for: .seconds(self.options.syncInterval))
        // During an outage the probe starts the sync when the server answers: a send now would
        // wait out its timeout and leave the check-in to review.
        if self.outboxCounts.withLock({ $0.queued }) > 0 && self.outageReason == nil {
          self.startSync()
        }
      }
    }
  }

  /// Sends queued check-ins oldest first, one at a time, until the outbox is empty, the server
  /// stops answering or one's answer is lost. Returns how many were sent.
  @discardableResult
  public func sendQueued() async -> OutboxSyncReport {
    var report = OutboxSyncReport()
    guard let cache else { return report }
    let alreadySending = sending.withLock { busy in
      defer { busy = true }
      return busy
    }
    guard !alreadySending else { return report }
    defer { sending.withLock { $0 = false } }
    // This process sends nothing now, so only another's sends can be in flight; those are young.
    let start = clock()
    if let recovered = try? await cache.run({ c throws(BackendError) in
      try c.recoverAbandonedSends(at: start)
    }), recovered > 0 {
      log("outbox: \(recovered) left sending by a stopped station, to review")
      await refreshCounts()
    }
    while !Task.isCancelled {
      let now = clock()
      guard
        let entry = try? await cache.run({ c throws(BackendError) in try c.takeNextQueued(at: now) }
        ) ?? nil
      else { break }
      let request = CheckInRequest(
        memberID: entry.memberID, code: entry.code, subscriptionID: entry.subscriptionID,
        action: entry.action, policy: CheckInPolicy(branchID: entry.branchID),
        station: entry.station, requestedAt: entry.createdAt, memberName: entry.memberName,
        kind: entry.kind)
      let outcome: CheckInAttempt
      if let retired = await retiredCode(of: entry) {
        outcome = retired
      } else {
        outcome = await attempt(request, at: entry.createdAt)
      }
      let settled: (OutboxState, String?, Int64?)
      var stop = false
      switch outcome {
      case .recorded(let data):
        noteReachable(true)
        let sent = await receipt(from: data, for: request, at: now)
        settled = (.sent, sent.discrepancy, sent.attendanceID)
        report.sent += 1
      case .notDelivered(let reason):
        noteReachable(false)
        settled = (.queued, "not sent yet: \(reason)", nil)
        stop = true
      case .unknown(let reason):
        settled = (.review, "no answer after sending (\(reason)) — check the server first", nil)
        report.toReview += 1
        // A server too slow (or too broken) to answer this one would leave the rest to review
        // too; they stay queued for the next pass instead.
        stop = true
      case .failed(.unauthorized):
        settled = (.queued, "waiting for a new login", nil)
        report.needsLogin = true
        stop = true
      case .failed(.refused(let refusal)):
        settled = (.refused, refusal.message(name: entry.memberName, timeZone: timeZone), nil)
        report.refused += 1
      case .failed(let error):
        // A problem with the server (rate limit, wrong address, a role it won't serve), not
        // with this member: the rest would fail the same way, so all wait for the next pass.
        settled = (.queued, "not sent yet: \(error.message)", nil)
        report.serverProblem = error.message
        stop = true
      }
      let id = entry.id
      var summary = "\(settled.0.rawValue)\(settled.1.map { " — \($0)" } ?? "")"
      do throws(BackendError) {
        let recorded = try await cache.run { c throws(BackendError) in
          try c.settle(id, as: settled.0, note: settled.1, serverAttendanceID: settled.2, at: now)
        }
        if !recorded { summary += " (not recorded: the entry was changed meanwhile)" }
      } catch {
        log("outbox \(id): couldn't record its state (\(error.message)); it will be reviewed")
      }
      await refreshCounts()
      log("outbox \(id): \(summary)")
      if stop { break }
    }
    return report
  }
}

extension RemoteBackend {
  /// Accepted offline from a cached card: the card's stored code may have been retired since
  /// (the back office regenerates lost cards), which only the server knows. Asks it for the
  /// member's record before sending; nil when the code still is theirs, when the server no
  /// longer finds the member (the check-in itself then gets the server's refusal), or when the
  /// scan wasn't a stored code (a member number or an id form can't be retired).
  fileprivate func retiredCode(of entry: OutboxEntry) async -> CheckInAttempt? {
    guard let code = entry.code, case .success(.code(let exact)) = ScanParser.parse(code) else {
      return nil
    }
    // A lookup that fetched the member's record after the check-in was queued already knows.
    let seen = recentCustomers.withLock { $0[entry.memberID] }
    let record: Result<CustomerDTO, APIFailure>
    if let seen, seen.1 >= entry.createdAt {
      record = .success(seen.0)
    } else {
      record = await customerResult(entry.memberID)
    }
    switch record {
    case .success(let customer):
      guard ServerMapping.storedCode(customer)?.lowercased() != exact.lowercased() else {
        return nil
      }
      return .failed(.refused(.retiredCode(code: exact)))
    case .failure(.http(404, _, _)): return nil
    case .failure(.notDelivered(let reason)), .failure(.noAnswer(let reason)):
      return .notDelivered(reason)
    case .failure(.unauthorized): return .failed(.unauthorized)
    case .failure(let failure): return .failed(failure.backendError)
    }
  }
}

/// What one pass over the outbox did.
public struct OutboxSyncReport: Hashable, Sendable {
  public var sent = 0
  public var toReview = 0
  public var refused = 0
  /// The server refused the station's login: nothing more is sent until it logs in again.
  public var needsLogin = false
  /// The server answered with a problem of its own: nothing more is sent this pass.
  public var serverProblem: String?
}
