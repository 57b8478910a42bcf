import Foundation

/// A check-in staff asked to void: from the undo key (this station's newest) or picked in today's
/// visits. Enough to ask about it, void it and word what was given back.
public struct VoidTarget: Hashable, Sendable {
  public var attendanceID: Int64
  public var memberName: String
  public var checkedInAt: Date
  public var deducted: Int
  public var kind: PlanKind?

  public init(_ entry: AttendanceEntry) {
    attendanceID = entry.id
    memberName = entry.memberName
    checkedInAt = entry.checkedInAt
    deducted = entry.deducted
    kind = entry.kind
  }

  public init(_ receipt: Receipt) {
    attendanceID = receipt.attendanceID
    memberName = receipt.memberName
    checkedInAt = receipt.checkedInAt
    deducted = receipt.deducted
    kind = receipt.kind
  }
}

extension StationState {
  /// Whether staff may void `entry` from this station now: one of its own check-ins, not voided,
  /// within the undo window. Another station's visit is voided where it was recorded.
  public func canVoid(_ entry: AttendanceEntry, _ context: StationContext) -> Bool {
    guard !entry.isVoided, entry.station == context.stationName else { return false }
    return abs(context.now.timeIntervalSince(entry.checkedInAt)) <= context.timing.undoWindow
  }

  /// This station's newest check-in that may still be voided. Today's list holds the station's
  /// visits from the store, so the undo key works after a restart, and after one undo the one
  /// before it is next.
  public func undoCandidate(_ context: StationContext) -> AttendanceEntry? {
    today.entries.filter { canVoid($0, context) }.max { $0.checkedInAt < $1.checkedInAt }
  }
}
