import CheckInCore
import Dispatch
import Foundation

/// Serves the `Backend` port from a `LocalStore`, one operation at a time on a queue of its own.
public final class SQLiteBackend: Sendable {
  private let store: Confined<LocalStore>
  public let path: String

  public init(store: LocalStore) {
    self.path = store.database.path
    self.store = Confined(store, label: "checkin.sqlite")
  }

  /// Runs `operation` on the store's queue and waits for it without blocking the caller's thread.
  public func perform<T: Sendable>(
    _ operation: @escaping @Sendable (LocalStore) throws(BackendError) -> T
  ) async throws(BackendError) -> T {
    try await store.run(operation)
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
        defer { self.betweenScans() }
        return try await self.perform { store throws(BackendError) in
          try store.checkIn(request)
        }
      },
      search: { query, limit throws(BackendError) in
        try await self.perform { store throws(BackendError) in
          try store.search(query, limit: limit)
        }
      },
      attendance: { query throws(BackendError) in
        try await self.perform { store throws(BackendError) in try store.attendance(query) }
      },
      countVisits: { query throws(BackendError) in
        try await self.perform { store throws(BackendError) in try store.countVisits(query) }
      },
      void: { attendanceID, _ throws(BackendError) in
        defer { self.betweenScans() }
        return try await self.perform { store throws(BackendError) in
          try store.void(attendanceID: attendanceID)
        }
      }
    )
  }

  /// After a write has answered, before the next operation: the queue is the store's, so what a
  /// background checkpoint left behind is copied back with none of this station's commits between.
  private func betweenScans() {
    store.schedule { store in store.checkpointBetweenScans() }
  }
}
