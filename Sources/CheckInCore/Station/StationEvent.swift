/// Something that happened, for the reducer to react to: input from the desk, the clock, or the
/// answer to an effect.
public enum StationEvent: Hashable, Sendable {
  // Scanner and scan field
  /// A whole code arrived at once: a scanner's burst, or a line from a script.
  case scanned(String)
  /// Keys that came faster than a person types: a scanner's code (`terminated` when it ended
  /// with Enter or Tab) or a paste. Where it goes depends on the screen.
  case burst(String, terminated: Bool)
  /// Characters typed by hand into the focused field (scan field or search).
  case typed(String)
  /// Backspace in the focused field.
  case erase
  /// Enter: submit the scan field, confirm the highlighted choice, open the selected hit.
  case submit
  /// Esc: back out of whatever is showing, towards the scan field.
  case cancel

  // The member dialog
  /// Pick an action and confirm it in one key (`1` / `2`).
  case choose(CheckInAction)
  /// Move the highlight to the other action.
  case toggleChoice
  /// Show the next (+1) or previous (-1) usable plan.
  case movePlan(Int)

  // Search
  case openSearch
  /// Today's visits, page by page, searchable by name or code.
  case openVisits
  /// The next (+1) or previous (-1) page of today's visits.
  case movePage(Int)
  /// Move the highlighted hit up (-1) or down (+1).
  case moveSelection(Int)

  // Staff
  /// Ask to void this station's last check-in.
  case undoLast
  /// Let the member on the refusal banner in anyway (asks for a reason).
  case beginOverride
  /// Start typing a kiosk's unlock code; when already unlocked, lock again.
  case toggleLock
  case toggleHelp
  case toggleToday

  /// The clock moved on; the time is in the context.
  case tick
  /// The terminal changed size; `fits` says whether the station can be drawn in it.
  case resized(fits: Bool)

  // Answers to effects
  case lookedUp(RequestID, Result<MemberCard, BackendError>)
  case checkedIn(RequestID, Result<Receipt, BackendError>)
  case searched(RequestID, Result<SearchPage, BackendError>)
  case todayLoaded(Result<TodayOverview, BackendError>)
  case visitsLoaded(RequestID, Result<VisitsPage, BackendError>)
  case voided(RequestID, Result<VoidReceipt, BackendError>)
  case loggedIn(RequestID, Result<LoginAccepted, BackendError>)
}

/// The server accepted the password.
public struct LoginAccepted: Hashable, Sendable {
  public init() {}
}

extension StationEvent {
  /// Events that still count while the terminal is too small to draw the station: Esc, the
  /// clock, the size, and the answers to requests already made. Anything else would act on a
  /// screen nobody can see.
  var actsWhileHidden: Bool {
    switch self {
    case .cancel, .tick, .resized, .lookedUp, .checkedIn, .searched, .todayLoaded, .visitsLoaded,
      .voided, .loggedIn:
      true
    default:
      false
    }
  }
}
