import Foundation

/// One line of a day's check-in list.
public struct AttendanceEntry: Hashable, Sendable {
  public var id: Int64
  public var memberID: Int64
  public var memberName: String
  public var checkedInAt: Date
  public var action: CheckInAction
  public var deducted: Int
  public var subscriptionID: Int64?
  public var branchID: Int64
  /// Which station recorded it, when known.
  public var station: String?
  public var isVoided: Bool
  public var overrideReason: String?
  /// What the plan counts, when the store says: "−1 session" or "−1 coin".
  public var kind: PlanKind?

  public init(
    id: Int64, memberID: Int64, memberName: String, checkedInAt: Date, action: CheckInAction,
    deducted: Int, subscriptionID: Int64?, branchID: Int64, station: String? = nil,
    isVoided: Bool = false, overrideReason: String? = nil, kind: PlanKind? = nil
  ) {
    self.id = id
    self.memberID = memberID
    self.memberName = memberName
    self.checkedInAt = checkedInAt
    self.action = action
    self.deducted = deducted
    self.subscriptionID = subscriptionID
    self.branchID = branchID
    self.station = station
    self.isVoided = isVoided
    self.overrideReason = overrideReason
    self.kind = kind
  }

  /// What the visit took off the plan, in its unit: "−1 session", "−2 coins", "−1".
  public var deductedText: String? {
    guard deducted > 0 else { return nil }
    return kind.map { "−\(deducted) \($0.unit(deducted))" } ?? "−\(deducted)"
  }
}
