import CheckInCore
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

extension RemoteBackend {
  /// The yardsticks a remote benchmark compares the station with, on the same server and
  /// connection settings: single requests as the chain's own app sends them.
  public struct Yardstick: Sendable {
    let backend: RemoteBackend

    /// One `GET` of the member's record.
    public func oneRequest(memberID: Int64) async throws(BackendError) {
      let _: Ignored = try await get("/api/customers/\(memberID)")
    }

    /// What the PowerFit app sends before its dialog, one after another: the member, their plan
    /// list, one plan's record (API.md, Speed).
    public func appSequence(memberID: Int64, planID: Int64) async throws(BackendError) {
      let _: Ignored = try await get("/api/customers/\(memberID)")
      let _: Ignored = try await get("/api/subscriptions?customer_id=\(memberID)&status=active")
      let _: Ignored = try await get("/api/subscriptions/\(planID)")
    }

    /// One bare `POST /api/attendance`: it checks the member in on the server.
    public func onePost(memberID: Int64, branchID: Int64) async throws(BackendError) {
      do {
        let _: Ignored = try await backend.client.send(
          "POST", "/api/attendance",
          body: AttendanceBody(
            customerID: memberID, branchID: branchID, action: CheckInAction.checkInOnly.rawValue,
            subscriptionID: nil, checkInTime: ServerTime.string(Date())),
          timeout: backend.options.checkInTimeout)
      } catch {
        throw error.backendError
      }
    }

    private func get<T: Decodable & Sendable>(_ pathAndQuery: String) async throws(BackendError)
      -> T
    {
      let parts = pathAndQuery.split(separator: "?", maxSplits: 1).map(String.init)
      let query = parts.count > 1 ? URLComponents(string: "?" + parts[1])?.queryItems ?? [] : []
      do {
        return try await backend.client.send(
          "GET", parts[0], query: query, timeout: backend.options.lookupTimeout)
      } catch {
        throw error.backendError
      }
    }
  }

  public var yardstick: Yardstick { Yardstick(backend: self) }

  /// Whether the server is the stand-in test server on this machine (it answers its control
  /// route): the only kind a benchmark that checks members in may run against.
  public func isStandIn() async -> Bool {
    guard server.url.scheme?.lowercased() == "http",
      let url = URL(string: server.url.absoluteString + "/__control__/state")
    else { return false }
    guard let (data, status) = try? await PlainHTTPTransfer.run(URLRequest(url: url), timeout: 5),
      status == 200
    else { return false }
    guard let state = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
      return false
    }
    return state["mode"] is String && state["requests"] is [Any]
  }
}
