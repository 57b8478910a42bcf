import Foundation
import Synchronization
import Testing

@testable import CheckInCore

/// The headless driver and the effect runner against a fake store built from `Backend`'s
/// closures.
@Suite struct HeadlessStationTests {
  /// What the fake store and the hooks saw.
  final class Log: Sendable {
    let requests = Mutex<[CheckInRequest]>([])
    let announced = Mutex<[Receipt]>([])
    let signals = Mutex<[Signal]>([])
    let searches = Mutex<[String]>([])
  }

  private static func store(_ log: Log) -> Backend {
    var backend = Backend.unimplemented("fake store")
    backend.lookUp = { payload, _ throws(BackendError) in
      guard let card = Fixture.card(for: payload) else {
        throw .refused(.notFound(code: payload.displayText))
      }
      return card
    }
    backend.checkIn = { request throws(BackendError) in
      log.requests.withLock { $0.append(request) }
      return Fixture.receipt(for: request, attendanceID: 900)
    }
    backend.attendance = { query throws(BackendError) in
      let entries = log.requests.withLock { $0 }.enumerated().map { index, request in
        AttendanceEntry(
          id: Int64(900 + index), memberID: request.memberID, memberName: "Sara Haddad",
          checkedInAt: request.requestedAt, action: request.action,
          deducted: request.action == .deduct ? 1 : 0, subscriptionID: request.subscriptionID,
          branchID: query.branchID)
      }
      return entries
    }
    backend.search = { query, _ throws(BackendError) in
      log.searches.withLock { $0.append(query) }
      return Fixture.page(query)
    }
    return backend
  }

  private static func environment(_ log: Log) -> StationEnvironment {
    StationEnvironment(
      backend: store(log),
      announce: { receipt in log.announced.withLock { $0.append(receipt) } },
      signal: { signal in log.signals.withLock { $0.append(signal) } })
  }

  @Test func scanAndConfirmChecksInThroughTheStore() async throws {
    let log = Log()
    var station = HeadlessStation(environment: Self.environment(log)) { Fixture.context() }

    await station.send(.scanned("GYM-1"))
    let dialog = try #require(station.state.phase.dialog)
    #expect(dialog.card == Fixture.sara)
    #expect(dialog.choice == .deduct)

    await station.send(.submit)
    let request = try #require(log.requests.withLock { $0 }.first)
    #expect(log.requests.withLock { $0.count } == 1)
    #expect(request.memberID == 1)
    #expect(request.subscriptionID == 11)
    #expect(request.action == .deduct)
    #expect(request.code == "GYM-1")

    let receipt = Fixture.receipt(for: request, attendanceID: 900)
    #expect(station.state.phase.banner?.outcome == .checkedIn(receipt))
    #expect(station.state.lastCheckIn == receipt)
    #expect(log.announced.withLock { $0 } == [receipt])
    #expect(log.signals.withLock { $0 } == [.checkedIn])
    // The visit joins the day's list at once, without asking the store for the whole list.
    #expect(station.state.today.entries.map(\.id) == [receipt.attendanceID])
  }

  @Test func unknownCodeIsRefusedThroughTheStore() async {
    let log = Log()
    var station = HeadlessStation(environment: Self.environment(log)) { Fixture.context() }
    await station.send(.scanned("GYM-404"))
    #expect(
      station.state.phase.banner?.outcome
        == .refused(.notFound(code: "GYM-404"), memberName: nil))
    #expect(log.signals.withLock { $0 } == [.refused])
    #expect(log.requests.withLock { $0.isEmpty })
  }

  /// The unimplemented store fails every call; the station says so and returns to ready.
  @Test func failingStoreLeavesTheStationReady() async {
    let environment = StationEnvironment(backend: .unimplemented("nothing"))
    var station = HeadlessStation(environment: environment) { Fixture.context() }
    await station.send(.scanned("GYM-1"))
    #expect(station.state.phase == .ready)
    #expect(station.state.notice?.text == "nothing: not available")
  }

  @Test func runnerAnswersALookupWithItsRequestID() async {
    let log = Log()
    let answer = await EffectRunner.perform(
      .lookUp(RequestID(5), .idForm(code: "GYM-2", memberID: 2)), in: Self.environment(log),
      context: Fixture.context())
    #expect(answer == .lookedUp(RequestID(5), .success(Fixture.omar)))
  }

  @Test func runnerRunsHooksWithoutAnswering() async {
    let log = Log()
    let environment = Self.environment(log)
    #expect(
      await EffectRunner.perform(.signal(.needsStaff), in: environment, context: Fixture.context())
        == nil)
    #expect(
      await EffectRunner.perform(.cancel(RequestID(3)), in: environment, context: Fixture.context())
        == nil)
    #expect(log.signals.withLock { $0 } == [.needsStaff])
  }

  @Test func searchWithoutDelayRunsAtOnce() async {
    let log = Log()
    let answer = await EffectRunner.perform(
      .search(RequestID(8), query: "sara", limit: 20, delay: 0), in: Self.environment(log),
      context: Fixture.context())
    #expect(answer == .searched(RequestID(8), .success(Fixture.page("sara"))))
    #expect(log.searches.withLock { $0 } == ["sara"])
  }

  /// Typing on supersedes a debounced search: cancelling its task must stop it before the store
  /// is asked, and answer `.cancelled`, which the reducer ignores quietly.
  @Test(.timeLimit(.minutes(1)))
  func debouncedSearchIsCancellable() async {
    let log = Log()
    let environment = Self.environment(log)
    let task = Task {
      await EffectRunner.perform(
        .search(RequestID(9), query: "sara", limit: 20, delay: 30), in: environment,
        context: Fixture.context())
    }
    task.cancel()
    #expect(await task.value == .searched(RequestID(9), .failure(.cancelled)))
    #expect(log.searches.withLock { $0.isEmpty })
  }
}
