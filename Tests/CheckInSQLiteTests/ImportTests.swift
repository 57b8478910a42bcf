import CheckInCore
import CheckInSQLite
import Foundation
import Testing

/// `importBatch`: adds and updates by id in one transaction, all or nothing.
@Suite struct ImportTests {
  private let empty = ImportBatch(members: [], plans: [])

  private func counts(_ fixture: Fixture) throws -> [Int] {
    try ["customers", "subscriptions", "branches"].map(fixture.count)
  }

  @Test func membersAndPlansAreAddedThenUpdatedByID() throws {
    try withFixture(empty) { fixture in
      let store = fixture.store
      let members = [
        Member(id: 10, fullName: "Ola Ramzy", phone: "0100 000 0010", branchID: 3),
        Member(id: 11, fullName: "Samy Wahba", qrCode: "GYM-11", branchID: 4),
      ]
      let plans: [(memberID: Int64, plan: Subscription)] = [
        (10, Subscription(id: 100, kind: .sessions, total: 12, remaining: 12)),
        (11, Subscription(id: 110, kind: .time, endDate: Gym.day(2026, 12, 31))),
      ]
      var reported: [[Int]] = []
      let added = try store.importBatch(
        ImportBatch(members: members, plans: plans, branchNames: [4: "Maadi"])
      ) { done, total in reported.append([done, total]) }.get()
      #expect(reported.last == [4, 4])
      #expect(added.membersAdded == 2)
      #expect(added.membersUpdated == 0)
      #expect(added.plansAdded == 2)
      #expect(added.plansUpdated == 0)
      #expect(added.branchesAdded == 2)
      #expect(try store.branches().map(\.id) == [3, 4])
      #expect(try store.branches().map(\.name) == ["Branch 3", "Maadi"])

      var renamed = members
      renamed[0].fullName = "Ola Hamdy"
      renamed[0].isActive = false
      var fewer = plans
      fewer[0].plan.remaining = 7
      let updated = try store.importBatch(
        ImportBatch(members: renamed, plans: fewer, branchNames: [3: "Zamalek"])
      ).get()
      #expect(updated.membersAdded == 0)
      #expect(updated.membersUpdated == 2)
      #expect(updated.plansAdded == 0)
      #expect(updated.plansUpdated == 2)
      #expect(updated.branchesAdded == 0)
      #expect(try store.branches().map(\.name) == ["Zamalek", "Maadi"])

      let ola = try store.lookUp(.member(10), policy: Gym.policy)
      #expect(ola.member.fullName == "Ola Hamdy")
      #expect(!ola.member.isActive)
      #expect(ola.subscriptions.map(\.remaining) == [7])
      // The name index follows the update.
      #expect(try store.search("hamdy", limit: 5).hits.map(\.id) == [10])
      #expect(try store.search("ramzy", limit: 5).hits.isEmpty)
      #expect(try counts(fixture) == [2, 2, 2])
    }
  }

  /// A large import rebuilds the name index in one pass instead of row by row; afterwards the
  /// index must hold every name, and the row-by-row triggers must be back for later changes.
  @Test func aBulkImportLeavesTheNameIndexCompleteAndLive() throws {
    try withFixture { fixture in
      let store = fixture.store
      let count = 2500
      let members = (0..<count).map { index in
        Member(id: Int64(5000 + index), fullName: "Bulk Member\(index) Zed", branchID: 1)
      }
      #expect(members.count >= 2000, "the batch must take the bulk path")
      _ = try store.importBatch(ImportBatch(members: members, plans: [])).get()
      #expect(try store.search("member1234", limit: 5).hits.map(\.id) == [6234])
      #expect(try store.search("zed", limit: 5000).hits.count == count)
      // Names imported before the bulk import are still found.
      let earlier = try #require(Gym.batch.members.first)
      let firstWord = try #require(SearchText.words(earlier.fullName).first)
      #expect(try store.search(firstWord, limit: 50).hits.map(\.id).contains(earlier.id))
      // A later small change goes through the triggers again.
      var renamed = try #require(members.first)
      renamed.fullName = "Renamed Person"
      _ = try store.importBatch(ImportBatch(members: [renamed], plans: [])).get()
      #expect(try store.search("renamed", limit: 5).hits.map(\.id) == [5000])
      #expect(try store.search("member0", limit: 5).hits.isEmpty)
      let triggers = try store.database.rows(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'", map: { $0.int(0) })
      #expect(triggers == [3])
    }
  }

  @Test func aCodeOwnedByAnotherMemberRejectsTheWholeBatch() throws {
    try withFixture { fixture in
      let before = try counts(fixture)
      let batch = ImportBatch(
        members: [
          Member(id: 900, fullName: "New Member", branchID: 9),
          Member(id: 901, fullName: "Code Thief", qrCode: "gym-115-9f3a0c1b", branchID: 1),
          Member(id: 201, fullName: "Sara Renamed", branchID: 1),
        ],
        plans: [(900, Subscription(id: 9000, kind: .sessions, total: 5, remaining: 5))],
        branchNames: [9: "Nasr City"])
      let outcome = try fixture.store.importBatch(batch)
      guard case .failure(let rejection) = outcome else {
        Issue.record("expected a rejection, got \(outcome)")
        return
      }
      #expect(rejection.conflicts.map(\.item) == [.member(1)])
      let message = try #require(rejection.conflicts.first?.message)
      #expect(message.contains("member 115"))
      #expect(message.contains("gym-115-9f3a0c1b"))
      #expect(try counts(fixture) == before)
      #expect(throws: BackendError.refused(.notFound(code: "#900"))) {
        try fixture.store.lookUp(.member(900), policy: Gym.policy)
      }
      #expect(
        try fixture.store.lookUp(.member(201), policy: Gym.policy).member.fullName == "Sara Nabil")
      #expect(try fixture.store.branches().map(\.id) == [1, 2])
    }
  }

  @Test func twoNewMembersWithOneCodeAreRejected() throws {
    try withFixture(empty) { fixture in
      let batch = ImportBatch(
        members: [
          Member(id: 1, fullName: "First Holder", qrCode: "SHARED-1", branchID: 1),
          Member(id: 2, fullName: "Second Holder", qrCode: "shared-1", branchID: 1),
        ], plans: [])
      guard case .failure(let rejection) = try fixture.store.importBatch(batch) else {
        Issue.record("expected a rejection")
        return
      }
      #expect(rejection.conflicts.map(\.item) == [.member(1)])
      #expect(rejection.conflicts.first?.message.contains("member 1") == true)
      #expect(try counts(fixture) == [0, 0, 0])
    }
  }

  @Test func aPlanOwnedByAnotherMemberIsRejectedAlongWithEveryOtherConflict() throws {
    try withFixture { fixture in
      let before = try counts(fixture)
      let plansBefore = try fixture.allRemaining()
      let batch = ImportBatch(
        members: [
          Member(id: 902, fullName: "Another New", branchID: 1),
          Member(id: 903, fullName: "Karim Twin", qrCode: "GYM-202", branchID: 1),
        ],
        plans: [
          (902, Subscription(id: 9020, kind: .coins, total: 10, remaining: 10)),
          (201, Subscription(id: 1151, kind: .sessions, total: 99, remaining: 99)),
        ])
      guard case .failure(let rejection) = try fixture.store.importBatch(batch) else {
        Issue.record("expected a rejection")
        return
      }
      #expect(rejection.conflicts.map(\.item) == [.member(1), .plan(1)])
      let planMessage = try #require(rejection.conflicts.last?.message)
      #expect(planMessage.contains("plan 1151"))
      #expect(planMessage.contains("member 115"))
      #expect(try counts(fixture) == before)
      #expect(try fixture.allRemaining() == plansBefore)
    }
  }
}
