import CheckInCore
import Foundation
import Testing

@testable import CheckInRemote

/// Check-In Only and Deduct on every kind of plan: the server's counts change exactly once per
/// confirmation, whichever server version answers, and the receipt reports what the server did.
@Suite struct RemoteCheckInTests {
  struct Case: Sendable, CustomStringConvertible {
    let member: Int64
    let code: String
    /// The plan the receptionist chose.
    let plan: Int64
    let action: CheckInAction
    /// The plan a deployed server picks by itself, and its kind as the station reads it.
    let serverPlan: Int64
    let serverKind: PlanKind
    /// Where August's server picks another plan than February's (its own rule: the latest end).
    var augustPlan: (Int64, PlanKind)? = nil

    func charged(in mode: StandInServer.Mode) -> (plan: Int64, kind: PlanKind) {
      mode == .vAug ? augustPlan ?? (serverPlan, serverKind) : (serverPlan, serverKind)
    }

    var description: String { "\(code) plan \(plan) \(action.rawValue)" }
  }

  static let cases: [Case] = [
    Case(
      member: 115, code: "GYM-115-9F3A0C1B", plan: 45, action: .checkInOnly, serverPlan: 45,
      serverKind: .sessions),
    Case(
      member: 115, code: "GYM-115-9F3A0C1B", plan: 45, action: .deduct, serverPlan: 45,
      serverKind: .sessions),
    Case(
      member: 116, code: "GYM-116", plan: 46, action: .checkInOnly, serverPlan: 46,
      serverKind: .coins),
    Case(
      member: 116, code: "GYM-116", plan: 46, action: .deduct, serverPlan: 46, serverKind: .coins),
    Case(
      member: 118, code: "GYM-118", plan: 48, action: .checkInOnly, serverPlan: 48,
      serverKind: .sessions),
    Case(
      member: 118, code: "GYM-118", plan: 48, action: .deduct, serverPlan: 48,
      serverKind: .sessions),
    Case(
      member: 117, code: "customer_id:117", plan: 47, action: .checkInOnly, serverPlan: 47,
      serverKind: .time),
    // Sherif holds a time plan and a sessions plan; Deduct on the sessions plan. February's
    // server takes the first active plan (the time plan), August's the one that ends last.
    Case(
      member: 127, code: "GYM-127", plan: 59, action: .deduct, serverPlan: 58, serverKind: .time,
      augustPlan: (59, .sessions)),
    // Mona holds two coin plans: the answer's end date and balance tell which was charged.
    Case(
      member: 131, code: "GYM-131", plan: 63, action: .deduct, serverPlan: 63, serverKind: .coins,
      augustPlan: (64, .coins)),
  ]

  @Test func eachConfirmationChangesTheServersCountsExactlyOnce() async throws {
    try await eachMode { server, mode in
      try await withDesk(server) { desk in
        try await desk.logIn()
        for item in Self.cases {
          try await check(item, mode: mode, desk: desk, server: server)
        }
        // Nothing was deducted but by these confirmations, and nothing twice.
        let state = try await server.state()
        #expect(state.attendance.count == Self.cases.count, "\(mode)")
      }
    }
  }

  private func check(_ item: Case, mode: StandInServer.Mode, desk: Desk, server: StandInServer)
    async throws
  {
    let label = "\(mode) \(item)"
    let card = try await desk.lookUp(item.code)
    let chosen = try #require(card.subscriptions.first { $0.id == item.plan }, "\(label)")
    let before = try await server.state()
    let receipt = try await desk.backend.checkIn(
      desk.request(card, plan: item.plan, item.action, code: item.code))
    let after = try await server.state()

    // What the server should have deducted, and through which door.
    let deployed = mode != .seedSpec
    let charged = item.charged(in: mode)
    let expected: (plan: Int64, source: String)?
    if deployed {
      expected = charged.kind.isCounted ? (charged.plan, "attendance") : nil
    } else if item.action == .deduct && chosen.kind.isCounted {
      expected = (item.plan, chosen.kind == .coins ? "use-coins" : "deduct-session")
    } else {
      expected = nil
    }

    // One visit, recorded for this member at this branch.
    let visits = after.attendance(after: before.attendance.count)
    #expect(visits.count == 1, "\(label)")
    let visit = try #require(visits.first)
    #expect(visit.customerID == Int(item.member), "\(label)")
    #expect(visit.branchID == 1, "\(label)")
    #expect(receipt.attendanceID == Int64(visit.id), "\(label)")
    #expect(!receipt.isQueued, "\(label)")

    // Exactly the expected deduction, once; every other balance untouched.
    let deductions = after.deductions(after: before.deductions.count)
    if let expected {
      #expect(deductions.count == 1, "\(label): \(deductions)")
      #expect(deductions.first?.subscriptionID == Int(expected.plan), "\(label)")
      #expect(deductions.first?.source == expected.source, "\(label)")
      #expect(
        (deductions.first?.sessions ?? 0) + (deductions.first?.coins ?? 0) == 1, "\(label)")
      let plan = Int(expected.plan)
      #expect(after.left(plan) == before.left(plan).map { $0 - 1 }, "\(label)")
    } else {
      #expect(deductions.isEmpty, "\(label): \(deductions)")
    }
    for (plan, balance) in after.subscriptions where Int64(plan) != expected?.plan {
      #expect(before.subscriptions[plan] == balance, "\(label): plan \(plan) changed")
    }

    // The receipt tells what the server did, with the server's numbers.
    #expect(receipt.deducted == (expected == nil ? 0 : 1), "\(label)")
    #expect(receipt.action == (expected == nil ? .checkInOnly : .deduct), "\(label)")
    #expect(receipt.memberID == item.member, "\(label)")
    #expect(receipt.memberName == card.member.fullName, "\(label)")
    if let expected {
      #expect(receipt.remaining == after.left(Int(expected.plan)), "\(label)")
    } else {
      #expect(receipt.remaining == nil || !deployed, "\(label): \(String(describing: receipt))")
    }
    if deployed {
      #expect(receipt.kind == charged.kind, "\(label)")
      // The plan the server charged, whichever the desk had chosen.
      #expect(receipt.subscriptionID == charged.plan, "\(label)")
      if charged.kind.isCounted && item.action == .checkInOnly {
        // The server charged although Check-In Only was chosen: the desk must see it.
        let note = try #require(receipt.discrepancy, "\(label): no discrepancy")
        #expect(note.contains("Check-In Only"), "\(label): \(note)")
      } else if charged.plan != item.plan {
        let note = try #require(receipt.discrepancy, "\(label): no discrepancy")
        #expect(note.contains("charged plan \(charged.plan)"), "\(label): \(note)")
      } else {
        #expect(receipt.discrepancy == nil, "\(label)")
      }
    } else {
      #expect(receipt.discrepancy == nil, "\(label): \(receipt.discrepancy ?? "")")
      #expect(receipt.kind == chosen.kind, "\(label)")
    }

    // On the wire: one attendance POST carrying the branch, the choice and the plan; a separate
    // deduction only on the seed's server, only for Deduct.
    let sent = after.requests(after: before.requests.count)
    let posts = sent.filter { $0.path == "/api/attendance" }
    #expect(posts.count == 1, "\(label): \(describe(sent))")
    let body = posts.first?.body
    #expect(body?["customer_id"]?.int == Int(item.member), "\(label)")
    #expect(body?["branch_id"]?.int == 1, "\(label)")
    #expect(body?["action"]?.string == item.action.rawValue, "\(label)")
    #expect(body?["subscription_id"]?.int == Int(item.plan), "\(label)")
    let separate = sent.filter { $0.path.hasPrefix("/api/subscriptions/") && $0.method == "POST" }
    #expect(separate.count == (deployed || expected == nil ? 0 : 1), "\(label): \(describe(sent))")
    #expect(sent.allSatisfy { $0.status.map { $0 < 300 } == true }, "\(label): \(describe(sent))")
    print("[\(mode)] check-in \(item): \(describe(sent)), one after another")
  }

  /// On the seed's server the deduction is a request of its own. When its answer is lost (a
  /// timeout after the server deducted, a server error) the desk must not be told to deduct by
  /// hand: the session may be gone already. A clear refusal still says to deduct at the back
  /// office.
  @Test(arguments: [StandInServer.Fault.slowAfterCommit(seconds: 3), .status(503)])
  func aSeparateDeductionWithoutAClearAnswerMayHaveHappened(_ fault: StandInServer.Fault)
    async throws
  {
    let options = RemoteOptions(lookupTimeout: 30, checkInTimeout: 1)
    try await StandInServer.run(.seedSpec) { server in
      try await withDesk(server, options: options) { desk in
        try await desk.logIn()
        let card = try await desk.lookUp("GYM-118")
        try await server.fault(fault, path: "/api/subscriptions/48/deduct-session", method: "POST")
        let receipt = try await desk.backend.checkIn(desk.request(card, plan: 48, .deduct))
        let note = receipt.discrepancy ?? ""
        #expect(note.contains("the session may or may not have been deducted"), "\(note)")
        #expect(note.contains("check the plan on the server"), "\(note)")
        #expect(!note.contains("deduct it at the back office"), "\(note)")
        let state = try await server.state()
        #expect(state.attendance.count == 1)
        if case .slowAfterCommit = fault {
          // The server did deduct: a deduction by hand now would be the second.
          #expect(state.deductions.map(\.source) == ["deduct-session"])
        }
      }
    }
  }

  @Test func aSeparateDeductionTheServerRefusesIsLeftToTheBackOffice() async throws {
    try await StandInServer.run(.seedSpec) { server in
      try await withDesk(server) { desk in
        try await desk.logIn()
        // Hany's plan has no sessions left; the seed's server records the visit regardless.
        let request = CheckInRequest(
          memberID: 121, code: "GYM-121", subscriptionID: 52, action: .deduct,
          policy: Desk.policy, station: "desk-1", requestedAt: Date(), memberName: "Hany Samir",
          kind: .sessions)
        let receipt = try await desk.backend.checkIn(request)
        let note = receipt.discrepancy ?? ""
        #expect(note.contains("the deduction failed"), "\(note)")
        #expect(note.contains("deduct it at the back office"), "\(note)")
        #expect(try await server.state().deductions.isEmpty)
      }
    }
  }

  /// The same member twice in a row: the server has no duplicate guard and charges both; the
  /// client never adds a third deduction and never skips the second.
  @Test func twoConfirmationsAreTwoDeductions() async throws {
    try await eachMode { server, mode in
      try await withDesk(server) { desk in
        try await desk.logIn()
        let card = try await desk.lookUp("GYM-116")
        for _ in 0..<2 {
          _ = try await desk.backend.checkIn(desk.request(card, plan: 46, .deduct))
        }
        let state = try await server.state()
        #expect(state.attendance.count == 2, "\(mode)")
        #expect(state.deductions.count == 2, "\(mode)")
        #expect(state.balance(46)?.remainingCoins == 18, "\(mode)")
      }
    }
  }

  /// The whole desk flow through the state machine: scan, the dialog's default choice, the
  /// receipt on the banner and in today's list.
  @Test func aScanThroughTheStationChecksInOnce() async throws {
    try await eachMode { server, mode in
      try await withDesk(server) { desk in
        try await desk.logIn()
        var station = desk.station()
        await station.send(.scanned("GYM-118"))
        guard case .member(let dialog) = station.state.phase else {
          Issue.record("\(mode): \(station.state.phase)")
          return
        }
        #expect(dialog.plan.id == 48 && dialog.choice == .deduct, "\(mode)")
        let before = try await server.state()
        await station.send(.submit)
        guard let receipt = station.shownReceipt else {
          Issue.record("\(mode): \(station.state.phase)")
          return
        }
        let after = try await server.state()
        #expect(after.deductions(after: before.deductions.count).count == 1, "\(mode)")
        #expect(after.balance(48)?.remainingSessions == 3, "\(mode)")
        #expect(receipt.deducted == 1 && receipt.remaining == 3, "\(mode)")
        #expect(receipt.discrepancy == nil, "\(mode)")
        // Today's list learns of the visit from the receipt, with the server's id.
        let first = station.state.today.entries.first
        #expect(first?.id == receipt.attendanceID && first?.memberID == 118, "\(mode)")
        let sent = after.requests(after: before.requests.count)
        #expect(sent.count == (mode == .seedSpec ? 2 : 1), "\(mode): \(describe(sent))")
        print("[\(mode)] station confirm: \(describe(sent))")
      }
    }
  }
}

/// The desk offers the plan the server will charge and refuses only where it will (or where the
/// station's own guards stand): a finished freeze lets the member in at August's door, a plan
/// that opens no door doesn't, and February takes the first active plan.
@Suite struct RemoteServerRuleTests {
  /// code → plan the dialog offers per version; nil: refused with that refusal.
  static let cases: [(String, feb: Result<Int64, Refusal>, aug: Result<Int64, Refusal>)] = [
    ("GYM-132", .failure(.frozen(reason: "Injury")), .success(65)),
    ("GYM-133", .success(66), .failure(.noSubscription)),
    ("GYM-131", .success(63), .success(64)),
    ("GYM-127", .success(58), .success(59)),
  ]

  @Test func theDialogOffersWhatTheServerWillChargeAndTheServerAgrees() async throws {
    try await eachMode(StandInServer.Mode.deployed) { server, mode in
      try await withDesk(server) { desk in
        try await desk.logIn()
        var station = desk.station()
        for (code, february, august) in Self.cases {
          let expected = mode == .vFeb ? february : august
          await station.send(.scanned(code))
          let label = "\(mode) \(code)"
          switch (station.state.phase, expected) {
          case (.member(let dialog), .success(let plan)):
            #expect(dialog.plans.map(\.id) == [plan], "\(label)")
            await station.send(.submit)
            guard case .result(let banner) = station.state.phase,
              case .checkedIn(let receipt) = banner.outcome
            else {
              Issue.record("\(label): \(station.state.phase)")
              continue
            }
            #expect(receipt.subscriptionID == plan, "\(label)")
            #expect(receipt.discrepancy?.contains("charged plan") != true, "\(label)")
          case (.result(let banner), .failure(let refusal)):
            guard case .refused(let seen, _) = banner.outcome else {
              Issue.record("\(label): \(banner.outcome)")
              continue
            }
            #expect(seen == refusal, "\(label)")
          default:
            Issue.record("\(label): \(station.state.phase), expected \(expected)")
          }
          await station.send(.cancel)
        }
      }
    }
  }
}
