import Foundation

/// A confirmed check-in, as the station asks a store to record it.
public struct CheckInRequest: Hashable, Sendable {
  public var memberID: Int64
  /// The code that was scanned, for stores that find members by code.
  public var code: String?
  /// The plan the receptionist chose; `nil` lets the store pick.
  public var subscriptionID: Int64?
  public var action: CheckInAction
  /// The rules the store re-checks inside its write transaction.
  public var policy: CheckInPolicy
  /// This station's name, recorded with the visit.
  public var station: String
  public var requestedAt: Date
  /// Staff let the member in despite this refusal; the reason is recorded with the visit.
  public var override: StaffOverride?
  /// The member's name and the chosen plan's kind, as the dialog showed them: a store that must
  /// queue the check-in (server unreachable) records them, and a server that doesn't deduct by
  /// itself is told what to deduct.
  public var memberName: String?
  public var kind: PlanKind?

  public init(
    memberID: Int64, code: String?, subscriptionID: Int64?, action: CheckInAction,
    policy: CheckInPolicy, station: String, requestedAt: Date, override: StaffOverride? = nil,
    memberName: String? = nil, kind: PlanKind? = nil
  ) {
    self.memberID = memberID
    self.code = code
    self.subscriptionID = subscriptionID
    self.action = action
    self.policy = policy
    self.station = station
    self.requestedAt = requestedAt
    self.override = override
    self.memberName = memberName
    self.kind = kind
  }
}

/// A member let in by staff although the rules refused them.
public struct StaffOverride: Hashable, Sendable {
  /// The refusal's code (`FROZEN`, `NO_SESSIONS`, ...), recorded with the visit.
  public var refusedAs: String
  public var reason: String

  public init(refusedAs: String, reason: String) {
    self.refusedAs = refusedAs
    self.reason = reason
  }
}
