import CheckInCore
import CheckInRemote
import Foundation
import Synchronization

/// `checkin bench --api URL`: the station against a server, side by side with that server's own
/// yardsticks in the same run — one request, the chain's app's three requests, one check-in
/// `POST` — so the ratios mean something on any machine. It checks members in on the server:
/// run it against a test server (the stand-in in field mode), never a gym's.
enum RemoteBench {
  /// The stand-in's members used: one on a coin plan (looked up), one on a time plan (checked in,
  /// as often as the benchmark likes: nothing runs out).
  static let lookedUp: (member: Int64, plan: Int64, code: String) = (116, 46, "GYM-116")
  static let checkedIn: (member: Int64, plan: Int64) = (117, 47)

  struct Report {
    var rounds = 0
    var oneGet = Distribution()
    var appSequence = Distribution()
    var seenBefore = Distribution()
    var firstSeen = Distribution()
    var onePost = Distribution()
    var confirm = Distribution()
    var cpuPerScan = Distribution()
    var requestsSeenBefore = 0
    var requestsFirstSeen = 0

    var table: String {
      func row(_ name: String, _ value: Distribution, _ extra: String = "") -> String {
        name.padding(toLength: 44, withPad: " ", startingAt: 0)
          + String(format: "%7.1f %7.1f", value.p50, value.p99) + extra
      }
      func ratio(_ value: Distribution, _ base: Distribution) -> String {
        String(format: "   %.2f×", value.p50 / Swift.max(base.p50, 0.001))
      }
      return [
        "Against the server, \(rounds) rounds, interleaved (ms)         p50     p99",
        row("one GET (the member's record)", oneGet),
        row("the app's three requests, one after another", appSequence),
        row(
          "scan → card, member seen before (\(requestsSeenBefore) req)", seenBefore,
          ratio(seenBefore, appSequence) + " of the app's three"),
        row(
          "scan → card, member seen first (\(requestsFirstSeen) req)", firstSeen,
          ratio(firstSeen, appSequence) + " of the app's three"),
        row("one POST /api/attendance", onePost),
        row(
          "confirm → result (the station's check-in)", confirm,
          ratio(confirm, onePost) + " of one POST"),
        row("client CPU per scan, member seen before", cpuPerScan),
      ].joined(separator: "\n")
    }

    var json: JSONValue {
      .object([
        ("rounds", .integer(rounds)), ("one_get", oneGet.json), ("app_sequence", appSequence.json),
        ("seen_before", seenBefore.json), ("first_seen", firstSeen.json),
        ("one_post", onePost.json), ("confirm", confirm.json), ("cpu_per_scan", cpuPerScan.json),
        ("requests_seen_before", .integer(requestsSeenBefore)),
        ("requests_first_seen", .integer(requestsFirstSeen)),
      ])
    }
  }

  static func run(_ context: CommandContext, api: String, rounds: Int) async -> ExitCode {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("checkin-remote-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    do throws(BackendError) {
      let address = try context.serverAddress(api)
      let paths = Paths(environment: context.environment)
      let requests = Atomic<Int>(0)
      let counting: @Sendable (String) -> Void = { line in
        if line.contains(" → ") { requests.add(1, ordering: .relaxed) }
      }
      let session = SessionFile(path: paths.sessionFile)
      let probe = RemoteBackend(server: address, sessionFile: session, cache: nil)
      guard await probe.isStandIn() else {
        return context.fail(
          "\(address.host) isn't the stand-in test server: the remote benchmark checks members in "
            + "(100 times for 50 rounds), so it runs only against Tests/Fixtures/gym_server.py")
      }
      guard session.load(for: address) != nil else {
        return context.fail(
          "Not logged in to \(address.host) — run `checkin login --api \(address) --user NAME`")
      }
      let remembering = RemoteBackend(
        server: address, sessionFile: session,
        cache: try RemoteCache(
          path: folder.appendingPathComponent("cache.sqlite3").path, server: address.key),
        log: counting)
      let forgetting = RemoteBackend(
        server: address, sessionFile: session, cache: nil, log: counting)
      let policy = CheckInPolicy(branchID: context.settings.branchID, duplicateWindow: 0)
      let station = remembering.backend
      let first = forgetting.backend
      // Once before measuring: connections' first costs and the card to remember.
      _ = try await station.lookUp(.idForm(code: lookedUp.code, memberID: lookedUp.member), policy)

      var report = Report(rounds: rounds)
      for _ in 0..<rounds {
        report.oneGet.add(
          try await timed { () throws(BackendError) in
            try await remembering.yardstick.oneRequest(memberID: lookedUp.member)
          })
        report.appSequence.add(
          try await timed { () throws(BackendError) in
            try await remembering.yardstick.appSequence(
              memberID: lookedUp.member, planID: lookedUp.plan)
          })
        let before = requests.load(ordering: .relaxed)
        let cpu = processCPU()
        report.seenBefore.add(
          try await timed { () throws(BackendError) in
            _ = try await station.lookUp(
              .idForm(code: lookedUp.code, memberID: lookedUp.member), policy)
          })
        report.cpuPerScan.add((processCPU() - cpu) * 1000)
        report.requestsSeenBefore = requests.load(ordering: .relaxed) - before
        let beforeFirst = requests.load(ordering: .relaxed)
        report.firstSeen.add(
          try await timed { () throws(BackendError) in
            _ = try await first.lookUp(
              .idForm(code: lookedUp.code, memberID: lookedUp.member), policy)
          })
        report.requestsFirstSeen = requests.load(ordering: .relaxed) - beforeFirst
        report.onePost.add(
          try await timed { () throws(BackendError) in
            try await remembering.yardstick.onePost(
              memberID: checkedIn.member, branchID: policy.branchID)
          })
        let request = CheckInRequest(
          memberID: checkedIn.member, code: nil, subscriptionID: checkedIn.plan,
          action: .checkInOnly, policy: policy, station: "bench", requestedAt: Date(),
          memberName: "bench", kind: .time)
        report.confirm.add(
          try await timed { () throws(BackendError) in
            _ = try await station.checkIn(request)
          })
      }
      context.console.line(context.json ? report.json.rendered : report.table)
      return .success
    } catch {
      return context.fail(error.message)
    }
  }

  private static func timed(_ body: () async throws(BackendError) -> Void)
    async throws(BackendError) -> Double
  {
    let start = ContinuousClock.now
    try await body()
    return (ContinuousClock.now - start).milliseconds
  }

  /// The process's CPU time so far (user and system, every thread), in seconds.
  private static func processCPU() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
  }
}
