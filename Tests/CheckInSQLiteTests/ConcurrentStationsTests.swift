import CheckInCore
import CheckInSQLite
import Foundation
import Testing

/// Several stations (connections) on one file at the same moment: the check-in's transaction makes
/// them take turns, so no deduction is lost or doubled.
@Suite struct ConcurrentStationsTests {
  /// Runs one check-in per station, all at once, each station on its own `SQLiteBackend` queue,
  /// and returns what each got.
  private func checkInAtOnce(
    _ fixture: Fixture, stations count: Int, request: CheckInRequest
  ) async throws -> [Result<Receipt, BackendError>] {
    let ports = try (0..<count).map { _ in SQLiteBackend(store: try fixture.openStation()).backend }
    return await withTaskGroup(of: Result<Receipt, BackendError>.self) { group in
      for port in ports {
        group.addTask {
          do throws(BackendError) {
            return .success(try await port.checkIn(request))
          } catch {
            return .failure(error)
          }
        }
      }
      var results: [Result<Receipt, BackendError>] = []
      for await result in group { results.append(result) }
      return results
    }
  }

  @Test func fourStationsScanningOneMemberCheckHerInOnce() async throws {
    try await withTemporaryDirectoryAsync { directory in
      let fixture = try Fixture(path: "\(directory)/gym.sqlite3")
      let results = try await checkInAtOnce(fixture, stations: 4, request: fixture.request(201))
      let receipts = results.compactMap { try? $0.get() }
      #expect(receipts.count == 1)
      #expect(receipts.map(\.remaining) == [2])
      let refusals = results.compactMap { result -> BackendError? in
        guard case .failure(let error) = result else { return nil }
        return error
      }
      #expect(
        refusals == Array(repeating: .refused(.duplicate(lastCheckIn: Gym.morning)), count: 3))
      #expect(try fixture.count("attendance") == 1)
      #expect(try fixture.remaining(2011) == 2)
    }
  }

  @Test func eightStationsNeverDeductMoreThanThePlanHolds() async throws {
    try await withTemporaryDirectoryAsync { directory in
      let fixture = try Fixture(path: "\(directory)/gym.sqlite3")
      var anyTime = Gym.policy
      anyTime.duplicateWindow = 0
      // Mariam's later plan holds 5 sessions.
      let request = fixture.request(504, subscriptionID: 5042, policy: anyTime)
      let results = try await checkInAtOnce(fixture, stations: 8, request: request)
      let receipts = results.compactMap { try? $0.get() }
      #expect(receipts.count == 5)
      #expect(receipts.map { $0.remaining ?? -1 }.sorted() == [0, 1, 2, 3, 4])
      let refused = results.filter { result in
        if case .failure(.refused(.noSessions)) = result { return true }
        return false
      }
      #expect(refused.count == 3)
      #expect(try fixture.remaining(5042) == 0)
      #expect(try fixture.count("attendance") == 5)
      #expect(try fixture.store.database.integer("SELECT sum(deducted) FROM attendance") == 5)
    }
  }
}
