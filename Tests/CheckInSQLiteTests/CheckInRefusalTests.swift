import CheckInCore
import CheckInSQLite
import Foundation
import Testing

/// The rules `checkIn` re-checks inside its transaction, and that a refusal writes nothing.
@Suite struct CheckInRefusalTests {
  static let refusals: [(memberID: Int64, refusal: Refusal)] = [
    (401, .inactive),
    (402, .otherBranch(branchID: 2, branchName: "Heliopolis")),
    (403, .noSubscription),
    (404, .frozen(reason: "injury")),
    (405, .expired(endedOn: Gym.day(2026, 3, 9))),
    (406, .notStarted(startsOn: Gym.day(2026, 3, 11))),
    (407, .noSessions),
    (408, .noCoins),
  ]

  @Test(arguments: refusals)
  func aRefusedMemberLeavesNoTrace(memberID: Int64, refusal: Refusal) throws {
    try withFixture { fixture in
      let plansBefore = try fixture.allRemaining()
      for action in CheckInAction.allCases {
        #expect(throws: BackendError.refused(refusal)) {
          try fixture.store.checkIn(fixture.request(memberID, action: action))
        }
      }
      #expect(try fixture.count("attendance") == 0)
      #expect(try fixture.allRemaining() == plansBefore)
    }
  }

  @Test func anUnknownMemberIsNotFound() throws {
    try withFixture { fixture throws in
      #expect(throws: BackendError.refused(.notFound(code: "#99999"))) {
        try fixture.store.checkIn(fixture.request(99_999))
      }
      #expect(try fixture.count("attendance") == 0)
    }
  }

  @Test func aSecondScanWithinTheWindowIsADuplicate() throws {
    try withFixture { fixture in
      let first = try fixture.store.checkIn(fixture.request(201))
      #expect(first.remaining == 2)
      fixture.clock.advance(seconds: 119)
      #expect(throws: BackendError.refused(.duplicate(lastCheckIn: Gym.morning))) {
        try fixture.store.checkIn(fixture.request(201))
      }
      #expect(try fixture.count("attendance") == 1)
      #expect(try fixture.remaining(2011) == 2)
      // Once the window has passed, the member may come in again.
      fixture.clock.advance(seconds: 1)
      #expect(try fixture.store.checkIn(fixture.request(201)).remaining == 1)
      #expect(try fixture.count("attendance") == 2)
    }
  }

  @Test func aVisitAtAnotherBranchCountsForTheDuplicateGuard() throws {
    try withFixture { fixture in
      var elsewhere = Gym.policy
      elsewhere.branchID = 2
      elsewhere.allowOtherBranches = true
      _ = try fixture.store.checkIn(fixture.request(201, policy: elsewhere))
      fixture.clock.advance(seconds: 30)
      #expect(throws: BackendError.refused(.duplicate(lastCheckIn: Gym.morning))) {
        try fixture.store.checkIn(fixture.request(201))
      }
    }
  }

  @Test func expiryFollowsTheStoresTimeZone() throws {
    try withFixture { fixture throws in
      #expect(Gym.timeZone.secondsFromGMT() == 7200)
      // Dina's plan ends 2026-03-09. At 00:30 on the 10th in UTC+2 it is still the 9th in UTC.
      fixture.clock.set(Gym.at(hour: 0, minute: 30))
      #expect(throws: BackendError.refused(.expired(endedOn: Gym.day(2026, 3, 9)))) {
        try fixture.store.checkIn(fixture.request(405))
      }
      // At 23:30 on the 9th, local time, the plan's last day is not over.
      fixture.clock.set(Gym.at(hour: 23, minute: 30, days: -1))
      #expect(try fixture.store.checkIn(fixture.request(405)).remaining == 4)
    }
  }

  @Test func aPlanStartsAtLocalMidnight() throws {
    try withFixture { fixture throws in
      // Ali's plan starts 2026-03-11.
      fixture.clock.set(Gym.at(hour: 23, minute: 59))
      #expect(throws: BackendError.refused(.notStarted(startsOn: Gym.day(2026, 3, 11)))) {
        try fixture.store.checkIn(fixture.request(406))
      }
      fixture.clock.set(Gym.at(hour: 0, days: 1))
      #expect(try fixture.store.checkIn(fixture.request(406)).remaining == 4)
    }
  }

  @Test func anotherMembersPlanCannotBeChosen() throws {
    try withFixture { fixture throws in
      #expect(throws: BackendError.refused(.noSubscription)) {
        try fixture.store.checkIn(fixture.request(201, subscriptionID: 1151))
      }
      #expect(try fixture.remaining(1151) == 5)
      #expect(try fixture.remaining(2011) == 3)
      #expect(try fixture.count("attendance") == 0)
    }
  }
}
