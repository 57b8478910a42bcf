import Foundation

/// What the store reports after it recorded a check-in. Counts come from the store, never from the
/// client's arithmetic, so a receipt is the truth even when another station deducted meanwhile.
public struct Receipt: Hashable, Sendable {
  public var attendanceID: Int64
  public var memberID: Int64
  public var memberName: String
  /// The action the store actually performed.
  public var action: CheckInAction
  /// Sessions or coins the store deducted for this visit.
  public var deducted: Int
  /// What is left on the plan after this visit; `nil` for time plans or when the store didn't say.
  public var remaining: Int?
  public var subscriptionID: Int64?
  public var kind: PlanKind?
  public var checkedInAt: Date
  /// Set when the store did something other than what was asked, e.g. a server that deducts
  /// although Check-In Only was chosen. The desk must see it.
  public var discrepancy: String?
  /// Set when staff let the member in despite a refusal, with their reason.
  public var overrideReason: String?
  /// The server couldn't be reached: the check-in waits in the station's outbox and will be sent
  /// when it is back. Nothing has been deducted yet and `attendanceID` is the outbox entry's.
  public var isQueued: Bool

  public init(
    attendanceID: Int64, memberID: Int64, memberName: String, action: CheckInAction,
    deducted: Int, remaining: Int?, subscriptionID: Int64?, kind: PlanKind?, checkedInAt: Date,
    discrepancy: String? = nil, overrideReason: String? = nil, isQueued: Bool = false
  ) {
    self.attendanceID = attendanceID
    self.memberID = memberID
    self.memberName = memberName
    self.action = action
    self.deducted = deducted
    self.remaining = remaining
    self.subscriptionID = subscriptionID
    self.kind = kind
    self.checkedInAt = checkedInAt
    self.discrepancy = discrepancy
    self.overrideReason = overrideReason
    self.isQueued = isQueued
  }
}
