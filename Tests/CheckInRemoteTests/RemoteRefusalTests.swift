import CheckInCore
import Foundation
import Testing

@testable import CheckInRemote

/// Every refusal of API.md as the core's typed refusal with its one-line message, and nothing
/// recorded or deducted for a refused member.
@Suite struct RemoteRefusalTests {
  struct Case: Sendable {
    let member: Int64
    let code: String
    let name: String
    /// The member's (only or latest) plan, as the dialog would have sent it.
    let plan: Int64?
    let kind: PlanKind?
    let refusal: Refusal
    let message: String
    /// Where the deployed servers have no guard of their own (an ended plan not yet read, an
    /// inactive member): only the station refuses.
    var serverAdmits = false
    /// February's server never picks a frozen plan: to it, the member has no subscription.
    var februaryRefusal: Refusal? = nil

    func serverRefusal(_ mode: StandInServer.Mode) -> Refusal {
      mode == .vFeb ? februaryRefusal ?? refusal : refusal
    }
  }

  static func cases() -> [Case] {
    let ended = serverDay(-5)
    return [
      Case(
        member: 119, code: "GYM-119", name: "Youssef Ali", plan: 49, kind: .sessions,
        refusal: .frozen(reason: "Travelling for work"),
        message: "Youssef Ali's plan is frozen (Travelling for work)",
        februaryRefusal: .noSubscription),
      // NO_SUBSCRIPTION with expired plans: the last one ended five days ago.
      Case(
        member: 120, code: "GYM-120", name: "Mariam Adel", plan: 50, kind: .time,
        refusal: .expired(endedOn: ended), message: "Mariam Adel's plan ended on \(ended)",
        serverAdmits: true),
      // NO_SUBSCRIPTION with no plan at all.
      Case(
        member: 128, code: "GYM-128", name: "Fady Wagdy", plan: nil, kind: nil,
        refusal: .noSubscription, message: "Fady Wagdy has no active plan"),
      Case(
        member: 121, code: "GYM-121", name: "Hany Samir", plan: 52, kind: .sessions,
        refusal: .noSessions, message: "Hany Samir has no sessions left"),
      Case(
        member: 122, code: "GYM-122", name: "Dina Farouk", plan: 53, kind: .coins,
        refusal: .noCoins, message: "Dina Farouk has no coins left"),
      Case(
        member: 124, code: "GYM-124", name: "Rania Said", plan: 55, kind: .time,
        refusal: .inactive,
        message: "Rania Said's membership is inactive — please see the front desk",
        serverAdmits: true),
    ]
  }

  /// The deployed servers refuse at `POST /api/attendance` (403 + `errors.code`): each answer
  /// becomes the typed refusal.
  @Test func theServersRefusalsBecomeTypedRefusals() async throws {
    try await eachMode(StandInServer.Mode.deployed) { server, mode in
      try await withDesk(server) { desk in
        try await desk.logIn()
        for item in Self.cases() where !item.serverAdmits {
          let request = CheckInRequest(
            memberID: item.member, code: item.code, subscriptionID: item.plan, action: .deduct,
            policy: Desk.policy, station: "desk-1", requestedAt: Date(), memberName: item.name,
            kind: item.kind)
          let before = try await server.state()
          let result = await outcome { () throws(BackendError) in
            try await desk.backend.checkIn(request)
          }
          let after = try await server.state()
          let label = "\(mode) \(item.code)"
          #expect(result.failure == .refused(item.serverRefusal(mode)), "\(label): \(result)")
          // Asked once, refused, nothing recorded, nothing charged, nothing queued.
          let sent = after.requests(after: before.requests.count)
          #expect(sent.map(\.line) == ["POST /api/attendance"], "\(label): \(describe(sent))")
          #expect(sent.first?.body?["branch_id"]?.int == 1, "\(label)")
          #expect(after.attendance.count == before.attendance.count, "\(label)")
          #expect(after.deductions.count == before.deductions.count, "\(label)")
        }
        #expect(try desk.outbox().isEmpty, "\(mode)")
        #expect(desk.remote.status.reachable == true, "\(mode)")
      }
    }
  }

  /// v-aug answers a check-in of another branch's member 404 "Customer not found", as for a
  /// member who doesn't exist: refused as not found, nothing recorded.
  @Test func aCustomerTheServerCantFindIsRefusedAsNotFound() async throws {
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server) { desk in
        try await desk.logIn()
        for (member, code) in [(Int64(123), "GYM-123"), (999, "GYM-999")] {
          let request = CheckInRequest(
            memberID: member, code: code, subscriptionID: nil, action: .deduct,
            policy: Desk.policy, station: "desk-1", requestedAt: Date())
          let result = await outcome { () throws(BackendError) in
            try await desk.backend.checkIn(request)
          }
          #expect(result.failure == .refused(.notFound(code: code)), "\(code): \(result)")
        }
        #expect(try await server.state().attendance.isEmpty)
      }
    }
  }

  /// At the desk the card from the server is refused by the station's rules before anything is
  /// sent — the only refusal there is on the seed's server, which records whatever it is sent.
  @Test func theStationRefusesFromTheServersCard() async throws {
    try await eachMode { server, mode in
      try await withDesk(server) { desk in
        try await desk.logIn()
        var station = desk.station()
        for item in Self.cases() {
          await station.send(.scanned(item.code))
          let label = "\(mode) \(item.code)"
          guard case .result(let banner) = station.state.phase,
            case .refused(let refusal, let name) = banner.outcome
          else {
            Issue.record("\(label): \(station.state.phase)")
            continue
          }
          #expect(refusal == item.refusal, "\(label)")
          #expect(name == item.name, "\(label)")
          #expect(refusal.message(name: name, timeZone: .gmt) == item.message, "\(label)")
        }
        let state = try await server.state()
        #expect(state.requests(to: "/api/attendance", method: "POST").isEmpty, "\(mode)")
        #expect(state.attendance.isEmpty && state.deductions.isEmpty, "\(mode)")
      }
    }
  }
}
