import CheckInCore
import Foundation

/// Plays each outcome's bell pattern, so a receptionist who looks away still knows: one ring
/// checked in (or already in), two refused, three for staff.
public struct BellPlayer: Sendable {
  public init() {}

  private var due: [Double] = []

  public static func pattern(for signal: Signal) -> [Double] {
    switch signal {
    case .checkedIn, .alreadyIn: [0]
    case .refused: [0, 0.25]
    case .needsStaff: [0, 0.2, 0.4]
    }
  }

  public mutating func schedule(_ signal: Signal, at now: Double) {
    // A new outcome replaces the rest of an older pattern: overlapping rings can't be counted.
    due = Self.pattern(for: signal).map { now + $0 }
  }

  /// When the next ring is due.
  public var nextDue: Double? { due.first }

  /// Rings due by `now`; returns how many to ring now (at most one per call keeps them distinct).
  public mutating func ringsDue(at now: Double) -> Int {
    guard let first = due.first, first <= now else { return 0 }
    due.removeFirst()
    return 1
  }
}
