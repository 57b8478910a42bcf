import CheckInCore
import CheckInSQLite
import Foundation
import Testing

/// Opens a station database the way a second station would, to see what a command left in it.
struct StoreProbe {
  let store: LocalStore

  init(_ path: String) throws {
    store = try LocalStore(path: path, clock: { Sandbox.now }, timeZone: Sandbox.timeZone)
  }

  func card(_ memberID: Int64) throws -> MemberCard {
    try store.lookUp(.member(memberID), policy: CheckInPolicy(allowOtherBranches: true))
  }

  /// What the store says is left on `planID` of `memberID`.
  func remaining(member memberID: Int64, plan planID: Int64) throws -> Int? {
    let plan = try #require(try card(memberID).subscriptions.first { $0.id == planID })
    return plan.remaining
  }

  func count(_ sql: String) throws -> Int {
    Int(try store.database.integer(sql) ?? 0)
  }

  var members: Int { get throws { try count("SELECT count(*) FROM customers") } }
  var plans: Int { get throws { try count("SELECT count(*) FROM subscriptions") } }
  var branches: Int { get throws { try count("SELECT count(*) FROM branches") } }
  var visits: Int { get throws { try count("SELECT count(*) FROM attendance") } }

  /// Member, plan, branch and visit counts together, to compare before and after.
  var totals: [Int] { get throws { [try members, try plans, try branches, try visits] } }
}
