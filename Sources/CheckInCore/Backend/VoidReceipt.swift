import Foundation

/// What a store reports after voiding a check-in.
public struct VoidReceipt: Hashable, Sendable {
  public var attendanceID: Int64
  public var memberID: Int64
  public var memberName: String
  /// Sessions or coins given back to the plan.
  public var restored: Int
  public var kind: PlanKind?
  /// What the plan holds after the give-back, as the store reports it.
  public var remaining: Int?
  public var voidedAt: Date

  public init(
    attendanceID: Int64, memberID: Int64, memberName: String, restored: Int, kind: PlanKind?,
    remaining: Int?, voidedAt: Date
  ) {
    self.attendanceID = attendanceID
    self.memberID = memberID
    self.memberName = memberName
    self.restored = restored
    self.kind = kind
    self.remaining = remaining
    self.voidedAt = voidedAt
  }
}
