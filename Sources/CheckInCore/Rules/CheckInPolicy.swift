import Foundation

/// The gym's rules for letting members in at this station.
public struct CheckInPolicy: Hashable, Sendable {
  /// The branch this station stands in.
  public var branchID: Int64
  /// A second check-in of the same member within this many seconds is refused as a double scan.
  /// Zero turns the guard off.
  public var duplicateWindow: TimeInterval
  /// Whether members of other branches may check in here.
  public var allowOtherBranches: Bool
  /// Whether a plain id form (`GYM-115`, `115`) may find a member whose stored code doesn't match.
  public var allowIDFallback: Bool

  public init(
    branchID: Int64 = 1, duplicateWindow: TimeInterval = 120, allowOtherBranches: Bool = false,
    allowIDFallback: Bool = true
  ) {
    self.branchID = branchID
    self.duplicateWindow = duplicateWindow
    self.allowOtherBranches = allowOtherBranches
    self.allowIDFallback = allowIDFallback
  }
}
