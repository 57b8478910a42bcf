import Foundation
import Testing

@testable import CheckInCore

/// Drives the reducer by hand, one event at a time, on a clock the test moves: a station without
/// a runtime, so each effect can be inspected before its answer is sent back.
struct Desk {
  var state = StationState()
  var clock = Fixture.now
  /// The terminal's timing: a banner is held for its first second.
  var timing = StationTiming(minimumResult: 1, rescanKeepsBanner: true)
  var policy = CheckInPolicy(branchID: Fixture.branchID)
  var kiosk: KioskLock?
  var allowsOverride = true
  var overrideReasons = OverrideReasons.standard

  var context: StationContext {
    var context = Fixture.context(
      at: clock, policy: policy, timing: timing, kiosk: kiosk, allowsOverride: allowsOverride)
    context.overrideReasons = overrideReasons
    return context
  }

  @discardableResult
  mutating func send(_ event: StationEvent) -> [StationEffect] {
    Station.reduce(into: &state, event, context)
  }

  mutating func advance(_ seconds: TimeInterval) {
    clock += seconds
  }

  /// F12 at a kiosk, `code` typed into the unlock prompt, Enter.
  mutating func enterUnlockCode(_ code: String) {
    send(.toggleLock)
    send(.typed(code))
    send(.submit)
  }

  /// Scans `code`, answers the lookup with `card` and returns the dialog that opened.
  mutating func openDialog(scanning code: String, card: MemberCard) throws -> MemberDialog {
    let lookUp = try #require(send(.scanned(code)).lookUps.first)
    send(.lookedUp(lookUp.id, .success(card)))
    return try #require(state.phase.dialog)
  }

  /// Checks in Sara with the default action and returns the receipt the store gave.
  mutating func checkInSara(attendanceID: Int64 = 501) throws -> Receipt {
    _ = try openDialog(scanning: "GYM-1", card: Fixture.sara)
    let checkIn = try #require(send(.submit).checkIns.first)
    let receipt = Fixture.receipt(for: checkIn.request, attendanceID: attendanceID)
    send(.checkedIn(checkIn.id, .success(receipt)))
    return receipt
  }
}

extension Array where Element == StationEffect {
  var lookUps: [(id: RequestID, payload: ScanPayload)] {
    compactMap { effect in
      if case .lookUp(let id, let payload) = effect { (id, payload) } else { nil }
    }
  }

  var checkIns: [(id: RequestID, request: CheckInRequest)] {
    compactMap { effect in
      if case .checkIn(let id, let request) = effect { (id, request) } else { nil }
    }
  }

  var searches: [(id: RequestID, query: String, delay: Double)] {
    compactMap { effect in
      if case .search(let id, let query, _, let delay) = effect { (id, query, delay) } else { nil }
    }
  }

  var voids: [(id: RequestID, attendanceID: Int64)] {
    compactMap { effect in
      if case .void(let id, let attendanceID) = effect { (id, attendanceID) } else { nil }
    }
  }
}

extension Phase {
  var dialog: MemberDialog? {
    if case .member(let dialog) = self { dialog } else { nil }
  }

  var banner: ResultBanner? {
    if case .result(let banner) = self { banner } else { nil }
  }

  var undoPrompt: UndoPrompt? {
    if case .confirmingUndo(let prompt) = self { prompt } else { nil }
  }

  var overridePrompt: OverridePrompt? {
    if case .overriding(let prompt) = self { prompt } else { nil }
  }

  var panel: SearchPanel? {
    if case .searching(let panel) = self { panel } else { nil }
  }

  var lookUp: LookUp? {
    if case .lookingUp(let lookUp) = self { lookUp } else { nil }
  }

  var submission: Submission? {
    if case .submitting(let submission) = self { submission } else { nil }
  }
}
