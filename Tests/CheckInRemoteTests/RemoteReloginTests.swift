import CheckInCore
import Foundation
import Testing

@testable import CheckInRemote

/// The token expires mid-shift (12 h, no refresh): the station asks for the password, logs in
/// again and tries what was refused exactly once more.
@Suite struct RemoteReloginTests {
  private static func logins(_ state: StandInServer.State) -> Int {
    state.requests(to: "/api/auth/login", method: "POST").count
  }

  private static func type(_ text: String, into station: inout HeadlessStation) async {
    await station.send(.typed(text))
    await station.send(.submit)
  }

  @Test func anExpiredTokenAsksForThePasswordAndRetriesTheLookupOnce() async throws {
    try await eachMode { server, mode in
      try await withDesk(server) { desk in
        try await desk.logIn()
        var station = desk.station()
        try await server.expireTokens()
        await station.send(.scanned("GYM-116"))
        guard case .loggingIn(let prompt) = station.state.phase else {
          Issue.record("\(mode): \(station.state.phase)")
          return
        }
        #expect(prompt.retry == .lookUp(.idForm(code: "GYM-116", memberID: 116)), "\(mode)")

        // A wrong password keeps the prompt, with the server's reason.
        await Self.type("pass-2", into: &station)
        guard case .loggingIn(let again) = station.state.phase else {
          Issue.record("\(mode): \(station.state.phase)")
          return
        }
        #expect(again.error?.contains("Invalid username or password") == true, "\(mode)")
        #expect(again.password.isEmpty, "\(mode)")

        let before = try await server.state()
        await Self.type("pass-1", into: &station)
        guard case .member(let dialog) = station.state.phase else {
          Issue.record("\(mode): \(station.state.phase)")
          return
        }
        #expect(dialog.card.member.id == 116, "\(mode)")
        #expect(station.state.notice?.text == "Logged in again", "\(mode)")
        let after = try await server.state()
        let sent = after.requests(after: before.requests.count)
        // One login, then the lookup once: the member's record once (their own stored code is
        // the one scanned: no search), all answered.
        #expect(sent.first?.line == "POST /api/auth/login", "\(mode): \(describe(sent))")
        #expect(sent.filter { $0.path == "/api/customers/116" }.count == 1, "\(mode)")
        #expect(sent.filter { $0.path == "/api/customers/search" }.isEmpty, "\(mode)")
        #expect(sent.allSatisfy { $0.status == 200 }, "\(mode): \(describe(sent))")
        #expect(Self.logins(after) == 3, "\(mode)")  // the first, the wrong one, the right one

        // The new token is saved for the next run.
        let saved = SessionFile(path: desk.sessionPath).load(for: desk.remote.server)
        #expect(saved?.accessToken == desk.remote.loginSession?.accessToken, "\(mode)")

        await station.send(.submit)
        guard let receipt = station.shownReceipt else {
          Issue.record("\(mode): \(station.state.phase)")
          return
        }
        #expect(receipt.memberID == 116 && !receipt.isQueued, "\(mode)")
        #expect(try await server.state().attendance.count == 1, "\(mode)")
      }
    }
  }

  @Test func anExpiredTokenAtConfirmRetriesTheCheckInOnce() async throws {
    try await eachMode { server, mode in
      try await withDesk(server) { desk in
        try await desk.logIn()
        var station = desk.station()
        await station.send(.scanned("GYM-115-9F3A0C1B"))
        guard case .member = station.state.phase else {
          Issue.record("\(mode): \(station.state.phase)")
          return
        }
        try await server.expireTokens()
        await station.send(.choose(.deduct))
        guard case .loggingIn(let prompt) = station.state.phase,
          case .checkIn(let request, _)? = prompt.retry
        else {
          Issue.record("\(mode): \(station.state.phase)")
          return
        }
        #expect(request.memberID == 115 && request.action == .deduct, "\(mode)")
        let refused = try await server.state()
        #expect(refused.attendance.isEmpty && refused.deductions.isEmpty, "\(mode)")

        await Self.type("pass-1", into: &station)
        guard let receipt = station.shownReceipt else {
          Issue.record("\(mode): \(station.state.phase)")
          return
        }
        let state = try await server.state()
        let posts = state.requests(to: "/api/attendance", method: "POST")
        #expect(posts.map(\.status) == [401, mode == .seedSpec ? 201 : 200], "\(mode)")
        #expect(state.attendance.count == 1, "\(mode)")
        #expect(state.deductions.count == 1, "\(mode)")
        #expect(state.balance(45)?.remainingSessions == 6, "\(mode)")
        #expect(receipt.deducted == 1 && receipt.remaining == 6, "\(mode)")
        #expect(Self.logins(state) == 2, "\(mode)")
      }
    }
  }

  /// The new login is refused again at once (its token expires too): the check-in isn't tried a
  /// third time and the station doesn't ask again by itself; the lookup ends at the prompt after
  /// its one retry.
  @Test func aSecondRefusalDoesNotLoop() async throws {
    try await eachMode([.vAug, .seedSpec]) { server, mode in
      try await withDesk(server) { desk in
        try await desk.logIn()
        // A login that works, but whose token the server expires straight away.
        var backend = desk.backend
        let login = try #require(backend.login)
        backend.login = { password throws(BackendError) in
          try await login(password)
          try? await server.expireTokens()
        }
        var station = desk.station(backend)

        await station.send(.scanned("GYM-116"))
        guard case .member = station.state.phase else {
          Issue.record("\(mode): \(station.state.phase)")
          return
        }
        try await server.expireTokens()
        await station.send(.choose(.deduct))
        await Self.type("pass-1", into: &station)
        #expect(station.state.phase == .ready, "\(mode): \(station.state.phase)")
        let notice = station.state.notice?.text ?? ""
        #expect(notice.hasPrefix("Not checked in — Nour Hassan"), "\(mode): \(notice)")
        var state = try await server.state()
        #expect(
          state.requests(to: "/api/attendance", method: "POST").map(\.status) == [401, 401],
          "\(mode)")
        #expect(state.attendance.isEmpty && state.deductions.isEmpty, "\(mode)")
        #expect(Self.logins(state) == 2, "\(mode)")

        // A lookup: refused, logged in, retried once, refused again — back at the prompt.
        let searches = state.requests(to: "/api/customers/search").count
        await station.send(.scanned("GYM-118"))
        guard case .loggingIn = station.state.phase else {
          Issue.record("\(mode): \(station.state.phase)")
          return
        }
        await Self.type("pass-1", into: &station)
        guard case .loggingIn(let prompt) = station.state.phase else {
          Issue.record("\(mode): \(station.state.phase)")
          return
        }
        #expect(prompt.pending == nil && prompt.password.isEmpty, "\(mode)")
        state = try await server.state()
        #expect(state.requests(to: "/api/customers/search").count == searches + 2, "\(mode)")
        #expect(Self.logins(state) == 3, "\(mode)")
      }
    }
  }
}
