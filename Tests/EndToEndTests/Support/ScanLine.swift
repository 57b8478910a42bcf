import CheckInCore
import Foundation

/// A receipt `checkin scan --json` printed.
struct ReceiptLine: Equatable, Sendable {
  var attendanceID: Int64
  var customerID: Int64
  var subscriptionID: Int64?
  var deducted: Int
  var remaining: Int?
}

/// One line of `checkin scan --json` output.
enum ScanLine: Equatable, Sendable {
  case checkedIn(ReceiptLine)
  case refused(code: String, customerID: Int64?)
  /// Anything else: an `{"error": …}` object, a half-written line, text.
  case unexpected(String)

  init(parsing line: String) {
    guard let wire = try? JSONDecoder().decode(Wire.self, from: Data(line.utf8)) else {
      self = .unexpected(line)
      return
    }
    if let attendanceID = wire.attendanceID, let customerID = wire.customerID,
      let deducted = wire.deducted, wire.refused == nil, wire.error == nil
    {
      self = .checkedIn(
        ReceiptLine(
          attendanceID: attendanceID, customerID: customerID, subscriptionID: wire.subscriptionID,
          deducted: deducted, remaining: wire.remaining))
    } else if let code = wire.refused, wire.attendanceID == nil, wire.error == nil {
      self = .refused(code: code, customerID: wire.customerID)
    } else {
      self = .unexpected(line)
    }
  }

  var receipt: ReceiptLine? {
    if case .checkedIn(let receipt) = self { return receipt }
    return nil
  }

  /// The member the line is about, when it names one.
  var customerID: Int64? {
    switch self {
    case .checkedIn(let receipt): receipt.customerID
    case .refused(_, let customerID): customerID
    case .unexpected: nil
    }
  }

  private struct Wire: Decodable {
    var attendanceID: Int64?
    var customerID: Int64?
    var subscriptionID: Int64?
    var deducted: Int?
    var remaining: Int?
    var refused: String?
    var error: String?

    enum CodingKeys: String, CodingKey {
      case attendanceID = "attendance_id"
      case customerID = "customer_id"
      case subscriptionID = "subscription_id"
      case deducted, remaining, refused, error
    }
  }
}

/// The end-to-end tests' generator: the project's SplitMix64.
typealias SeededGenerator = SplitMix64

extension SplitMix64 {
  /// The seed for this run: `CHECKIN_E2E_SEED` when set (to replay a failure), else `fallback`.
  static func seed(_ fallback: UInt64) -> UInt64 {
    ProcessInfo.processInfo.environment["CHECKIN_E2E_SEED"].flatMap { UInt64($0) } ?? fallback
  }
}
