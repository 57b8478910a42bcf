import CheckInCore
import Foundation
import Testing

@testable import CheckInRemote

/// A slow server doesn't hold the caller, a cancelled lookup stops at once, and answers the
/// station can't read give a clear error.
@Suite struct RemoteFailureTests {
  @Test func aSlowLookupGivesUpAtItsTimeout() async throws {
    // Whole seconds (see `aSubSecondTimeoutIsStillATimeout`), far below the server's 8 s.
    let options = RemoteOptions(lookupTimeout: 1, checkInTimeout: 10)
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server, cache: false, options: options) { desk in
        try await desk.logIn()
        for code in ["GYM-116", "GYM-115-9F3A0C1B"] {
          // The member's record and the search alike: whichever the lookup asks first.
          try await server.fault(.slow(seconds: 8), path: "/api/customers", count: 2)
          let started = ContinuousClock.now
          let result = await outcome { () throws(BackendError) in try await desk.lookUp(code) }
          let waited = ContinuousClock.now - started
          switch result.failure {
          case .timedOut?, .offline?: break
          default: Issue.record("\(code): \(result)")
          }
          // Generous: the point is that it didn't wait for the server's 8 s. (Whether the station
          // now takes the server as down depends on whether any of the lookup's other requests
          // was answered first: see RemoteOutageTests.)
          #expect(waited < .seconds(6), "\(code): waited \(waited)")
        }
      }
    }
  }

  /// A code with a suffix is found by search first, then its plans: two rounds, each under the
  /// timeout, together over it. The receptionist waits for both, so the lookup as a whole ends.
  @Test func theWholeLookupHasOneDeadline() async throws {
    let options = RemoteOptions(lookupTimeout: 2, checkInTimeout: 10, probeInterval: 0.1)
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server, cache: false, options: options) { desk in
        try await desk.logIn()
        try await server.fault(.slow(seconds: 1.2), path: "/api/customers/search")
        try await server.fault(.slow(seconds: 1.2), path: "/api/subscriptions/")
        let result = await outcome { () throws(BackendError) in
          try await desk.lookUp("GYM-115-9F3A0C1B")
        }
        // Each round alone is within 2 s and the whole would succeed after 2.4 s; only the
        // lookup's own deadline can end it as a timeout. (How soon is left to the lookup tests
        // above: a busy test machine makes a tight bound here flaky.)
        #expect(result.failure == .timedOut, "\(result)")
        // Without the slow answers the same lookup goes through, once the station has heard
        // from the server again (a timeout makes it take the server as down meanwhile).
        try await desk.waitUntilAnswering()
        try await server.clearFaults()
        #expect(try await desk.lookUp("GYM-115-9F3A0C1B").member.id == 115)
      }
    }
  }

  /// The configuration accepts timeouts from 0.5 s (`api_lookup_timeout`). FoundationNetworking
  /// on Linux counts a request's timeout in whole seconds (0.5 s would become 0: every request
  /// failing at once), so the station keeps its own deadline. What shows it isn't rounded to
  /// nothing: a server that holds the request is waited for at least the 0.5 s, and then it is a
  /// timeout. (Only lower bounds on time here: a busy machine makes waits longer, never shorter.
  /// Whether a 0.5 s lookup *succeeds* depends on the machine's speed, so it isn't asserted.)
  @Test func aSubSecondTimeoutIsStillATimeout() async throws {
    let options = RemoteOptions(lookupTimeout: 0.5, checkInTimeout: 0.5, probeInterval: 0.1)
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server, options: options) { desk in
        try await desk.logIn()
        try await server.fault(.slow(seconds: 8), path: "/api/customers", count: 2)
        var started = ContinuousClock.now
        let lookup = await outcome { () throws(BackendError) in
          try await desk.lookUp("GYM-118")
        }
        var waited = ContinuousClock.now - started
        #expect(lookup.failure == .timedOut, "\(lookup)")
        #expect(waited >= .milliseconds(500), "a 0.5 s lookup timeout waited only \(waited)")
        #expect(waited < .seconds(8), "a 0.5 s lookup timeout waited for the server: \(waited)")

        try await server.clearFaults()
        try await desk.waitUntilAnswering()
        try await server.fault(.slowAfterCommit(seconds: 8))
        // Member 116 (plan 46) as the station knew it before: no lookup to wait for here.
        let card = MemberCard(
          member: Member(id: 116, fullName: "Nour Hassan", branchID: 1), subscriptions: [])
        started = ContinuousClock.now
        let checkIn = await outcome { () throws(BackendError) in
          try await desk.backend.checkIn(desk.request(card, plan: 46, .deduct))
        }
        waited = ContinuousClock.now - started
        guard case .unknownOutcome? = checkIn.failure else {
          Issue.record("a 0.5 s check-in timeout: \(checkIn)")
          return
        }
        #expect(waited >= .milliseconds(500), "a 0.5 s check-in timeout waited only \(waited)")
        #expect(waited < .seconds(8), "a 0.5 s check-in timeout waited for the server: \(waited)")
      }
    }
  }

  /// The deployed search answers 500 for queries matching some members' data (API.md): an
  /// id-shaped code still finds its member by number, and a retired one is still refused.
  @Test func aFailingSearchFallsBackToTheMemberNumber() async throws {
    try await eachMode { server, mode in
      try await withDesk(server, cache: false) { desk in
        try await desk.logIn()
        for code in ["GYM-116", "116", "customer_id:116"] {
          try await server.fault(.status(500), path: "/api/customers/search", count: 5)
          let card = try await desk.lookUp(code)
          #expect(card.member.id == 116, "\(mode) \(code)")
          #expect(card.member.fullName == "Nour Hassan", "\(mode) \(code)")
          try await server.clearFaults()
        }
      }
    }
  }

  @Test func aCancelledLookupReturnsAtOnce() async throws {
    let options = RemoteOptions(lookupTimeout: 30, checkInTimeout: 30)
    // A server that answers others while it sits on one request: the point is the client's.
    try await StandInServer.run(.vAug, transport: .keepAlive) { server in
      try await withDesk(server, cache: false, options: options) { desk in
        try await desk.logIn()
        try await server.fault(.slow(seconds: 10), path: "/api/customers/search")
        let backend = desk.backend
        let lookup = Task { () async -> Result<MemberCard, BackendError> in
          await outcome { () throws(BackendError) in
            try await backend.lookUp(.code("GYM-115-9F3A0C1B"), Desk.policy)
          }
        }
        // Once the server holds the request, the receptionist presses Esc.
        let arrived = try await eventually(server) { state in
          state.requests.contains { $0.path == "/api/customers/search" }
        }
        #expect(arrived)

        // Meanwhile the client still serves other calls (one session, several connections).
        let started = ContinuousClock.now
        let today = try await backend.attendance(.day(of: Date(), branchID: 1, timeZone: .gmt))
        #expect(today.isEmpty)
        #expect(ContinuousClock.now - started < .seconds(5), "blocked behind the slow lookup")

        let cancelled = ContinuousClock.now
        lookup.cancel()
        let result = await lookup.value
        let waited = ContinuousClock.now - cancelled
        #expect(result.failure == .cancelled, "\(result)")
        #expect(waited < .seconds(5), "the cancelled lookup waited \(waited) for the server")
        // The server hadn't answered yet: the request was dropped, not waited out.
        let search = try await server.state().requests(to: "/api/customers/search").first
        #expect(search?.status == nil)
      }
    }
  }

  /// At the desk: a lookup the server sits on ends at its timeout, with the reason on the
  /// notice line, and the station is ready for the next scan.
  @Test func aSlowServerEndsTheStationsLookupAtItsTimeout() async throws {
    let options = RemoteOptions(lookupTimeout: 1)
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server, cache: false, options: options) { desk in
        try await desk.logIn()
        try await server.fault(.slow(seconds: 8), path: "/api/customers", count: 2)
        var station = desk.station()
        let started = ContinuousClock.now
        await station.send(.scanned("GYM-116"))
        #expect(ContinuousClock.now - started < .seconds(6))
        #expect(station.state.phase == .ready, "\(station.state.phase)")
        #expect(station.state.notice?.text == BackendError.timedOut.message)
      }
    }
  }

  @Test(arguments: [StandInServer.Fault.garbage, .wrongShape])
  func anUnreadableAnswerToALookupIsABadResponse(_ fault: StandInServer.Fault) async throws {
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server, cache: false) { desk in
        try await desk.logIn()
        for path in ["/api/customers/search", "/api/subscriptions/46", "/api/customers/116"] {
          try await server.fault(fault, path: path)
          let result = await outcome { () throws(BackendError) in try await desk.lookUp("116") }
          guard case .badResponse(let detail)? = result.failure else {
            Issue.record("\(fault) on \(path): \(result)")
            continue
          }
          let message = BackendError.badResponse(detail).message
          #expect(message.hasPrefix("The server sent an answer the station can't read"))
          if case .garbage = fault {
            #expect(detail.contains("not JSON"), "\(path): \(detail)")
          }
          try await server.clearFaults()
        }
        // The fault is gone: the same lookup works.
        #expect(try await desk.lookUp("116").member.id == 116)
      }
    }
  }

  /// A server without the endpoints answers every request 404 "Resource not found" (API.md).
  /// That says nothing about the member: no card is "unknown", no check-in refused as such;
  /// the desk hears that the server can't do it.
  @Test func aServerWithoutTheEndpointsIsNotAnUnknownCard() async throws {
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server, under: "/v0", cache: false) { desk in
        for code in ["GYM-116", "116", "customer_id:117"] {
          let result = await outcome { () throws(BackendError) in try await desk.lookUp(code) }
          guard case .unsupported(let text)? = result.failure else {
            Issue.record("\(code): \(result)")
            continue
          }
          #expect(text.hasPrefix("The server can't do member lookups here"), "\(code): \(text)")
          #expect(text.contains("“Resource not found”"), "\(code): \(text)")
        }
        let request = CheckInRequest(
          memberID: 116, code: "GYM-116", subscriptionID: 46, action: .deduct,
          policy: Desk.policy, station: "desk-1", requestedAt: Date(), memberName: "Nour Hassan",
          kind: .coins)
        let result = await outcome { () throws(BackendError) in
          try await desk.backend.checkIn(request)
        }
        guard case .unsupported(let text)? = result.failure else {
          Issue.record("check-in: \(result)")
          return
        }
        #expect(text.hasPrefix("The server can't do check-ins here (404 “Resource not found”)"))
        let state = try await server.state()
        #expect(state.requests.allSatisfy { $0.path.hasPrefix("/v0/") && $0.status == 404 })
        #expect(state.attendance.isEmpty)
      }
    }
  }

  /// A 403 other than "Access denied" refuses the login's role, not the member: not "another
  /// branch's member".
  @Test func aRoleRefusalOnALookupIsNotAnotherBranch() async throws {
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server, cache: false) { desk in
        try await desk.logIn()
        for path in ["/api/customers/search", "/api/customers/116", "/api/subscriptions/46"] {
          try await server.fault(.status(403), path: path)
          let result = await outcome { () throws(BackendError) in try await desk.lookUp("116") }
          guard case .unsupported(let text)? = result.failure else {
            Issue.record("\(path): \(result)")
            continue
          }
          #expect(text.hasPrefix("This login may not look members up"), "\(path): \(text)")
          #expect(text.contains("“Forbidden”"), "\(path): \(text)")
          try await server.clearFaults()
        }
        #expect(try await desk.lookUp("116").member.id == 116)
      }
    }
  }

  /// A redirect is never followed: it could take the token to another host, in the clear, or
  /// a check-in's POST somewhere else. The answer is a server problem, and nothing is recorded.
  @Test func aRedirectIsAServerProblemNotFollowed() async throws {
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server) { desk in
        try await desk.logIn()
        let card = try await desk.lookUp("GYM-116")
        // Followed, the lookup would show another member's card, fetched from another host name.
        let elsewhere = "http://localhost:\(server.port)/api/customers/117"
        try await server.fault(.redirect(status: 302, to: elsewhere), path: "/api/customers/116")
        let lookup = await outcome { () throws(BackendError) in try await desk.lookUp("116") }
        guard case .unsupported(let text)? = lookup.failure else {
          Issue.record("lookup: \(lookup)")
          return
        }
        #expect(text.contains("redirect") && text.contains("302"), "\(text)")

        // Followed, a 307 would send the check-in again, body and all.
        try await server.fault(
          .redirect(status: 307, to: "/api/attendance"), path: "/api/attendance", method: "POST")
        let checkIn = await outcome { () throws(BackendError) in
          try await desk.backend.checkIn(desk.request(card, plan: 46, .deduct))
        }
        guard case .unsupported(let text)? = checkIn.failure else {
          Issue.record("check-in: \(checkIn)")
          return
        }
        #expect(text.contains("redirect") && text.contains("307"), "\(text)")
        let state = try await server.state()
        #expect(state.requests(to: "/api/customers/117").isEmpty)
        #expect(state.requests(to: "/api/attendance", method: "POST").count == 1)
        #expect(state.attendance.isEmpty && state.deductions.isEmpty)
        #expect(try desk.outbox().isEmpty)
      }
    }
  }

  @Test func aServerErrorOnALookupIsAServerError() async throws {
    try await eachMode { server, mode in
      try await withDesk(server, cache: false) { desk in
        try await desk.logIn()
        // A code with a suffix can only be found by search: its failure is the lookup's.
        try await server.fault(.status(500), path: "/api/customers/search")
        let result = await outcome { () throws(BackendError) in
          try await desk.lookUp("GYM-115-9F3A0C1B")
        }
        guard case .server(let text)? = result.failure else {
          Issue.record("\(mode): \(result)")
          return
        }
        #expect(text.contains("500"), "\(mode): \(text)")
        #expect(desk.remote.status.reachable == true, "\(mode)")
        // A 500 on a plan's record fails the lookup too: no card from a partial answer. (Several
        // uses: the first lookup asked for the plans in parallel, and that request, abandoned
        // with it, may still reach the server after this fault is queued and use one up.)
        try await server.fault(.status(500), path: "/api/subscriptions/46", count: 5)
        let partial = await outcome { () throws(BackendError) in try await desk.lookUp("GYM-116") }
        guard case .server? = partial.failure else {
          Issue.record("\(mode): \(partial)")
          return
        }
      }
    }
  }
}
