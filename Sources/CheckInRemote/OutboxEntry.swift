import CheckInCore
import Foundation

/// Where a check-in taken while the server was out of reach stands.
public enum OutboxState: String, CaseIterable, Sendable {
  /// Waiting to be sent.
  case queued
  /// Being sent now. Found so for longer than any send takes, its station stopped while sending
  /// it: its fate is unknown and it becomes `review`.
  case sending
  /// The server recorded it.
  case sent
  /// It may or may not have reached the server (the answer was lost): staff must check before
  /// anyone sends it again, since the server has no way to recognise a repeat.
  case review
  /// The server refused it (e.g. no sessions left by now); staff decide what to do.
  case refused
  /// Staff discarded it.
  case discarded
}

/// One check-in in the outbox.
public struct OutboxEntry: Hashable, Sendable {
  public var id: Int64
  public var createdAt: Date
  public var memberID: Int64
  public var memberName: String
  public var code: String?
  public var subscriptionID: Int64?
  public var kind: PlanKind?
  public var action: CheckInAction
  public var branchID: Int64
  public var station: String
  public var state: OutboxState
  public var attempts: Int
  /// What happened last: the server's refusal, why it is to review.
  public var note: String?
  public var serverAttendanceID: Int64?
  public var updatedAt: Date
  /// Where an entry taken over from an old per-host cache came from (`remote-HOST.sqlite3#7`);
  /// such an entry is never sent.
  public var origin: String? = nil
}

/// The outbox at a glance, for the status line.
public struct OutboxCounts: Hashable, Sendable {
  public var queued = 0
  public var review = 0
  public var refused = 0

  public init(queued: Int = 0, review: Int = 0, refused: Int = 0) {
    self.queued = queued
    self.review = review
    self.refused = refused
  }
}
