import Foundation

/// What the reducer may know about the world for one event: the time and the station's settings.
/// The reducer never reads a clock; the runtime hands it one here.
public struct StationContext: Sendable {
  public var now: Date
  public var timeZone: TimeZone
  public var policy: CheckInPolicy
  public var stationName: String
  public var timing: StationTiming
  /// At most this many search hits are asked for.
  public var searchLimit: Int
  /// Set for an unattended kiosk: staff keys need the unlock code.
  public var kiosk: KioskLock?
  /// Whether the store can record a staff override (the local database can; a server can't).
  public var allowsOverride: Bool

  public init(
    now: Date, timeZone: TimeZone = .current, policy: CheckInPolicy = CheckInPolicy(),
    stationName: String = "desk", timing: StationTiming = StationTiming(), searchLimit: Int = 20,
    kiosk: KioskLock? = nil, allowsOverride: Bool = true
  ) {
    self.now = now
    self.timeZone = timeZone
    self.policy = policy
    self.stationName = stationName
    self.timing = timing
    self.searchLimit = searchLimit
    self.kiosk = kiosk
    self.allowsOverride = allowsOverride
  }
}

/// A kiosk's lock: staff keys (undo, override, search, quit) work only for a while after the
/// unlock code was typed.
public struct KioskLock: Hashable, Sendable {
  public var unlockCode: String
  public var unlockedFor: TimeInterval

  public init(unlockCode: String, unlockedFor: TimeInterval = 120) {
    self.unlockCode = unlockCode
    self.unlockedFor = unlockedFor
  }
}

extension StationState {
  /// Whether staff keys work now: always at a desk, at a kiosk only while unlocked.
  public func isStaffUnlocked(_ context: StationContext) -> Bool {
    guard context.kiosk != nil else { return true }
    guard let until = staffUnlockedUntil else { return false }
    return context.now < until
  }
}

/// How long each screen stays before the station returns to the scan field by itself, so an
/// unattended kiosk never stays anywhere but ready.
public struct StationTiming: Hashable, Sendable {
  /// The result banner.
  public var result: TimeInterval
  /// An open member dialog nobody answers.
  public var dialog: TimeInterval
  /// The search panel with no typing.
  public var search: TimeInterval
  /// The undo confirmation.
  public var undoPrompt: TimeInterval
  /// A lookup the store never answers.
  public var lookup: TimeInterval
  /// How long after a check-in staff may still undo it.
  public var undoWindow: TimeInterval
  /// Pause after a keystroke before searching; 0 searches at once (fast local stores).
  public var searchDebounce: TimeInterval

  public init(
    result: TimeInterval = 4, dialog: TimeInterval = 30, search: TimeInterval = 60,
    undoPrompt: TimeInterval = 15, lookup: TimeInterval = 15, undoWindow: TimeInterval = 600,
    searchDebounce: TimeInterval = 0
  ) {
    self.result = result
    self.dialog = dialog
    self.search = search
    self.undoPrompt = undoPrompt
    self.lookup = lookup
    self.undoWindow = undoWindow
    self.searchDebounce = searchDebounce
  }
}
