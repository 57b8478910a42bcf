import CheckInCore
import CheckInSQLite
import Foundation

/// Checks the spreadsheet's rows one by one, collecting every problem rather than stopping at the
/// first, and remembers what each member looked like to catch rows that disagree.
struct RowReader {
  let columns: Columns
  let today: CalendarDay
  private(set) var problems: [SheetProblem] = []
  private var members: [Member] = []
  private var memberIndex: [Int64: (position: Int, line: Int)] = [:]
  private var memberLines: [Int] = []
  private var plans: [(memberID: Int64, plan: Subscription)] = []
  private var planLines: [Int] = []
  private var planLineByID: [Int64: Int] = [:]
  private var codeOwner: [String: (memberID: Int64, line: Int)] = [:]
  private var branchNames: [Int64: String] = [:]

  init(columns: Columns, today: CalendarDay) {
    self.columns = columns
    self.today = today
  }

  mutating func read(_ record: CSVRecord) {
    let line = record.line
    if let problem = record.problem {
      problems.append(SheetProblem(line: line, message: problem))
      return
    }
    guard record.fields.count == columns.count else {
      problems.append(
        SheetProblem(
          line: line,
          message: "expected \(columns.count) fields, found \(record.fields.count)"))
      return
    }
    var errors: [String] = []
    let member = readMember(record.fields, errors: &errors)
    let plan = readPlan(record.fields, errors: &errors)
    guard errors.isEmpty, let member else {
      problems.append(SheetProblem(line: line, message: errors.joined(separator: "; ")))
      return
    }
    add(member, line: line)
    if let plan { add(plan, memberID: member.id, line: line) }
  }

  func finish() -> Result<MemberSheet.Parsed, SheetProblems> {
    if !problems.isEmpty { return .failure(SheetProblems(problems)) }
    var batch = ImportBatch(members: members, plans: plans, branchNames: branchNames)
    batch.updatesDateOfBirth = columns.index["date_of_birth"] != nil
    batch.updatesNotes = columns.index["notes"] != nil
    return .success(
      MemberSheet.Parsed(
        batch: batch,
        memberLines: memberLines, planLines: planLines))
  }

  private mutating func add(_ member: Member, line: Int) {
    if let earlier = memberIndex[member.id] {
      let first = members[earlier.position]
      if first != member {
        problems.append(
          SheetProblem(
            line: line,
            message: "member \(member.id)'s details differ from line \(earlier.line) "
              + "(\(differences(first, member)))"))
      }
      return
    }
    if let code = member.qrCode {
      let key = code.lowercased()  // codes are matched without regard to case
      if let owner = codeOwner[key], owner.memberID != member.id {
        problems.append(
          SheetProblem(
            line: line,
            message: "code \(code) is also member \(owner.memberID)'s (line \(owner.line))"))
        return
      }
      codeOwner[key] = (member.id, line)
    }
    memberIndex[member.id] = (members.count, line)
    members.append(member)
    memberLines.append(line)
  }

  private mutating func add(_ plan: Subscription, memberID: Int64, line: Int) {
    if let earlier = planLineByID[plan.id] {
      problems.append(
        SheetProblem(
          line: line, message: "subscription \(plan.id) also appears on line \(earlier)"))
      return
    }
    planLineByID[plan.id] = line
    plans.append((memberID, plan))
    planLines.append(line)
  }

  private mutating func readMember(_ fields: [String], errors: inout [String]) -> Member? {
    var field = FieldReader(columns: columns, fields: fields, today: today)
    let id = field.id("member_id", required: true)
    let name = field.name()
    let phone = field.text("phone", maximum: 40)
    let code = field.code(memberID: id)
    let branch = field.id("branch_id", required: true)
    let active = field.yesNo("is_active", default: true)
    let born = field.day("date_of_birth")
    if let born, born > today { field.errors.append("date_of_birth is in the future") }
    let notes = field.text("notes", maximum: 2000)
    if let branch, let branchName = field.text("branch_name", maximum: 200) {
      branchNames[branch] = branchName
    }
    errors += field.errors
    guard let id, let name, let branch else { return nil }
    return Member(
      id: id, fullName: name, phone: phone, qrCode: code, branchID: branch, isActive: active,
      dateOfBirth: born, notes: notes)
  }

  private func readPlan(_ fields: [String], errors: inout [String]) -> Subscription? {
    var field = FieldReader(columns: columns, fields: fields, today: today)
    let planColumns = [
      "kind", "status", "total", "remaining", "start_date", "end_date",
    ]
    guard field.present("subscription_id") else {
      let stray = planColumns.filter { field.present($0) }
      if !stray.isEmpty {
        errors.append(
          "subscription_id is empty but " + stray.joined(separator: ", ") + " are given")
      }
      return nil
    }
    let id = field.id("subscription_id", required: true)
    let kind = field.kind()
    let status = field.status()
    let total = field.count("total")
    let remaining = field.count("remaining")
    let start = field.day("start_date")
    let end = field.day("end_date")
    if let start, let end, end < start {
      field.errors.append("end_date \(end) is before start_date \(start)")
    }
    if let kind {
      if kind.isCounted {
        if remaining == nil && !field.present("remaining") {
          field.errors.append("remaining is required for a \(kind.rawValue) plan")
        }
        if let total, let remaining, remaining > total {
          field.errors.append("remaining (\(remaining)) is more than total (\(total))")
        }
      } else if field.present("remaining") || field.present("total") {
        field.errors.append("a time plan has no total or remaining; leave them empty")
      }
    }
    errors += field.errors
    guard let id, let kind, let status, field.errors.isEmpty else { return nil }
    return Subscription(
      id: id, kind: kind, status: status, total: kind.isCounted ? total : nil,
      remaining: kind.isCounted ? remaining : nil, startDate: start, endDate: end)
  }

  private func differences(_ lhs: Member, _ rhs: Member) -> String {
    var names: [String] = []
    if lhs.fullName != rhs.fullName { names.append("full_name") }
    if lhs.phone != rhs.phone { names.append("phone") }
    if lhs.qrCode != rhs.qrCode { names.append("qr_code") }
    if lhs.branchID != rhs.branchID { names.append("branch_id") }
    if lhs.isActive != rhs.isActive { names.append("is_active") }
    if lhs.dateOfBirth != rhs.dateOfBirth { names.append("date_of_birth") }
    if lhs.notes != rhs.notes { names.append("notes") }
    return names.joined(separator: ", ")
  }
}
