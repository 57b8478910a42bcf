import CheckInCore
import Foundation

/// Members and plans to write in one go (a spreadsheet import, the demo data).
public struct ImportBatch: Sendable {
  public var members: [Member]
  public var plans: [(memberID: Int64, plan: Subscription)]
  /// Names for branches the database doesn't know yet; others are created as "Branch N".
  public var branchNames: [Int64: String]
  /// Whether the batch carries dates of birth and notes at all. A spreadsheet without those
  /// columns must not erase what an earlier import stored.
  public var updatesDateOfBirth = true
  public var updatesNotes = true

  public init(
    members: [Member], plans: [(memberID: Int64, plan: Subscription)],
    branchNames: [Int64: String] = [:]
  ) {
    self.members = members
    self.plans = plans
    self.branchNames = branchNames
  }
}

/// What an import changed.
public struct ImportSummary: Hashable, Sendable {
  public var membersAdded = 0
  public var membersUpdated = 0
  public var plansAdded = 0
  public var plansUpdated = 0
  public var branchesAdded = 0
}

/// A row the database refused, by its position in the batch.
public struct ImportConflict: Hashable, Sendable {
  public enum Item: Hashable, Sendable {
    case member(Int)
    case plan(Int)
  }

  public var item: Item
  public var message: String
}

extension LocalStore {
  /// From this many members on, an import rebuilds the name index once instead of row by row.
  static let bulkImportThreshold = 2000

  /// Adds or updates (by id) every member and plan of `batch` in one transaction. If any row
  /// conflicts with what the database holds, nothing is written and every conflict is returned.
  /// What was written is checkpointed before this returns: the import pays for it, not the next
  /// member to scan.
  public func importBatch(
    _ batch: ImportBatch, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }
  ) throws(BackendError) -> Result<ImportSummary, ImportRejection> {
    try guarded {
      var summary = ImportSummary()
      var conflicts: [ImportConflict] = []
      var refusedMembers: Set<Int64> = []
      let total = batch.members.count + batch.plans.count
      // A large import would otherwise spill pages to the WAL many times over before commit.
      try database.execute("PRAGMA cache_size = -131072")
      defer { try? database.execute("PRAGMA cache_size = -2000") }
      let bulk = batch.members.count >= Self.bulkImportThreshold
      do {
        try database.transaction(.immediate) {
          if bulk { try database.execute(Schema.dropNameIndexTriggers) }
          summary.branchesAdded = try addMissingBranches(batch)
          for (index, member) in batch.members.enumerated() {
            do {
              if try upsert(member, batch: batch) {
                summary.membersAdded += 1
              } else {
                summary.membersUpdated += 1
              }
            } catch let error as SQLiteError where error.isConstraint {
              conflicts.append(
                ImportConflict(item: .member(index), message: explain(error, member)))
              refusedMembers.insert(member.id)
            }
            if index % 1000 == 999 { progress(index + 1, total) }
          }
          for (index, entry) in batch.plans.enumerated() {
            // A new member's refusal already names the row; its plan failing for want of that
            // member would report the same mistake twice. A member already stored still has its
            // plans checked on their own.
            if refusedMembers.contains(entry.memberID),
              try database.integer("SELECT 1 FROM customers WHERE id = ?", entry.memberID) == nil
            {
              continue
            }
            do {
              switch try upsert(entry.plan, memberID: entry.memberID) {
              case .added: summary.plansAdded += 1
              case .updated: summary.plansUpdated += 1
              case .conflict(let message):
                conflicts.append(ImportConflict(item: .plan(index), message: message))
              }
            } catch let error as SQLiteError where error.isConstraint {
              let message = "the database refused plan \(entry.plan.id): \(error.message)"
              conflicts.append(ImportConflict(item: .plan(index), message: message))
            }
            let done = batch.members.count + index + 1
            if done % 1000 == 0 { progress(done, total) }
          }
          if !conflicts.isEmpty { throw ImportRejection(conflicts: conflicts) }
          if bulk {
            try database.execute("INSERT INTO customer_names (customer_names) VALUES ('rebuild')")
            try database.execute(Schema.nameIndexTriggers)
          }
          progress(total, total)
        }
      } catch let rejection as ImportRejection {
        return .failure(rejection)
      }
      checkpointAfterBulkWrite()
      return .success(summary)
    }
  }

  private func addMissingBranches(_ batch: ImportBatch) throws -> Int {
    var added = 0
    let wanted = Set(batch.members.map(\.branchID)).union(batch.branchNames.keys)
    for id in wanted.sorted() {
      let name = batch.branchNames[id] ?? "Branch \(id)"
      if try database.integer("SELECT 1 FROM branches WHERE id = ?", id) == nil {
        try database.run("INSERT INTO branches (id, name) VALUES (?, ?)", id, name)
        added += 1
      } else if let given = batch.branchNames[id] {
        try database.run("UPDATE branches SET name = ? WHERE id = ?", given, id)
      }
    }
    return added
  }

  /// Returns `true` when the member was new.
  private func upsert(_ member: Member, batch: ImportBatch) throws -> Bool {
    let isNew = try database.integer("SELECT 1 FROM customers WHERE id = ?", member.id) == nil
    let digits = member.phone.map(SearchText.digits).flatMap { $0.isEmpty ? nil : $0 }
    try database.run(
      """
      INSERT INTO customers (id, full_name, search_name, phone, phone_digits, phone_reverse,
                             qr_code, branch_id, is_active, date_of_birth, notes)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
      ON CONFLICT (id) DO UPDATE SET
        full_name = excluded.full_name, search_name = excluded.search_name,
        phone = excluded.phone, phone_digits = excluded.phone_digits,
        phone_reverse = excluded.phone_reverse, qr_code = excluded.qr_code,
        branch_id = excluded.branch_id, is_active = excluded.is_active,
        date_of_birth = CASE WHEN ?12 THEN excluded.date_of_birth ELSE date_of_birth END,
        notes = CASE WHEN ?13 THEN excluded.notes ELSE notes END
      """, member.id, member.fullName, SearchText.normalized(member.fullName), member.phone,
      digits, digits.map { String($0.reversed()) }, member.qrCode, member.branchID,
      member.isActive, member.dateOfBirth?.description, member.notes, batch.updatesDateOfBirth,
      batch.updatesNotes)
    return isNew
  }

  private enum PlanWrite {
    case added
    case updated
    case conflict(String)
  }

  private func upsert(_ plan: Subscription, memberID: Int64) throws -> PlanWrite {
    let owner = try database.integer("SELECT customer_id FROM subscriptions WHERE id = ?", plan.id)
    if let owner, owner != memberID {
      return .conflict("plan \(plan.id) already belongs to member \(owner) in the database")
    }
    try database.run(
      """
      INSERT INTO subscriptions (id, customer_id, kind, status, total, remaining, start_date,
                                 end_date, service_name, freeze_reason)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET
        kind = excluded.kind, status = excluded.status, total = excluded.total,
        remaining = excluded.remaining, start_date = excluded.start_date,
        end_date = excluded.end_date, service_name = excluded.service_name,
        freeze_reason = excluded.freeze_reason
      """, plan.id, memberID, plan.kind.rawValue, plan.status.rawValue, plan.total,
      plan.kind.isCounted ? plan.remaining : nil, plan.startDate?.description,
      plan.endDate?.description, plan.serviceName, plan.freezeReason)
    return owner == nil ? .added : .updated
  }

  private func explain(_ error: SQLiteError, _ member: Member) -> String {
    if error.message.contains("qr_code"), let code = member.qrCode {
      if let other = try? database.integer(
        "SELECT id FROM customers WHERE qr_code = ? AND id <> ?", code, member.id)
      {
        return "code \(code) already belongs to member \(other) in the database"
      }
      return "code \(code) is already in use"
    }
    return "the database refused member \(member.id): \(error.message)"
  }
}

/// The conflicts that made an import write nothing.
public struct ImportRejection: Error, Hashable, Sendable {
  public var conflicts: [ImportConflict]
}
