import CheckInCore
import Foundation
import Testing

@testable import CheckInRemote

/// Plain `http` (this machine only) goes over the station's own socket; `https` over URLSession.
/// Both transports must mean the same to the desk: the same answers, the same failures. The main
/// flows run here over URLSession too, so the path every `https` server takes stays tested.
@Suite struct RemoteTransportTests {
  static let bothTransports: [RemoteOptions.Transport] = [.automatic, .urlSession]

  private func options(_ transport: RemoteOptions.Transport, lookup: Double = 30)
    -> RemoteOptions
  {
    var options = RemoteOptions(
      lookupTimeout: lookup, checkInTimeout: 30, otherTimeout: 30, probeInterval: 0.1,
      probeTimeout: 1)
    options.transport = transport
    return options
  }

  @Test(arguments: bothTransports)
  func lookUpCheckInAndTheOutboxAlike(_ transport: RemoteOptions.Transport) async throws {
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server, options: options(transport)) { desk in
        try await desk.logIn()
        let card = try await desk.lookUp("GYM-115-9F3A0C1B")
        #expect(card.member.id == 115 && card.subscriptions.first?.remaining == 7)
        let receipt = try await desk.backend.checkIn(desk.request(card, plan: 45, .deduct))
        #expect(receipt.deducted == 1 && receipt.remaining == 6 && !receipt.isQueued)
        let search = try await desk.backend.search("Adel", 20)
        #expect(Set(search.hits.map(\.id)) == [115, 120, 132])
        // A refusal comes back as the server's words, on either transport.
        let refused = await outcome { () throws(BackendError) in
          try await desk.backend.checkIn(
            CheckInRequest(
              memberID: 121, code: "GYM-121", subscriptionID: 52, action: .deduct,
              policy: Desk.policy, station: "desk-1", requestedAt: Date()))
        }
        #expect(refused.failure == .refused(.noSessions), "\(refused)")

        // A connection closed without an answer after the request went out: it may be recorded,
        // on either transport — listed for review, never sent again by itself.
        try await server.down()
        let lost = await outcome { () throws(BackendError) in
          try await desk.backend.checkIn(desk.request(card, plan: 45, .deduct))
        }
        guard case .unknownOutcome? = lost.failure else {
          Issue.record("\(transport): \(lost)")
          return
        }
        #expect(try desk.outbox().map(\.state) == [.review])
        try await server.up()
      }
    }
  }

  @Test(arguments: bothTransports)
  func aRefusedConnectionIsNotDelivered(_ transport: RemoteOptions.Transport) async throws {
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server, options: options(transport)) { desk in
        try await desk.logIn()
        let card = try await desk.lookUp("GYM-116")
        await server.stop()
        // Never reached the server: safe to send later, so it waits in the outbox.
        let receipt = try await desk.backend.checkIn(desk.request(card, plan: 46, .deduct))
        #expect(receipt.isQueued)
        #expect(try desk.outbox().map(\.state) == [.queued])
      }
    }
  }

  @Test(arguments: bothTransports)
  func aServerThatNeverAnswersTimesOutAndACancelReturnsAtOnce(
    _ transport: RemoteOptions.Transport
  ) async throws {
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server, cache: false, options: options(transport, lookup: 1)) { desk in
        try await desk.logIn()
        try await server.hang()
        let timedOut = await outcome { () throws(BackendError) in try await desk.lookUp("GYM-116") }
        #expect(timedOut.failure == .timedOut, "\(timedOut)")
        try await server.up()
        try await desk.waitUntilAnswering()

        try await server.hang()
        let backend = desk.backend
        let lookup = Task { () async -> Result<MemberCard, BackendError> in
          await outcome { () throws(BackendError) in
            try await backend.lookUp(.member(116), Desk.policy)
          }
        }
        let arrived = try await eventually(server) { state in
          state.requests.contains { $0.fault == "hang" }
        }
        #expect(arrived)
        lookup.cancel()
        let result = await lookup.value
        #expect(result.failure == .cancelled || result.failure == .timedOut, "\(result)")
        try await server.up()
      }
    }
  }
}
