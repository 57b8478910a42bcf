import CheckInCore
import Foundation

extension LocalStore {
  /// Finds the member a scan names and builds their card.
  public func lookUp(_ payload: ScanPayload, policy: CheckInPolicy) throws(BackendError)
    -> MemberCard
  {
    try guarded {
      let id = try resolve(payload, policy: policy)
      guard let card = try card(memberID: id) else {
        throw BackendError.refused(.notFound(code: payload.displayText))
      }
      return card
    }
  }

  /// The member id `payload` stands for, by the rules of `CodeResolution`.
  func resolve(_ payload: ScanPayload, policy: CheckInPolicy) throws -> Int64 {
    switch payload {
    case .member(let id):
      return id
    case .code(let code):
      guard let id = try memberID(forStoredCode: code) else {
        throw BackendError.refused(.notFound(code: code))
      }
      return id
    case .idForm(let code, let id):
      if let exact = try memberID(forStoredCode: code) { return exact }
      guard policy.allowIDFallback,
        let stored = try database.first(
          "SELECT qr_code FROM customers WHERE id = ?", id, map: { $0.optionalText(0) })
      else {
        throw BackendError.refused(.notFound(code: code))
      }
      guard CodeResolution.idFallbackAccepts(storedCode: stored, memberID: id) else {
        throw BackendError.refused(.retiredCode(code: code))
      }
      return id
    }
  }

  private func memberID(forStoredCode code: String) throws -> Int64? {
    // The column's NOCASE collation makes this a case-insensitive seek on its unique index.
    try database.first("SELECT id FROM customers WHERE qr_code = ?", code, map: { $0.int64(0) })
  }

  /// The member's card: who they are, their plans, their last visit. `nil` if no such member.
  func card(memberID id: Int64) throws -> MemberCard? {
    let member = try database.first(
      """
      SELECT c.id, c.full_name, c.phone, c.qr_code, c.branch_id, b.name, c.is_active,
             c.date_of_birth, c.notes
      FROM customers c LEFT JOIN branches b ON b.id = c.branch_id
      WHERE c.id = ?
      """, id
    ) { row in
      Member(
        id: row.int64(0), fullName: row.text(1), phone: row.optionalText(2),
        qrCode: row.optionalText(3), branchID: row.int64(4), branchName: row.optionalText(5),
        isActive: row.bool(6), dateOfBirth: row.optionalText(7).flatMap { CalendarDay(iso: $0) },
        notes: row.optionalText(8))
    }
    guard let member else { return nil }
    return MemberCard(
      member: member, subscriptions: try subscriptions(memberID: id),
      lastVisit: try lastVisit(memberID: id))
  }

  func subscriptions(memberID id: Int64) throws -> [Subscription] {
    try database.rows(
      """
      SELECT id, kind, status, total, remaining, start_date, end_date, service_name, freeze_reason
      FROM subscriptions WHERE customer_id = ? ORDER BY id
      """, id
    ) { row in
      Subscription(
        id: row.int64(0), kind: PlanKind(rawValue: row.text(1)) ?? .sessions,
        status: PlanStatus(rawValue: row.text(2)) ?? .stopped, total: row.optionalInt(3),
        remaining: row.optionalInt(4),
        startDate: row.optionalText(5).flatMap { CalendarDay(iso: $0) },
        endDate: row.optionalText(6).flatMap { CalendarDay(iso: $0) },
        serviceName: row.optionalText(7), freezeReason: row.optionalText(8))
    }
  }

  func lastVisit(memberID id: Int64) throws -> Date? {
    try database.first(
      """
      SELECT check_in_time FROM attendance
      WHERE customer_id = ? AND voided_at IS NULL
      ORDER BY check_in_time DESC LIMIT 1
      """, id, map: { Date(storedMilliseconds: $0.int64(0)) })
  }
}
