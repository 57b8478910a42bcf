import CheckInCore
import Foundation
import Testing

@testable import CheckInRemote

/// Logging in, the session file, and the token staying out of every log line.
@Suite struct RemoteLoginTests {
  @Test func goodBadAndInactiveLoginsInEveryMode() async throws {
    try await eachMode { server, mode in
      try await withDesk(server) { desk in
        // A wrong password and an inactive account: the server's words, and no session kept.
        let wrong = await outcome { () throws(BackendError) in
          try await desk.logIn("reception1", "pass-2")
        }
        #expect(wrong.failure == .server("Invalid username or password"), "\(mode)")
        let inactive = await outcome { () throws(BackendError) in
          try await desk.logIn("gone", "pass-4")
        }
        #expect(inactive.failure == .server("Account is inactive"), "\(mode)")
        #expect(!FileManager.default.fileExists(atPath: desk.sessionPath), "\(mode)")
        #expect(desk.remote.loginSession == nil, "\(mode)")

        let session = try await desk.logIn()
        #expect(session.username == "reception1", "\(mode)")
        #expect(session.fullName == "Mona Fathy", "\(mode)")
        #expect(session.role == "front_desk", "\(mode)")
        #expect(session.branchID == 1, "\(mode)")
        #expect(session.branchName == "Main", "\(mode)")
        #expect(session.server == server.baseURL.absoluteString, "\(mode)")
        #expect(desk.remote.loginSession == session, "\(mode)")

        // The file: owner-only, in an owner-only folder, the token but never the password.
        let file = try FileManager.default.attributesOfItem(atPath: desk.sessionPath)
        #expect((file[.posixPermissions] as? NSNumber)?.intValue == 0o600, "\(mode)")
        let folder = (desk.sessionPath as NSString).deletingLastPathComponent
        let folderAttributes = try FileManager.default.attributesOfItem(atPath: folder)
        #expect((folderAttributes[.posixPermissions] as? NSNumber)?.intValue == 0o700, "\(mode)")
        let text = try String(contentsOfFile: desk.sessionPath, encoding: .utf8)
        #expect(!text.contains("pass-1"), "\(mode): the session file holds the password")
        #expect(text.contains(session.accessToken), "\(mode): the session file lost the token")

        // A later run of the station finds the login; a run against another server doesn't.
        let again = RemoteBackend(
          server: try ServerAddress(server.baseURL.absoluteString),
          sessionFile: SessionFile(path: desk.sessionPath), cache: nil)
        let loaded = try #require(again.loginSession, "\(mode)")
        #expect(loaded.username == session.username && loaded.user == session.user, "\(mode)")
        #expect(loaded.accessToken == session.accessToken, "\(mode)")
        #expect(abs(loaded.loggedInAt.timeIntervalSince(session.loggedInAt)) < 0.001, "\(mode)")
        let elsewhere = RemoteBackend(
          server: try ServerAddress("http://127.0.0.1:9"),
          sessionFile: SessionFile(path: desk.sessionPath), cache: nil)
        #expect(elsewhere.loginSession == nil, "\(mode)")

        // The saved token works: a lookup goes through on the second backend.
        let card = try await again.backend.lookUp(
          .idForm(code: "GYM-116", memberID: 116), Desk.policy)
        #expect(card.member.id == 116, "\(mode)")
      }
    }
  }

  @Test func rateLimitedLoginSaysToWait() async throws {
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server) { desk in
        try await server.fault(.rateLimit)
        let limited = await outcome { () throws(BackendError) in try await desk.logIn() }
        #expect(limited.failure == .server("Too many attempts — wait a minute and try again"))
        #expect(desk.remote.loginSession == nil)
        try await desk.logIn()
        #expect(desk.remote.loginSession != nil)
      }
    }
  }

  /// A whole session — logins, lookups, check-ins, a refused token and a new login, an offline
  /// check-in and its sync — and not one logged line holds the token or the password.
  @Test func tokenAndPasswordNeverReachTheLog() async throws {
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server) { desk in
        let first = try await desk.logIn().accessToken
        var tokens = [first]

        for code in ["GYM-116", "customer_id:117", "GYM-115-9F3A0C1B", "GYM-115", "GYM-999"] {
          _ = await outcome { () throws(BackendError) in try await desk.lookUp(code) }
        }
        let nour = try await desk.lookUp("GYM-116")
        _ = try await desk.backend.checkIn(desk.request(nour, plan: 46, .deduct))
        let omar = try await desk.lookUp("customer_id:117")
        _ = try await desk.backend.checkIn(desk.request(omar, plan: 47, .checkInOnly))
        _ = try await desk.backend.search("Adel", 10)
        _ = try await desk.backend.attendance(
          .day(of: Date(), branchID: 1, timeZone: .gmt))

        // Mid-shift the token expires: refused, then the station logs in again.
        try await server.expireTokens()
        let refused = await outcome { () throws(BackendError) in try await desk.lookUp("GYM-118") }
        #expect(refused.failure == .unauthorized)
        let login = try #require(desk.backend.login)
        try await login("pass-1")
        let second = try #require(desk.remote.loginSession?.accessToken)
        #expect(second != first)
        tokens.append(second)
        let salma = try await desk.lookUp("GYM-118")
        _ = try await desk.backend.checkIn(desk.request(salma, plan: 48, .deduct))

        // Offline and back: the outbox logs too.
        await server.stop()
        let queued = try await desk.backend.checkIn(desk.request(nour, plan: 46, .deduct))
        #expect(queued.isQueued)
        try await server.restart()
        let report = await desk.remote.sendQueued()
        #expect(report.sent == 1)

        let lines = desk.log.all
        #expect(lines.count >= 10, "the client logged almost nothing: \(lines)")
        for token in tokens {
          // The whole token, and each of its signed parts on its own.
          let parts = token.split(separator: ".").map(String.init).dropFirst()
          for line in lines {
            #expect(!line.contains(token), "the token was logged: \(line)")
            for part in parts { #expect(!line.contains(part), "part of the token was logged") }
          }
        }
        for line in lines { #expect(!line.contains("pass-1"), "the password was logged: \(line)") }

        // Nor does the offline cache keep either.
        let cachePath = try #require(desk.cachePath)
        var bytes = Data()
        for suffix in ["", "-wal"] {
          bytes += FileManager.default.contents(atPath: cachePath + suffix) ?? Data()
        }
        #expect(!bytes.isEmpty)
        for secret in tokens + ["pass-1"] {
          #expect(bytes.range(of: Data(secret.utf8)) == nil, "the cache holds a secret")
        }
      }
    }
  }
}
