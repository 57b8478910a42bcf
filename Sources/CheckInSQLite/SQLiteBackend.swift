import CheckInCore
import Dispatch
import Foundation

/// Serves the `Backend` port from a `LocalStore`, one operation at a time on a queue of its own,
/// so SQLite's blocking calls (and its busy waits) never hold a thread of Swift's concurrency pool.
public final class SQLiteBackend: @unchecked Sendable {
  // The store is only touched on `queue`; that confinement is what makes this class Sendable.
  private let store: LocalStore
  private let queue = DispatchQueue(label: "checkin.sqlite")
  public let path: String

  public init(store: LocalStore) {
    self.store = store
    self.path = store.database.path
  }

  /// Runs `operation` on the store's queue and waits for it without blocking the caller's thread.
  public func perform<T: Sendable>(
    _ operation: @escaping @Sendable (LocalStore) throws(BackendError) -> T
  ) async throws(BackendError) -> T {
    let result: Result<T, BackendError> = await withCheckedContinuation { continuation in
      queue.async {
        do throws(BackendError) {
          continuation.resume(returning: .success(try operation(self.store)))
        } catch {
          continuation.resume(returning: .failure(error))
        }
      }
    }
    return try result.get()
  }

  /// The port the station runs on.
  public var backend: Backend {
    Backend(
      description: "local database \(path)",
      lookUp: { payload, policy throws(BackendError) in
        try await self.perform { store throws(BackendError) in
          try store.lookUp(payload, policy: policy)
        }
      },
      checkIn: { request throws(BackendError) in
        try await self.perform { store throws(BackendError) in try store.checkIn(request) }
      },
      search: { query, limit throws(BackendError) in
        try await self.perform { store throws(BackendError) in
          try store.search(query, limit: limit)
        }
      },
      attendance: { query throws(BackendError) in
        try await self.perform { store throws(BackendError) in try store.attendance(query) }
      },
      void: { attendanceID, _ throws(BackendError) in
        try await self.perform { store throws(BackendError) in
          try store.void(attendanceID: attendanceID)
        }
      }
    )
  }
}
