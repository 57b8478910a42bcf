import Foundation
import Testing

@testable import CheckInCore

/// Which plans a member may use, in which order, and what the dialog offers on each.
@Suite struct EligibilityOfferTests {
  private func offer(
    _ plans: [Subscription], now: Date = Fixture.now, timeZone: TimeZone = Fixture.timeZone
  ) -> Result<Offer, Refusal> {
    Eligibility.evaluate(
      MemberCard(member: Fixture.member(id: 7, name: "Lina"), subscriptions: plans),
      policy: CheckInPolicy(branchID: Fixture.branchID), now: now, timeZone: timeZone)
  }

  /// Time plans cost the member nothing, so they go first; counted plans that lapse soonest next.
  @Test func usablePlansAreOrderedTimeFirstThenSoonestEnding() throws {
    let sessionsLate = Fixture.sessions(id: 1, end: Fixture.day(40))
    let coinsSoon = Fixture.coins(id: 2, end: Fixture.day(5))
    let timeSoon = Fixture.timePlan(id: 3, end: Fixture.day(3))
    let sessionsOpen = Fixture.sessions(id: 4)
    let timeOpen = Fixture.timePlan(id: 5)
    let plans = try offer([sessionsLate, coinsSoon, timeSoon, sessionsOpen, timeOpen]).get().plans
    #expect(plans.map(\.id) == [3, 5, 2, 1, 4])
  }

  @Test func plansEndingTheSameDayKeepTheOlderFirst() throws {
    let newer = Fixture.sessions(id: 9, end: Fixture.day(10))
    let older = Fixture.coins(id: 4, end: Fixture.day(10))
    #expect(try offer([newer, older]).get().plans.map(\.id) == [4, 9])
  }

  @Test func unusablePlansAreLeftOut() throws {
    let usable = Fixture.coins(id: 2, remaining: 1)
    let plans = [
      Fixture.sessions(id: 1, remaining: 0), usable, Fixture.timePlan(id: 3, status: .frozen),
    ]
    #expect(try offer(plans).get().plans == [usable])
  }

  /// "Valid until" names the whole last day.
  @Test func planEndingTodayIsUsable() throws {
    let plan = Fixture.timePlan(id: 1, end: Fixture.today)
    #expect(try offer([plan]).get().plans == [plan])
  }

  @Test func planStartingTodayIsUsable() throws {
    let plan = Fixture.sessions(id: 1, start: Fixture.today)
    #expect(try offer([plan]).get().plans == [plan])
  }

  /// At 22:30 UTC it is already tomorrow in UTC+3: a plan ending "today" in UTC has ended there.
  @Test func endDateIsJudgedInTheStationsTimeZone() throws {
    let east = try #require(TimeZone(secondsFromGMT: 3 * 3600))
    let lateEvening = Fixture.now + 12.5 * 3600
    let plan = Fixture.timePlan(id: 1, end: Fixture.today)
    #expect(try offer([plan], now: lateEvening, timeZone: .gmt).get().plans == [plan])
    #expect(
      offer([plan], now: lateEvening, timeZone: east) == .failure(.expired(endedOn: Fixture.today)))
  }

  @Test func defaultActionDeductsOnlyWhereSomethingIsLeft() {
    #expect(Offer.defaultAction(for: Fixture.sessions(id: 1, remaining: 3)) == .deduct)
    #expect(Offer.defaultAction(for: Fixture.coins(id: 1, remaining: 1)) == .deduct)
    #expect(Offer.defaultAction(for: Fixture.timePlan(id: 1)) == .checkInOnly)
    #expect(Offer.defaultAction(for: Fixture.sessions(id: 1, remaining: 0)) == .checkInOnly)
  }

  @Test func canDeductNeedsACountedPlanWithSomethingLeft() {
    #expect(Offer.canDeduct(Fixture.sessions(id: 1, remaining: 1)))
    #expect(Offer.canDeduct(Fixture.coins(id: 1, remaining: 20)))
    #expect(!Offer.canDeduct(Fixture.sessions(id: 1, remaining: 0)))
    #expect(!Offer.canDeduct(Fixture.coins(id: 1, remaining: -1)))
    var unknown = Fixture.sessions(id: 1)
    unknown.remaining = nil
    #expect(!Offer.canDeduct(unknown))
    var timeWithCount = Fixture.timePlan(id: 1)
    timeWithCount.remaining = 5
    #expect(!Offer.canDeduct(timeWithCount))
  }

  /// Every plan the rules offer can take the action the dialog highlights for it.
  @Test func offeredCountedPlansCanAlwaysDeduct() throws {
    let plans = [Fixture.sessions(id: 1, remaining: 1), Fixture.coins(id: 2, remaining: 2)]
    for plan in try offer(plans).get().plans {
      #expect(Offer.defaultAction(for: plan) == .deduct)
    }
  }
}
