import CheckInCore

/// What a key asks for: something for the state machine, or something only the terminal does.
public enum Intent: Hashable, Sendable {
  case station(StationEvent)
  case quit
  case redraw
}

/// Where a binding applies.
public enum Screen: Hashable, Sendable, CaseIterable {
  case ready
  case lookingUp
  case member
  case submitting
  /// The banner of a check-in.
  case result
  /// The banner of a refusal (which staff may override).
  case refusal
  case searching
  case confirmingUndo
  case overriding
  case unlocking
  case loggingIn

  public init(_ phase: Phase) {
    switch phase {
    case .ready: self = .ready
    case .lookingUp: self = .lookingUp
    case .member: self = .member
    case .submitting, .undoing: self = .submitting
    case .result(let banner):
      // Only a refusal of a known member can be overridden.
      if case .refused = banner.outcome, banner.card != nil {
        self = .refusal
      } else {
        self = .result
      }
    case .searching: self = .searching
    case .confirmingUndo: self = .confirmingUndo
    case .overriding: self = .overriding
    case .unlocking: self = .unlocking
    case .loggingIn: self = .loggingIn
    }
  }

  /// Screens where printable keys type into a field.
  var takesText: Bool {
    switch self {
    case .ready, .result, .refusal, .searching, .overriding, .unlocking, .loggingIn: true
    default: false
    }
  }

  /// Screens a printable key that isn't one of theirs closes, to start typing a code: a
  /// receptionist typing the next member's code must not confirm this dialog with Enter.
  var givesWayToTyping: Bool {
    switch self {
    case .member, .confirmingUndo: true
    default: false
    }
  }
}

/// One key binding: its keys, where it works, what it does and how help describes it.
public struct KeyBinding: Sendable {
  public let keys: [KeyEvent]
  public let screens: Set<Screen>
  public let intent: Intent
  /// Shown in the help overlay.
  public let help: String
  /// Shown in the status line's key hints, when set.
  public let hint: String?
  /// At a locked kiosk the binding does nothing.
  public let staffOnly: Bool
  /// A printable key that acts as a command only when the scan field is empty; otherwise it is
  /// typed (a code may contain it).
  public let onlyWhenFieldEmpty: Bool

  public var label: String { keys.map(\.label).joined(separator: " / ") }
}

/// The station's keys in one table: the input handler, the help overlay and the status line's
/// hints are all drawn from it.
public struct KeyMap: Sendable {
  public let bindings: [KeyBinding]

  public init(bindings: [KeyBinding] = KeyMap.standardBindings) {
    self.bindings = bindings
  }

  /// What `key` asks for on `screen`. `fieldEmpty` says whether the focused field is empty;
  /// `staff` whether staff keys work (always, except at a locked kiosk).
  public func intent(for key: KeyEvent, on screen: Screen, fieldEmpty: Bool, staff: Bool)
    -> Intent?
  {
    var printable = false
    if case .character = key { printable = true }
    // A printable command key is typed instead when the field already holds text.
    let typesInstead = printable && screen.takesText && !fieldEmpty
    for binding in bindings
    where binding.screens.contains(screen) && binding.keys.contains(key)
      && !(binding.onlyWhenFieldEmpty && typesInstead)
    {
      if binding.staffOnly && !staff {
        // The reducer explains how to unlock; quitting is simply refused.
        if case .station = binding.intent { return binding.intent }
        return nil
      }
      return binding.intent
    }
    switch key {
    case .character(let character) where screen.takesText || screen.givesWayToTyping:
      return .station(.typed(String(character)))
    case .backspace where screen.takesText:
      return .station(.erase)
    default:
      return nil
    }
  }

  /// The bindings that work on `screen`, for the help overlay.
  public func bindings(on screen: Screen) -> [KeyBinding] {
    bindings.filter { $0.screens.contains(screen) }
  }

  /// Short hints for the status line on `screen`, like `1 Check-In Only  2 Deduct`.
  public func hints(on screen: Screen, staff: Bool) -> [(key: String, text: String)] {
    bindings.compactMap { binding in
      guard binding.screens.contains(screen), let hint = binding.hint,
        !binding.staffOnly || staff, let first = binding.keys.first
      else { return nil }
      return (first.label, hint)
    }
  }
}

extension KeyMap {
  private static let all = Set(Screen.allCases)
  private static let idle: Set<Screen> = [.ready, .result, .refusal]

  public static let standardBindings: [KeyBinding] = [
    KeyBinding(
      keys: [.character("1")], screens: [.member], intent: .station(.choose(.checkInOnly)),
      help: "Check-In Only: record the visit, deduct nothing", hint: "Check-In Only",
      staffOnly: false, onlyWhenFieldEmpty: false),
    KeyBinding(
      keys: [.character("2")], screens: [.member], intent: .station(.choose(.deduct)),
      help: "Deduct Session: record the visit and deduct one session or coin", hint: "Deduct",
      staffOnly: false, onlyWhenFieldEmpty: false),
    KeyBinding(
      keys: [.left, .right], screens: [.member], intent: .station(.toggleChoice),
      help: "Move the highlight between the two choices", hint: nil, staffOnly: false,
      onlyWhenFieldEmpty: false),
    KeyBinding(
      keys: [.tab, .down], screens: [.member], intent: .station(.movePlan(1)),
      help: "Next plan (when the member holds several)", hint: "Plan", staffOnly: false,
      onlyWhenFieldEmpty: false),
    KeyBinding(
      keys: [.backTab, .up], screens: [.member], intent: .station(.movePlan(-1)),
      help: "Previous plan", hint: nil, staffOnly: false, onlyWhenFieldEmpty: false),
    KeyBinding(
      keys: [.enter], screens: all, intent: .station(.submit),
      help: "Scan the typed code · confirm the highlighted choice · open the selected member",
      hint: nil, staffOnly: false, onlyWhenFieldEmpty: false),
    KeyBinding(
      keys: [.escape], screens: [.ready], intent: .station(.cancel),
      help: "Clear the scan field", hint: nil, staffOnly: false, onlyWhenFieldEmpty: false),
    KeyBinding(
      keys: [.escape], screens: all.subtracting([.ready]), intent: .station(.cancel),
      help: "Back to the scan field (nothing is recorded)", hint: "Back", staffOnly: false,
      onlyWhenFieldEmpty: false),
    KeyBinding(
      keys: [.up], screens: [.searching], intent: .station(.moveSelection(-1)),
      help: "Previous search result", hint: nil, staffOnly: false, onlyWhenFieldEmpty: false),
    KeyBinding(
      keys: [.down], screens: [.searching], intent: .station(.moveSelection(1)),
      help: "Next search result", hint: nil, staffOnly: false, onlyWhenFieldEmpty: false),
    KeyBinding(
      keys: [.function(2), .character("/")], screens: idle, intent: .station(.openSearch),
      help: "Search members by name, phone or code", hint: "Search", staffOnly: true,
      onlyWhenFieldEmpty: true),
    KeyBinding(
      keys: [.function(3), .character("t")], screens: idle, intent: .station(.toggleToday),
      help: "Show or hide today's check-ins", hint: "Today", staffOnly: true,
      onlyWhenFieldEmpty: true),
    KeyBinding(
      keys: [.function(8)], screens: [.refusal], intent: .station(.beginOverride),
      help: "Let a refused member in anyway, with a reason (staff)", hint: "Override",
      staffOnly: true, onlyWhenFieldEmpty: false),
    KeyBinding(
      keys: [.function(9)], screens: idle, intent: .station(.undoLast),
      help: "Undo this station's last check-in (within 10 minutes)", hint: "Undo",
      staffOnly: true, onlyWhenFieldEmpty: false),
    KeyBinding(
      keys: [.function(12)], screens: idle.union([.searching]), intent: .station(.toggleLock),
      help: "Kiosk: type the unlock code for staff keys; press again to lock", hint: nil,
      staffOnly: false, onlyWhenFieldEmpty: false),
    KeyBinding(
      keys: [.function(1), .character("?")], screens: all, intent: .station(.toggleHelp),
      help: "Show or hide this help", hint: "Help", staffOnly: false, onlyWhenFieldEmpty: true),
    KeyBinding(
      keys: [.control("l")], screens: all, intent: .redraw, help: "Redraw the screen", hint: nil,
      staffOnly: false, onlyWhenFieldEmpty: false),
    KeyBinding(
      keys: [.function(10), .character("q"), .control("c")], screens: idle, intent: .quit,
      help: "Quit the station (staff)", hint: "Quit", staffOnly: true, onlyWhenFieldEmpty: true),
  ]
}
