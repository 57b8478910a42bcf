import CheckInCore
import Foundation
import Testing

@testable import CheckInRemote

/// The desk keeps working when the server can't be reached, nothing is lost, nothing is sent
/// twice, and a check-in whose fate is unknown is never resent by itself.
@Suite struct RemoteOutboxTests {
  /// Nour (coins, Deduct), Adel (sessions, Check-In Only), Omar (time, Check-In Only).
  static let visits: [(code: String, plan: Int64, action: CheckInAction)] = [
    ("GYM-116", 46, .deduct), ("GYM-115-9F3A0C1B", 45, .checkInOnly),
    ("customer_id:117", 47, .checkInOnly),
  ]

  @Test func checkInsTakenWhileTheServerIsDownAreSentOnceInOrder() async throws {
    try await eachMode { server, mode in
      try await withDesk(server) { desk in
        try await desk.logIn()
        // Seen while the server answers: their cards are cached.
        for visit in Self.visits { _ = try await desk.lookUp(visit.code) }
        #expect(desk.remote.status.reachable == true, "\(mode)")

        await server.stop()
        var receipts: [Receipt] = []
        for visit in Self.visits {
          let card = try await desk.lookUp(visit.code)
          #expect(card.cachedAt != nil, "\(mode) \(visit.code)")
          let receipt = try await desk.backend.checkIn(
            desk.request(card, plan: visit.plan, visit.action, code: visit.code))
          receipts.append(receipt)
        }
        #expect(receipts.allSatisfy { $0.isQueued && $0.deducted == 0 }, "\(mode)")
        #expect(receipts.map(\.memberID) == [116, 115, 117], "\(mode)")
        let status = desk.remote.status
        #expect(status.reachable == false && status.queued == 3, "\(mode): \(status)")
        let queued = try desk.outbox()
        #expect(queued.map(\.state) == [.queued, .queued, .queued], "\(mode)")
        #expect(queued.map(\.memberID) == [116, 115, 117], "\(mode)")
        #expect(queued.map(\.action) == Self.visits.map(\.action), "\(mode)")
        #expect(queued.map(\.subscriptionID) == Self.visits.map(\.plan), "\(mode)")

        try await server.restart()
        let before = try await server.state()
        #expect(before.attendance.isEmpty, "\(mode)")
        let report = await desk.remote.sendQueued()
        #expect(report == OutboxSyncReport(sent: 3), "\(mode): \(report)")
        let after = try await server.state()

        // Exactly three visits, in the order they were taken, with the right deductions.
        #expect(after.attendance.map(\.customerID) == [116, 115, 117], "\(mode)")
        #expect(
          after.attendance.map(\.action) == Self.visits.map { $0.action.rawValue }, "\(mode)")
        #expect(after.balance(46)?.remainingCoins == 19, "\(mode)")
        // The deployed servers charge Adel's session although Check-In Only was chosen.
        #expect(after.balance(45)?.remainingSessions == (mode == .seedSpec ? 7 : 6), "\(mode)")
        #expect(after.deductions.count == (mode == .seedSpec ? 1 : 2), "\(mode)")
        let sent = after.requests(after: before.requests.count)
        print("[\(mode)] outbox sync of 3: \(describe(sent))")
        let posts = sent.filter { $0.path == "/api/attendance" }
        #expect(posts.count == 3, "\(mode)")
        #expect(posts.allSatisfy { $0.body?["branch_id"]?.int == 1 }, "\(mode)")
        #expect(posts.map { $0.body?["subscription_id"]?.int } == [46, 45, 47], "\(mode)")
        if mode == .seedSpec {
          // The seed's server keeps the time each check-in was taken at, not the sync's.
          let taken = queued.map { ServerTime.string($0.createdAt) }
          #expect(after.attendance.map { String($0.checkInTime.prefix(19)) } == taken)
        }

        let settled = try desk.outbox()
        #expect(settled.map(\.state) == [.sent, .sent, .sent], "\(mode)")
        #expect(
          settled.map(\.serverAttendanceID) == after.attendance.map { Int64($0.id) }, "\(mode)")
        if mode != .seedSpec {
          // What the server did differently is kept with the entry for staff.
          let note = settled[1].note ?? ""
          #expect(note.contains("Check-In Only"), "\(mode): \(note)")
        }
        #expect(desk.remote.status == ConnectionStatus(reachable: true), "\(mode)")

        // Nothing left to send, and nothing sent again.
        let again = await desk.remote.sendQueued()
        #expect(again == OutboxSyncReport(), "\(mode)")
        let last = try await server.state()
        #expect(last.attendance.count == 3, "\(mode)")
        #expect(last.requests.count == after.requests.count, "\(mode)")
      }
    }
  }

  /// The server records the visit, then takes longer than the check-in timeout to answer. The
  /// answer comes after 12 s, longer than any timeout the client has (its URLSession gives up
  /// after 10 s whatever the options say), so the outbox part holds even when the configured
  /// timeout isn't applied; the time bound is what says whether it was.
  @Test(arguments: StandInServer.Mode.allCases)
  func aTimeoutAfterTheServerCommittedGoesToReviewAndIsNotResent(_ mode: StandInServer.Mode)
    async throws
  {
    let options = RemoteOptions(lookupTimeout: 10, checkInTimeout: 1)
    try await StandInServer.run(mode) { server in
      try await withDesk(server, options: options) { desk in
        try await desk.logIn()
        let card = try await desk.lookUp("GYM-116")
        try await server.fault(.slowAfterCommit(seconds: 12))
        let started = ContinuousClock.now
        let result = await outcome { () throws(BackendError) in
          try await desk.backend.checkIn(desk.request(card, plan: 46, .deduct))
        }
        let waited = ContinuousClock.now - started
        #expect(waited < .seconds(6), "waited \(waited) for a 1 s check-in timeout")
        guard case .unknownOutcome(let text)? = result.failure else {
          Issue.record("\(result)")
          return
        }
        #expect(text.contains("review"), "\(text)")

        // The server has it (and, deployed, charged it); the station can't know.
        let state = try await server.state()
        #expect(state.attendance.map(\.customerID) == [116])
        #expect(state.deductions.count == (mode == .seedSpec ? 0 : 1))
        let entries = try desk.outbox()
        #expect(entries.map(\.state) == [.review])
        #expect(entries.first?.memberID == 116 && entries.first?.action == .deduct)
        #expect(desk.remote.status.toReview == 1 && desk.remote.status.queued == 0)

        // Not resent: a resend would be in the request log as soon as it arrived.
        let report = await desk.remote.sendQueued()
        #expect(report == OutboxSyncReport())
        let later = try await server.state()
        #expect(later.requests(to: "/api/attendance", method: "POST").count == 1)
        #expect(later.attendance.count == 1)
        // Deduct was chosen, but with the answer lost no separate deduction follows either.
        #expect(
          later.requests.allSatisfy {
            !$0.path.hasPrefix("/api/subscriptions/") || $0.method == "GET"
          })
        #expect(try desk.outbox().map(\.state) == [.review])
      }
    }
  }

  /// A check-in whose answer was lost is written to the outbox as `review` at once. Were it
  /// first written `queued`, a station stopping before the second write (here: that write fails,
  /// as it would after a crash) would leave it to be sent again by the next sync, and the member
  /// would be charged twice.
  /// The back office regenerated Adel's code while the station was offline. The cached card
  /// still carries the old one, so the desk accepts it; before sending, the station asks the
  /// server whether that code still names Adel, and refuses the entry instead of letting a
  /// retired card in.
  @Test func aCodeRetiredWhileOfflineIsRefusedWhenSent() async throws {
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server) { desk in
        try await desk.logIn()
        _ = try await desk.lookUp("GYM-115-9F3A0C1B")
        await server.stop()
        let card = try await desk.lookUp("GYM-115-9F3A0C1B")
        #expect(card.cachedAt != nil)
        let receipt = try await desk.backend.checkIn(
          desk.request(card, plan: 45, .checkInOnly, code: "GYM-115-9F3A0C1B"))
        #expect(receipt.isQueued)

        try await server.restart()
        try await server.recode(115, to: "GYM-115-77AA00FF")
        let report = await desk.remote.sendQueued()
        #expect(report == OutboxSyncReport(refused: 1), "\(report)")
        #expect(try await server.state().attendance.isEmpty)
        #expect(try desk.outbox().map(\.state) == [.refused])
      }
    }
  }

  /// The outbox entry is on disk, but the visit note for the double-scan guard can't be written:
  /// the desk must hear "accepted offline", since the entry will be sent — a "not checked in"
  /// would make the receptionist scan again and queue the member twice.
  @Test func aQueuedCheckInIsAcceptedEvenIfItsVisitNoteFails() async throws {
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server) { desk in
        try await desk.logIn()
        let card = try await desk.lookUp("GYM-116")
        try desk.onCache(
          """
          CREATE TRIGGER notes_fail BEFORE INSERT ON recent_visits
          BEGIN SELECT raise(ABORT, 'database is locked'); END
          """)
        await server.stop()
        let receipt = try await desk.backend.checkIn(desk.request(card, plan: 46, .deduct))
        #expect(receipt.isQueued)
        #expect(try desk.outbox().map(\.state) == [.queued])
      }
    }
  }

  /// A server that answers with a problem of its own (here a rate limit) says nothing about the
  /// members: the check-ins stay queued for the next pass instead of all turning "refused".
  @Test func aServerProblemLeavesTheQueueWaiting() async throws {
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server) { desk in
        try await desk.logIn()
        for visit in Self.visits { _ = try await desk.lookUp(visit.code) }
        await server.stop()
        for visit in Self.visits {
          let card = try await desk.lookUp(visit.code)
          _ = try await desk.backend.checkIn(
            desk.request(card, plan: visit.plan, visit.action, code: visit.code))
        }
        try await server.restart()
        try await server.fault(.status(429), path: "/api/attendance", method: "POST", count: 5)
        let report = await desk.remote.sendQueued()
        #expect(report.refused == 0 && report.sent == 0, "\(report)")
        #expect(report.serverProblem != nil, "\(report)")
        #expect(try desk.outbox().map(\.state) == [.queued, .queued, .queued])

        try await server.clearFaults()
        #expect(await desk.remote.sendQueued().sent == 3)
      }
    }
  }

  /// Staff can't discard an entry while it is being sent: the send may yet be recorded.
  @Test func anEntryBeingSentCannotBeDiscarded() async throws {
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server) { desk in
        try await desk.logIn()
        let card = try await desk.lookUp("GYM-116")
        await server.stop()
        _ = try await desk.backend.checkIn(desk.request(card, plan: 46, .deduct))
        try await server.restart()
        try await server.fault(.slow(seconds: 2), path: "/api/attendance", method: "POST")
        let sync = Task { await desk.remote.sendQueued() }
        var entry = try #require(try desk.outbox().first)
        for _ in 0..<100 where entry.state != .sending {
          try await Task.sleep(for: .milliseconds(20))
          entry = try #require(try desk.outbox().first)
        }
        #expect(entry.state == .sending)
        let cache = try RemoteCache(
          path: try #require(desk.cachePath), server: desk.remote.server.key)
        #expect(try cache.settle(entry.id, as: .discarded, note: "staff", at: Date()) == false)
        #expect(await sync.value.sent == 1)
        #expect(try desk.outbox().map(\.state) == [.sent])
      }
    }
  }

  @Test func aCheckInWithNoAnswerIsNeverQueuedOnTheWayToReview() async throws {
    let options = RemoteOptions(lookupTimeout: 30, checkInTimeout: 1)
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server, options: options) { desk in
        try await desk.logIn()
        let card = try await desk.lookUp("GYM-116")
        try desk.onCache(
          """
          CREATE TRIGGER station_stops AFTER UPDATE OF state ON outbox
          WHEN old.state = 'queued' AND new.state = 'review'
          BEGIN SELECT raise(ABORT, 'the station stopped'); END
          """)
        try await server.fault(.slowAfterCommit(seconds: 3))
        let result = await outcome { () throws(BackendError) in
          try await desk.backend.checkIn(desk.request(card, plan: 46, .deduct))
        }
        if case .unknownOutcome? = result.failure {} else { Issue.record("\(result)") }
        #expect(try desk.outbox().map(\.state) == [.review])

        #expect(await desk.remote.sendQueued() == OutboxSyncReport())
        let state = try await server.state()
        #expect(state.requests(to: "/api/attendance", method: "POST").count == 1)
        #expect(state.attendance.count == 1 && state.balance(46)?.remainingCoins == 19)
      }
    }
  }

  /// The server may have the check-in; the station's cache can't be written (a full disk, here a
  /// trigger refusing the insert). The desk must still hear "not confirmed, may be recorded", not
  /// a failure that invites a second scan, and not that it is listed for review.
  @Test func aCacheThatCantBeWrittenStillReportsAnUnknownOutcome() async throws {
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server) { desk in
        try await desk.logIn()
        let card = try await desk.lookUp("GYM-116")
        try desk.onCache(
          """
          CREATE TRIGGER disk_full BEFORE INSERT ON outbox
          BEGIN SELECT raise(ABORT, 'database or disk is full'); END
          """)
        try await server.fault(.status(500), path: "/api/attendance", method: "POST")
        let result = await outcome { () throws(BackendError) in
          try await desk.backend.checkIn(desk.request(card, plan: 46, .deduct))
        }
        guard case .unknownOutcome(let text)? = result.failure else {
          Issue.record("expected unknownOutcome, got \(result)")
          return
        }
        #expect(text.contains("may or may not be recorded"), "\(text)")
        #expect(!text.contains("listed for review"), "\(text)")
        #expect(try desk.outbox().isEmpty)
        #expect(desk.log.all.contains { $0.contains("not listed for review") })

        // At the desk: "Not confirmed", never "Not checked in".
        var station = desk.station()
        await station.send(.scanned("GYM-116"))
        try await server.fault(.status(503), path: "/api/attendance", method: "POST")
        await station.send(.choose(.deduct))
        let notice = station.state.notice?.text ?? ""
        #expect(notice.hasPrefix("Not confirmed — Nour Hassan"), "\(notice)")
      }
    }
  }

  /// The connection closes after the server committed: unknown too. (libcurl then sends the
  /// request again on new connections, headers only, and waits to send a body it no longer has:
  /// the check-in ends at its timeout — the URLSession's 10 s while the configured one isn't
  /// applied, see `aTimeoutAfterTheServerCommitted…`.)
  @Test func aConnectionCutAfterTheServerCommittedGoesToReview() async throws {
    let options = RemoteOptions(lookupTimeout: 10, checkInTimeout: 2)
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server, options: options) { desk in
        try await desk.logIn()
        let card = try await desk.lookUp("GYM-118")
        try await server.fault(.dropAfterCommit)
        let result = await outcome { () throws(BackendError) in
          try await desk.backend.checkIn(desk.request(card, plan: 48, .deduct))
        }
        guard case .unknownOutcome? = result.failure else {
          Issue.record("\(result)")
          return
        }
        let state = try await server.state()
        #expect(state.attendance.count == 1 && state.deductions.count == 1)
        #expect(try desk.outbox().map(\.state) == [.review])
        let posts = state.requests(to: "/api/attendance", method: "POST").count
        #expect(await desk.remote.sendQueued() == OutboxSyncReport())
        let later = try await server.state()
        #expect(later.attendance.count == 1)
        #expect(later.requests(to: "/api/attendance", method: "POST").count == posts)
      }
    }
  }

  /// Puts check-ins in the desk's outbox, as taken while the server couldn't be reached.
  private func queue(_ members: [(id: Int64, plan: Int64)], on desk: Desk) throws {
    let cache = try RemoteCache(path: try #require(desk.cachePath), server: desk.remote.server.key)
    for member in members {
      let request = CheckInRequest(
        memberID: member.id, code: nil, subscriptionID: member.plan, action: .deduct,
        policy: Desk.policy, station: "desk-1", requestedAt: Date())
      _ = try cache.enqueue(request, memberName: "#\(member.id)", kind: nil, at: Date())
    }
  }

  /// A sync pass stops at the first check-in whose answer is lost (a slow server, a server
  /// error): carrying on would turn the whole queue into check-ins to review one by one. The
  /// rest stay queued and go with the next pass.
  @Test(arguments: [StandInServer.Fault.status(500), .slowAfterCommit(seconds: 3)])
  func aSyncStopsAtTheFirstLostAnswer(_ fault: StandInServer.Fault) async throws {
    let options = RemoteOptions(lookupTimeout: 30, checkInTimeout: 1)
    // A server that serves others while one answer is slow: a serialising one would hold the
    // next pass behind the slow answer, which is about the server, not the pass.
    try await StandInServer.run(.vAug, transport: .keepAlive) { server in
      try await withDesk(server, options: options) { desk in
        try await desk.logIn()
        try queue([(116, 46), (118, 48), (117, 47)], on: desk)
        try await server.fault(fault, path: "/api/attendance", method: "POST")
        let report = await desk.remote.sendQueued()
        #expect(report == OutboxSyncReport(toReview: 1), "\(fault): \(report)")
        #expect(try desk.outbox().map(\.state) == [.review, .queued, .queued], "\(fault)")
        let state = try await server.state()
        #expect(state.requests(to: "/api/attendance", method: "POST").count == 1, "\(fault)")

        let next = await desk.remote.sendQueued()
        #expect(next == OutboxSyncReport(sent: 2), "\(fault): \(next)")
        #expect(try desk.outbox().map(\.state) == [.review, .sent, .sent], "\(fault)")
      }
    }
  }

  /// A send cancelled while the server holds it (the station quitting) may have reached the
  /// server: to review, not "refused".
  @Test func aSendCancelledWhileTheServerHoldsItGoesToReview() async throws {
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server) { desk in
        try await desk.logIn()
        try queue([(116, 46)], on: desk)
        try await server.fault(.slow(seconds: 5), path: "/api/attendance", method: "POST")
        let remote = desk.remote
        let sync = Task { await remote.sendQueued() }
        let arrived = try await eventually(server) { state in
          !state.requests(to: "/api/attendance", method: "POST").isEmpty
        }
        #expect(arrived)
        sync.cancel()
        let report = await sync.value
        #expect(report == OutboxSyncReport(toReview: 1), "\(report)")
        let entries = try desk.outbox()
        #expect(entries.map(\.state) == [.review], "\(entries)")
      }
    }
  }

  /// Another process opening the cache (`checkin outbox`, any `checkin --api` command) while the
  /// station sends an entry leaves it `sending`: the station is still waiting for its answer.
  @Test func openingTheCacheLeavesASendInFlightAlone() async throws {
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server) { desk in
        try await desk.logIn()
        try queue([(116, 46)], on: desk)
        try await server.fault(.slow(seconds: 2), path: "/api/attendance", method: "POST")
        let remote = desk.remote
        let sync = Task { await remote.sendQueued() }
        #expect(
          try await eventually(server) {
            !$0.requests(to: "/api/attendance", method: "POST").isEmpty
          })
        #expect(try desk.outbox().map(\.state) == [.sending])
        #expect(await sync.value == OutboxSyncReport(sent: 1))
        let entries = try desk.outbox()
        #expect(entries.map(\.state) == [.sent])
        let state = try await server.state()
        #expect(entries.first?.serverAttendanceID == state.attendance.first.map { Int64($0.id) })
      }
    }
  }

  /// An entry left `sending` by a station that stopped goes to review once it is older than any
  /// send can take — when the cache is opened, or at the next sync pass — and is never resent.
  @Test func aSendAbandonedByAStoppedStationGoesToReviewOnceOldEnough() async throws {
    let clock = TestClock()
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server, clock: clock) { desk in
        try await desk.logIn()
        try queue([(116, 46), (118, 48)], on: desk)
        // Two stations that stopped mid-send: one just now, one eleven minutes ago.
        let stopped = try RemoteCache(
          path: try #require(desk.cachePath), server: desk.remote.server.key)
        let old = try #require(try stopped.takeNextQueued(at: Date().addingTimeInterval(-660)))
        let recent = try #require(try stopped.takeNextQueued(at: Date()))

        let opened = try desk.outbox()
        #expect(opened.first { $0.id == old.id }?.state == .review)
        #expect(opened.first { $0.id == old.id }?.note == "the station stopped while sending it")
        #expect(opened.first { $0.id == recent.id }?.state == .sending)
        #expect(await desk.remote.sendQueued() == OutboxSyncReport())
        #expect(try desk.outbox().map(\.state) == [.review, .sending])

        clock.advance(by: RemoteCache.abandonedSendAge + 1)
        #expect(await desk.remote.sendQueued() == OutboxSyncReport())
        #expect(try desk.outbox().map(\.state) == [.review, .review])
        #expect(desk.remote.status.toReview == 2 && desk.remote.status.queued == 0)
        #expect(try await server.state().requests(to: "/api/attendance").isEmpty)
      }
    }
  }

  /// A 500 from the attendance endpoint may come after the visit was written: review, never
  /// "nothing happened", and never resent by itself.
  @Test func aServerErrorOnCheckInIsUnknownNotNothing() async throws {
    try await eachMode { server, mode in
      try await withDesk(server) { desk in
        try await desk.logIn()
        let card = try await desk.lookUp("GYM-116")
        try await server.fault(.status(500), path: "/api/attendance", method: "POST")
        let result = await outcome { () throws(BackendError) in
          try await desk.backend.checkIn(desk.request(card, plan: 46, .deduct))
        }
        guard case .unknownOutcome? = result.failure else {
          Issue.record("\(mode): \(result)")
          return
        }
        #expect(try desk.outbox().map(\.state) == [.review], "\(mode)")
        #expect(await desk.remote.sendQueued() == OutboxSyncReport(), "\(mode)")
        let state = try await server.state()
        #expect(state.requests(to: "/api/attendance", method: "POST").count == 1, "\(mode)")

        // At the desk: not confirmed, said so, the member not scanned again by the station.
        var station = desk.station()
        await station.send(.scanned("GYM-116"))
        try await server.fault(.status(503), path: "/api/attendance", method: "POST")
        await station.send(.choose(.deduct))
        #expect(station.state.phase == .ready, "\(mode): \(station.state.phase)")
        let notice = station.state.notice
        #expect(notice?.tone == .error, "\(mode)")
        #expect(notice?.text.hasPrefix("Not confirmed — Nour Hassan") == true, "\(mode)")
        #expect(try desk.outbox().map(\.state) == [.review, .review], "\(mode)")
      }
    }
  }

  /// A 200 whose body can't be read, on a check-in: the server may well have recorded it, so
  /// the station must not tell the desk "not checked in" (a rescan would charge twice).
  @Test(arguments: [StandInServer.Fault.garbage, .wrongShape])
  func anUnreadableAnswerToACheckInIsUnknown(_ fault: StandInServer.Fault) async throws {
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server) { desk in
        try await desk.logIn()
        let card = try await desk.lookUp("GYM-116")
        try await server.fault(fault, path: "/api/attendance", method: "POST")
        let result = await outcome { () throws(BackendError) in
          try await desk.backend.checkIn(desk.request(card, plan: 46, .deduct))
        }
        guard case .unknownOutcome? = result.failure else {
          Issue.record("\(fault): expected unknownOutcome (to review), got \(result)")
          return
        }
        #expect(try desk.outbox().map(\.state) == [.review], "\(fault)")
      }
    }
  }
}
