import CheckInCore
import CheckInSQLite
import Foundation
import Testing

/// `SQLiteBackend`'s port answers as the store it wraps: two identical files, one used directly,
/// the other through the backend's closures.
@Suite struct SQLiteBackendTests {
  @Test func thePortGivesTheStoresAnswers() async throws {
    try await withTemporaryDirectoryAsync { directory in
      let direct = try Fixture(path: "\(directory)/direct.sqlite3")
      let ported = try Fixture(path: "\(directory)/ported.sqlite3")
      let backend = SQLiteBackend(store: ported.store).backend
      #expect(backend.description.contains("ported.sqlite3"))

      let payload = ScanPayload.code("gym-115-9f3a0c1b")
      let card = try await backend.lookUp(payload, Gym.policy)
      #expect(card == (try direct.store.lookUp(payload, policy: Gym.policy)))
      #expect(card.member.id == 115)

      let request = direct.request(115)
      let receipt = try await backend.checkIn(request)
      #expect(receipt == (try direct.store.checkIn(request)))
      #expect(receipt.remaining == 4)
      #expect(try await backend.lookUp(.member(115), Gym.policy).subscriptions[0].remaining == 4)

      let frozen = direct.request(404)
      await #expect(throws: BackendError.refused(.frozen(reason: "injury"))) {
        try await backend.checkIn(frozen)
      }
      let retired = ScanPayload.idForm(code: "GYM-115", memberID: 115)
      await #expect(throws: BackendError.refused(.retiredCode(code: "GYM-115"))) {
        try await backend.lookUp(retired, Gym.policy)
      }

      let page = try await backend.search("omar", 10)
      #expect(page == (try direct.store.search("omar", limit: 10)))
      let today = AttendanceQuery.day(of: Gym.morning, branchID: 1, timeZone: Gym.timeZone)
      #expect(try await backend.attendance(today) == (try direct.store.attendance(today)))

      let undo = try await backend.void(receipt.attendanceID, Gym.morning)
      #expect(undo == (try direct.store.void(attendanceID: receipt.attendanceID)))
      #expect(undo.remaining == 5)
    }
  }
}
