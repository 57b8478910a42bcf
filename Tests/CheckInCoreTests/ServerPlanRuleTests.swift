import Foundation
import Testing

@testable import CheckInCore

/// A server that picks the plan itself (API.md): the station offers exactly the plan it will
/// charge, refuses where it will, and admits where it will — with its own date guards on top.
@Suite struct ServerPlanRuleTests {
  private func pick(_ rule: ServerPlanRule, _ plans: [Subscription]) -> Result<Int64, Refusal> {
    rule.pick(from: plans, today: Fixture.today).map(\.id)
  }

  @Test func februaryTakesTheFirstActivePlanInItsOwnOrder() {
    let plans = [
      Fixture.coins(id: 63, remaining: 5, end: Fixture.day(20)),
      Fixture.coins(id: 64, remaining: 16, end: Fixture.day(70)),
    ]
    #expect(pick(.firstActive, plans) == .success(63))
    #expect(pick(.entryLatestEnd, plans) == .success(64))
  }

  @Test func augustPrefersActiveOverFrozenThenTheLatestEnd() {
    var frozen = Fixture.sessions(id: 1, remaining: 5, end: Fixture.day(90))
    frozen.status = .frozen
    let time = Fixture.timePlan(id: 58, end: Fixture.day(20))
    let sessions = Fixture.sessions(id: 59, remaining: 6, end: Fixture.day(50))
    // Not the time plan the station would offer first: the server charges a session.
    #expect(pick(.entryLatestEnd, [frozen, time, sessions]) == .success(59))
    #expect(pick(.firstActive, [frozen, time, sessions]) == .success(58))
  }

  @Test func aPlanThatOpensNoDoorIsNeverAugustsChoice() {
    var training = Fixture.sessions(id: 66, remaining: 6, end: Fixture.day(30))
    training.grantsEntry = false
    #expect(pick(.entryLatestEnd, [training]) == .failure(.noSubscription))
    #expect(pick(.firstActive, [training]) == .success(66))
  }

  @Test func aFinishedFreezeIsSettledAtAugustsDoorButNotFebruarys() throws {
    var plan = Fixture.sessions(id: 65, remaining: 8, end: Fixture.day(60))
    plan.status = .frozen
    plan.freezeReason = "Injury"
    plan.freezeEndsOn = Fixture.day(-2)
    let admitted = try ServerPlanRule.entryLatestEnd.pick(from: [plan], today: Fixture.today).get()
    #expect(admitted.id == 65 && admitted.status == .active)
    #expect(pick(.firstActive, [plan]) == .failure(.frozen(reason: "Injury")))

    // A freeze that still runs (or has no agreed end) keeps the member out.
    plan.freezeEndsOn = Fixture.day(3)
    #expect(pick(.entryLatestEnd, [plan]) == .failure(.frozen(reason: "Injury")))
    plan.freezeEndsOn = nil
    #expect(pick(.entryLatestEnd, [plan]) == .failure(.frozen(reason: "Injury")))
  }

  @Test func theStationsDateGuardsStandWhereTheServerHasNone() {
    let ended = Fixture.timePlan(id: 50, end: Fixture.day(-5))
    #expect(pick(.firstActive, [ended]) == .failure(.expired(endedOn: Fixture.day(-5))))
    #expect(pick(.entryLatestEnd, [ended]) == .failure(.expired(endedOn: Fixture.day(-5))))
  }

  @Test func thePickedPlanUsedUpIsRefusedAsTheServerWill() {
    let empty = Fixture.coins(id: 1, remaining: 0, end: Fixture.day(10))
    let full = Fixture.coins(id: 2, remaining: 9, end: Fixture.day(5))
    // February charges the first active row, used up or not: it answers NO_COINS.
    #expect(pick(.firstActive, [empty, full]) == .failure(.noCoins))
  }

  @Test func theDialogOffersOnlyWhatTheServerWillCharge() throws {
    let card = MemberCard(
      member: Fixture.member(id: 127, name: "Sherif"),
      subscriptions: [
        Fixture.timePlan(id: 58, end: Fixture.day(20)),
        Fixture.sessions(id: 59, remaining: 6, end: Fixture.day(50)),
      ], planChoice: .server(.entryLatestEnd))
    let offer = try Eligibility.evaluate(
      card, policy: CheckInPolicy(branchID: Fixture.branchID), now: Fixture.now,
      timeZone: Fixture.timeZone
    ).get()
    #expect(offer.plans.map(\.id) == [59])
    // The station's own guards stay: an inactive member is refused, though no server checks.
    var inactive = card
    inactive.member.isActive = false
    #expect(
      Eligibility.evaluate(
        inactive, policy: CheckInPolicy(branchID: Fixture.branchID), now: Fixture.now,
        timeZone: Fixture.timeZone) == .failure(.inactive))
  }

  /// A renewal that starts tomorrow ends last: August's server charges it today (it checks no
  /// start date), so the desk doesn't turn the member away.
  @Test func aRenewalNotStartedYetIsWhatAugustCharges() {
    let current = Fixture.timePlan(id: 1, end: Fixture.day(10))
    let renewal = Fixture.timePlan(id: 2, start: Fixture.day(11), end: Fixture.day(40))
    #expect(pick(.entryLatestEnd, [current, renewal]) == .success(2))
    #expect(pick(.firstActive, [renewal, current]) == .success(1))
  }
}
