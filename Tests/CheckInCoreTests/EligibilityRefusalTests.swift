import Foundation
import Testing

@testable import CheckInCore

/// Each reason the rules refuse a member, and which one is shown when several plans fail.
@Suite struct EligibilityRefusalTests {
  private let policy = CheckInPolicy(branchID: Fixture.branchID, duplicateWindow: 120)

  private func evaluate(
    _ plans: [Subscription], member: Member = Fixture.member(id: 7, name: "Lina"),
    lastVisit: Date? = nil, policy: CheckInPolicy? = nil, now: Date = Fixture.now
  ) -> Result<Offer, Refusal> {
    Eligibility.evaluate(
      MemberCard(member: member, subscriptions: plans, lastVisit: lastVisit),
      policy: policy ?? self.policy, now: now, timeZone: Fixture.timeZone)
  }

  private let good = Fixture.sessions(id: 1, remaining: 4, end: Fixture.day(30))

  @Test func inactiveMemberIsRefusedWhateverTheyHold() {
    let member = Fixture.member(id: 7, name: "Lina", branchID: 9, isActive: false)
    #expect(evaluate([good], member: member, lastVisit: Fixture.now) == .failure(.inactive))
  }

  @Test func memberOfAnotherBranchIsRefused() {
    let member = Fixture.member(id: 7, name: "Lina", branchID: 3)
    #expect(
      evaluate([good], member: member) == .failure(.otherBranch(branchID: 3, branchName: "Branch")))
  }

  @Test func otherBranchMayBeAllowedByPolicy() {
    let member = Fixture.member(id: 7, name: "Lina", branchID: 3)
    var open = policy
    open.allowOtherBranches = true
    #expect(evaluate([good], member: member, policy: open) == .success(Offer(plans: [good])))
  }

  @Test func secondScanWithinTheWindowIsADuplicate() {
    let last = Fixture.now - 119
    #expect(evaluate([good], lastVisit: last) == .failure(.duplicate(lastCheckIn: last)))
  }

  @Test func visitJustOutsideTheWindowIsNoDuplicate() {
    #expect(evaluate([good], lastVisit: Fixture.now - 120) == .success(Offer(plans: [good])))
    #expect(evaluate([good], lastVisit: Fixture.now - 3600) == .success(Offer(plans: [good])))
  }

  /// Stations sharing a database disagree a little about the time.
  @Test func visitSlightlyInTheFutureIsADuplicate() {
    let last = Fixture.now + 30
    #expect(evaluate([good], lastVisit: last) == .failure(.duplicate(lastCheckIn: last)))
  }

  @Test func zeroWindowTurnsTheDuplicateGuardOff() {
    var relaxed = policy
    relaxed.duplicateWindow = 0
    #expect(
      evaluate([good], lastVisit: Fixture.now, policy: relaxed) == .success(Offer(plans: [good])))
  }

  @Test func memberWithoutPlansHasNoSubscription() {
    #expect(evaluate([]) == .failure(.noSubscription))
  }

  @Test func stoppedPlanIsNoSubscription() {
    #expect(evaluate([Fixture.sessions(id: 1, status: .stopped)]) == .failure(.noSubscription))
  }

  @Test func frozenPlanCarriesItsReason() {
    var plan = Fixture.timePlan(id: 1, status: .frozen, end: Fixture.day(20))
    plan.freezeReason = "travelling"
    #expect(evaluate([plan]) == .failure(.frozen(reason: "travelling")))
  }

  @Test func planMarkedExpiredIsExpiredEvenBeforeItsEndDate() {
    let plan = Fixture.timePlan(id: 1, status: .expired, end: Fixture.day(20))
    #expect(evaluate([plan]) == .failure(.expired(endedOn: Fixture.day(20))))
  }

  /// Nothing flips a plan's status when its end date passes; the rules must look at the date.
  @Test func activePlanPastItsEndDateIsExpired() {
    let plan = Fixture.timePlan(id: 1, end: Fixture.day(-1))
    #expect(evaluate([plan]) == .failure(.expired(endedOn: Fixture.day(-1))))
  }

  @Test func planStartingTomorrowHasNotStarted() {
    let plan = Fixture.timePlan(id: 1, start: Fixture.day(1), end: Fixture.day(31))
    #expect(evaluate([plan]) == .failure(.notStarted(startsOn: Fixture.day(1))))
  }

  @Test func usedUpSessionsAndCoinsAreRefusedByUnit() {
    #expect(evaluate([Fixture.sessions(id: 1, remaining: 0)]) == .failure(.noSessions))
    #expect(evaluate([Fixture.sessions(id: 1, remaining: -2)]) == .failure(.noSessions))
    #expect(evaluate([Fixture.coins(id: 1, remaining: 0)]) == .failure(.noCoins))
  }

  /// Frozen tells the desk most, then used up, not started, expired, stopped — in whatever order
  /// the store lists the plans.
  @Test func mostTellingRefusalWinsAmongUnusablePlans() {
    let frozen = Fixture.sessions(id: 1, status: .frozen)
    let usedUp = Fixture.coins(id: 2, remaining: 0)
    let notStarted = Fixture.timePlan(id: 3, start: Fixture.day(5))
    let expired = Fixture.timePlan(id: 4, end: Fixture.day(-3))
    let stopped = Fixture.sessions(id: 5, status: .stopped)
    let ladder: [([Subscription], Refusal)] = [
      ([frozen, usedUp, notStarted, expired, stopped], .frozen(reason: nil)),
      ([usedUp, notStarted, expired, stopped], .noCoins),
      ([notStarted, expired, stopped], .notStarted(startsOn: Fixture.day(5))),
      ([expired, stopped], .expired(endedOn: Fixture.day(-3))),
      ([stopped], .noSubscription),
    ]
    for (plans, refusal) in ladder {
      for order in permutations(of: plans) {
        #expect(evaluate(order) == .failure(refusal), "plans \(order.map(\.id))")
      }
    }
  }

  @Test func amongExpiredPlansTheMostRecentIsNamed() {
    let older = Fixture.timePlan(id: 1, end: Fixture.day(-40))
    let recent = Fixture.timePlan(id: 2, end: Fixture.day(-2))
    #expect(evaluate([older, recent]) == .failure(.expired(endedOn: Fixture.day(-2))))
    #expect(evaluate([recent, older]) == .failure(.expired(endedOn: Fixture.day(-2))))
  }

  @Test func oneUsablePlanIsEnoughDespiteUnusableOnes() {
    let frozen = Fixture.sessions(id: 1, status: .frozen)
    #expect(evaluate([frozen, good]) == .success(Offer(plans: [good])))
  }

  private func permutations(of plans: [Subscription]) -> [[Subscription]] {
    guard let first = plans.first else { return [[]] }
    return permutations(of: Array(plans.dropFirst())).flatMap { rest in
      (0...rest.count).map { index in
        var order = rest
        order.insert(first, at: index)
        return order
      }
    }
  }
}
