import Foundation
import Testing

@testable import CheckInApp

/// Instants in `--json` output and hook input: UTC, milliseconds, rounded as a whole.
@Suite struct TimestampTests {
  @Test func writesUTCWithMilliseconds() {
    #expect(Timestamp.iso(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
    #expect(
      Timestamp.iso(Date(timeIntervalSince1970: 1_795_624_325.25))
        == "2026-11-25T16:32:05.250Z")
  }

  @Test func roundingCarriesIntoTheSecondsAndTheDay() {
    #expect(Timestamp.iso(Date(timeIntervalSince1970: 0.9996)) == "1970-01-01T00:00:01.000Z")
    #expect(
      Timestamp.iso(Date(timeIntervalSince1970: 86_399.9999)) == "1970-01-02T00:00:00.000Z")
  }

  @Test func instantsBefore1970CountBackwards() {
    #expect(Timestamp.iso(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500Z")
  }
}
