import CheckInCore
import Foundation

@testable import CheckInUI

/// Every screen the station can show, as states driven through the reducer, and how to draw them.
enum Screens {
  /// The two sizes every screen is pictured at: the classic terminal and a roomy one.
  static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

  static let kiosk = KioskLock(unlockCode: "4321")

  /// Draws `state` as the station would at `size`, at the scenes' fixed clock.
  static func render(_ state: StationState, size: Size, kiosk: KioskLock? = nil) -> ScreenBuffer {
    StationView.render(state, Scenes.info(state: state, kiosk: kiosk), size: size)
  }

  /// What the desk may do in `state` at the scenes' clock, at a staffed local desk.
  static func abilities(of state: StationState) -> DeskAbilities {
    state.abilities(Scenes.context())
  }

  static var ready: StationState { Scenes.state([]) }

  /// A code typed by hand after a dialog was cancelled: the notice says nothing was recorded.
  static var readyTyped: StationState {
    Scenes.dialog(Scenes.sara, events: [.cancel, .typed("GYM-10")])
  }

  static var lookingUp: StationState { Scenes.state([.scanned("GYM-1")]) }

  static var submitting: StationState { Scenes.dialog(Scenes.sara, events: [.choose(.deduct)]) }

  static var checkedIn: StationState { Scenes.dialog(Scenes.sara, events: checkedInEvents) }

  /// Frozen: the member must see the desk.
  static var seeDesk: StationState { Scenes.dialog(Scenes.frozenNour) }

  /// No sessions left: a plain refusal.
  static var refused: StationState { Scenes.dialog(Scenes.lina) }

  static var invalidCode: StationState { Scenes.state([.scanned("GYM 12")]) }

  static let hits = [
    MemberSummary(
      id: 1, fullName: "Sara Haddad", phone: "+20 100 123 4501", qrCode: "GYM-1", branchID: 1,
      isActive: true, branchName: "Main", plans: Scenes.sara.subscriptions),
    MemberSummary(
      id: 14, fullName: "Salma Youssef", phone: "+20 100 123 4514", qrCode: nil, branchID: 1,
      isActive: true, branchName: "Main", plans: Scenes.lina.subscriptions),
    MemberSummary(
      id: 5, fullName: "مريم حسن", phone: "+20 100 123 4505", qrCode: "GYM-5", branchID: 1,
      isActive: true, branchName: "Main", plans: Scenes.mariam.subscriptions),
    // From a server: no plans, only its own word.
    MemberSummary(
      id: 31, fullName: "Aya Hassan", phone: nil, qrCode: "GYM-31-9F3A0C1B", branchID: 2,
      isActive: false, branchName: "Heliopolis", hasActivePlan: true),
  ]

  /// "sa" typed into search, four hits back, the second highlighted.
  static var searchHits: StationState {
    Scenes.state([
      .openSearch, .typed("sa"),
      .searched(RequestID(1), .success(SearchPage(query: "sa", hits: hits, hasMore: true))),
      .moveSelection(1),
    ])
  }

  static var searchEmpty: StationState {
    Scenes.state([
      .openSearch, .typed("zq"),
      .searched(RequestID(1), .success(SearchPage(query: "zq", hits: [], hasMore: false))),
    ])
  }

  static var undoPrompt: StationState {
    var events = checkedInEvents
    events.append(.undoLast)
    return Scenes.dialog(Scenes.sara, events: events)
  }

  static var overridePrompt: StationState {
    Scenes.dialog(
      Scenes.frozenNour, events: [.beginOverride, .typed("Paid the freeze fee at the desk")])
  }

  /// A kiosk with its unlock prompt open and four digits typed.
  static var unlockPrompt: StationState {
    Scenes.state([.toggleLock, .typed("4321")], kiosk: kiosk)
  }

  static var help: StationState { Scenes.state([.toggleHelp]) }

  static var todayToggled: StationState { Scenes.state([.toggleToday]) }

  private static var checkedInEvents: [StationEvent] {
    [.choose(.deduct), .checkedIn(RequestID(2), .success(Scenes.receipt(Scenes.sara)))]
  }
}
