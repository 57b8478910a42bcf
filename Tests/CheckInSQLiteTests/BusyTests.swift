import CheckInCore
import CheckInSQLite
import Foundation
import Testing

/// Another program holding the write lock: the station says so, writes nothing, and recovers.
@Suite struct BusyTests {
  @Test func aHeldWriteLockIsReportedAsBusyAndNothingIsWritten() throws {
    try withFixture { fixture in
      let station = try fixture.openStation(busyTimeoutMilliseconds: 200)
      let other = try Database(path: fixture.path, mode: .readWrite)
      try other.execute("BEGIN IMMEDIATE")

      let error = #expect(throws: BackendError.self) {
        try station.checkIn(fixture.request(201))
      }
      guard case .storage(let message) = try #require(error) else {
        Issue.record("expected a storage error, got \(String(describing: error))")
        return
      }
      #expect(message.contains("busy"))
      #expect(throws: BackendError.self) {
        try station.void(attendanceID: 1)
      }
      // Readers are not held up by a writer (WAL): the desk can still look members up.
      #expect(try station.lookUp(.member(201), policy: Gym.policy).subscriptions[0].remaining == 3)
      #expect(try fixture.count("attendance") == 0)
      #expect(try fixture.remaining(2011) == 3)

      try other.execute("COMMIT")
      let receipt = try station.checkIn(fixture.request(201))
      #expect(receipt.remaining == 2)
      #expect(try fixture.count("attendance") == 1)
      #expect(try fixture.remaining(2011) == 2)
    }
  }

  @Test func whatTheOtherConnectionWroteIsReadUnderTheLock() throws {
    try withFixture { fixture in
      let station = try fixture.openStation(busyTimeoutMilliseconds: 200)
      let other = try Database(path: fixture.path, mode: .readWrite)
      try other.execute("BEGIN IMMEDIATE")
      try other.run("UPDATE subscriptions SET remaining = 0 WHERE id = ?", 2011)
      #expect(throws: BackendError.self) {
        try station.checkIn(fixture.request(201))
      }
      try other.execute("COMMIT")
      #expect(throws: BackendError.refused(.noSessions)) {
        try station.checkIn(fixture.request(201))
      }
      #expect(try fixture.count("attendance") == 0)
    }
  }
}
