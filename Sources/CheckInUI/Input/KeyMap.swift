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
    case .ready, .result, .refusal, .searching, .overriding, .unlocking, .loggingIn, .lookingUp,
      .submitting:
      true
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

  /// Screens whose field is not the scan field: keys typed there are held for the burst gap, so
  /// a scanner's code can be told from typing and goes to the next member instead.
  public var holdsTyping: Bool {
    switch self {
    case .searching, .overriding, .unlocking, .loggingIn: true
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
  /// What the desk must be able to do for the binding to be offered; `nil` for keys that only
  /// move around (Enter, Esc, arrows, redraw).
  public let action: DeskAction?
  /// A printable key that acts as a command only when the focused field is empty; otherwise it
  /// is typed (a code may contain it).
  public let onlyWhenFieldEmpty: Bool

  init(
    _ keys: [KeyEvent], on screens: Set<Screen>, _ intent: Intent, help: String,
    hint: String? = nil, action: DeskAction? = nil, onlyWhenFieldEmpty: Bool = false
  ) {
    self.keys = keys
    self.screens = screens
    self.intent = intent
    self.help = help
    self.hint = hint
    self.action = action
    self.onlyWhenFieldEmpty = onlyWhenFieldEmpty
  }

  public var label: String { keys.map(\.label).joined(separator: " / ") }

  /// Whether the desk can use the binding now.
  func isOffered(_ abilities: DeskAbilities) -> Bool {
    action.map { abilities.allows($0) } ?? true
  }
}

/// The station's keys in one table: the input handler, the help overlay and the status line's
/// hints are all drawn from it, and all three ask the core's `DeskAbilities` what works now.
public struct KeyMap: Sendable {
  public let bindings: [KeyBinding]

  public init(bindings: [KeyBinding] = KeyMap.standardBindings) {
    self.bindings = bindings
  }

  /// What `key` asks for on `screen`. `fieldEmpty` says whether the focused field is empty.
  /// A binding the desk can't use now still reaches the reducer, which says why (the kiosk is
  /// locked, the server can't void); a printable one is typed instead, and quitting is refused.
  public func intent(
    for key: KeyEvent, on screen: Screen, fieldEmpty: Bool, abilities: DeskAbilities
  ) -> Intent? {
    let printable = key.isPrintable
    // A printable command key is typed instead when the field already holds text.
    let typesInstead = printable && screen.takesText && !fieldEmpty
    for binding in bindings
    where binding.screens.contains(screen) && binding.keys.contains(key)
      && !(binding.onlyWhenFieldEmpty && typesInstead)
    {
      if binding.isOffered(abilities) { return binding.intent }
      if printable { break }
      if case .station = binding.intent { return binding.intent }
      return nil
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

  /// Whether a printable `key` would be a command on `screen` with an empty field: such a key
  /// is held for the burst gap, so a scanned code starting with it isn't taken as the command.
  public func isCommand(_ key: KeyEvent, on screen: Screen, abilities: DeskAbilities) -> Bool {
    guard key.isPrintable else { return false }
    return bindings.contains { binding in
      binding.screens.contains(screen) && binding.keys.contains(key)
        && binding.isOffered(abilities)
    }
  }

  /// The bindings that work on `screen` now, for the help overlay.
  public func bindings(on screen: Screen, abilities: DeskAbilities) -> [KeyBinding] {
    bindings.filter { $0.screens.contains(screen) && $0.isOffered(abilities) }
  }

  /// Short hints for the status line on `screen`, like `Enter Deduct  → Check-In Only`: only
  /// what works now.
  public func hints(on screen: Screen, abilities: DeskAbilities) -> [(key: String, text: String)] {
    bindings.compactMap { binding in
      guard binding.screens.contains(screen), let hint = binding.hint,
        binding.isOffered(abilities), let first = binding.keys.first
      else { return nil }
      return (first.label, hint)
    }
  }

  /// The shortest key that does `intent`, for a hint with little room (`v` rather than `F4`).
  public func shortestKey(for intent: Intent) -> String? {
    bindings.first { $0.intent == intent }?.keys.map(\.label).min { $0.count < $1.count }
  }

  /// How help and messages name the keys for `action`, like `F8 / Ctrl-O`.
  public func label(for action: DeskAction) -> String? {
    bindings.first { $0.action == action }?.label
  }
}

extension KeyMap {
  private static let all = Set(Screen.allCases)
  private static let idle: Set<Screen> = [.ready, .result, .refusal]

  /// Every staff key has a Ctrl or printable twin: VT100 has no F5–F12 and VT220 no F1–F5.
  public static let standardBindings: [KeyBinding] = [
    KeyBinding(
      [.enter], on: [.member], .station(.submit),
      help: "Record the highlighted choice (digits and letters start the next code instead)",
      hint: "Confirm", action: .confirm),
    KeyBinding(
      [.left, .right, .character(" ")], on: [.member], .station(.toggleChoice),
      help: "Move the highlight between Check-In Only and Deduct Session", hint: "Choose",
      action: .switchChoice),
    KeyBinding(
      [.down], on: [.member], .station(.movePlan(1)),
      help: "Next plan (when the member holds several)", hint: "Plan", action: .switchPlan),
    KeyBinding(
      [.up], on: [.member], .station(.movePlan(-1)), help: "Previous plan",
      action: .switchPlan),
    KeyBinding(
      [.enter], on: all.subtracting([.member]), .station(.submit),
      help: "Look up the typed code · open the selected member · confirm a prompt"),
    KeyBinding(
      [.tab], on: [.ready, .result, .refusal], .station(.submit),
      help: "Look up the typed code (scanners set to end codes with Tab)"),
    KeyBinding([.escape], on: [.ready], .station(.cancel), help: "Clear the scan field"),
    KeyBinding(
      [.escape], on: all.subtracting([.ready]), .station(.cancel),
      help: "Back to the scan field (nothing is recorded)", hint: "Back"),
    KeyBinding([.up], on: [.searching], .station(.moveSelection(-1)), help: "Previous result"),
    KeyBinding([.down], on: [.searching], .station(.moveSelection(1)), help: "Next result"),
    KeyBinding(
      [.up], on: [.overriding], .station(.moveSelection(-1)), help: "Previous reason"),
    KeyBinding(
      [.down], on: [.overriding], .station(.moveSelection(1)),
      help: "Next reason; the last row takes a reason typed by hand"),
    KeyBinding(
      [.pageDown], on: [.searching], .station(.movePage(1)), help: "Today's visits: older page"),
    KeyBinding(
      [.pageUp], on: [.searching], .station(.movePage(-1)), help: "Today's visits: newer page"),
    KeyBinding(
      [.function(2), .character("/")], on: idle, .station(.openSearch),
      help: "Search members by name, phone or code", hint: "Search", action: .search,
      onlyWhenFieldEmpty: true),
    KeyBinding(
      [.function(3), .character("t")], on: idle, .station(.toggleToday),
      help: "Show or hide today's check-ins", hint: "Today", action: .today,
      onlyWhenFieldEmpty: true),
    KeyBinding(
      [.function(4), .character("v")], on: idle, .station(.openVisits),
      help: "Today's visits, page by page, found by name or code",
      action: .today, onlyWhenFieldEmpty: true),
    KeyBinding(
      [.function(8), .control("o")], on: [.refusal], .station(.beginOverride),
      help: "Let a refused member in anyway, with a reason", hint: "Override",
      action: .override),
    KeyBinding(
      [.function(9), .control("u")], on: idle.union([.searching]), .station(.undoLast),
      help: "Undo this station's last check-in (within 10 minutes); in today's visits, the "
        + "highlighted one", hint: "Undo", action: .undo),
    KeyBinding(
      [.function(12), .control("k")], on: idle.union([.searching]), .station(.toggleLock),
      help: "Kiosk: type the unlock code for staff keys; again to lock", action: .lock),
    KeyBinding(
      [.function(1), .character("?")], on: all, .station(.toggleHelp),
      help: "Show or hide this help", hint: "Help", action: .help, onlyWhenFieldEmpty: true),
    KeyBinding([.control("l")], on: all, .redraw, help: "Redraw the screen"),
    KeyBinding(
      [.function(10), .character("q"), .control("c")], on: idle, .quit,
      help: "Quit the station", hint: "Quit", action: .quit, onlyWhenFieldEmpty: true),
  ]
}

extension KeyEvent {
  var isPrintable: Bool {
    if case .character = self { return true }
    return false
  }
}
