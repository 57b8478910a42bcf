import CheckInCore
import Foundation
import Testing

@testable import CheckInRemote

/// Many refused lookups in a row. Each one drops the lookup's requests still in flight (the
/// `async let`s of `fetchCard`), which cancels their transfers; `URLSession.data(for:)` would
/// deadlock when such a cancel meets the transfer's completion (see `DataTransfer`). The
/// watchdog ends the test process loudly if the client ever freezes that way again.
@Suite
struct RemoteStressTests {
  @Test func manyRefusedLookupsNeverStopTheClient() async throws {
    try await StandInServer.run(.vAug) { server in
      try await withDesk(server, cache: false, watchdog: 45) { desk in
        try await desk.logIn()
        let codes = ["GYM-115", "GYM-999", "GYM-123", "115", "NOPE-1-X"]
        for round in 0..<150 {
          let code = codes[round % codes.count]
          let result = await outcome { () throws(BackendError) in try await desk.lookUp(code) }
          #expect(result.value == nil, "\(code)")
          if round % 50 == 49 { print("stress: \(round + 1) refused lookups done") }
        }
      }
    }
  }
}
