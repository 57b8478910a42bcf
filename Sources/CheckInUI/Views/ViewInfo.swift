import CheckInCore
import Foundation

/// What the views need besides the station's state: the clock, who and where the station is, and
/// the key map the hints are drawn from.
public struct ViewInfo: Sendable {
  public var now: Date
  public var timeZone: TimeZone
  public var stationName: String
  public var branchName: String
  /// Where the data lives, as the status line shows it ("demo.sqlite3", "gym.example.com").
  public var storeName: String
  public var connection: Connection
  public var timing: StationTiming
  public var keyMap: KeyMap
  public var isKiosk: Bool
  /// What the desk may do now (from the core): hints, help and banners offer only that.
  public var abilities: DeskAbilities
  public var staffUnlocked: Bool { abilities.staffUnlocked }

  public enum Connection: Hashable, Sendable {
    case local
    /// The server answers; `queued` check-ins wait to be sent, `toReview` need staff.
    case online(queued: Int, toReview: Int)
    case offline(queued: Int, toReview: Int)

    /// The status line's form of a store's status.
    public init(_ status: ConnectionStatus) {
      switch status.reachable {
      case nil: self = .local
      case true?: self = .online(queued: status.queued, toReview: status.toReview)
      case false?: self = .offline(queued: status.queued, toReview: status.toReview)
      }
    }
  }

  public init(
    now: Date, timeZone: TimeZone, stationName: String, branchName: String, storeName: String,
    connection: Connection = .local, timing: StationTiming = StationTiming(),
    keyMap: KeyMap = KeyMap(), isKiosk: Bool = false,
    abilities: DeskAbilities = DeskAbilities(
      available: Set(DeskAction.allCases), staffUnlocked: true)
  ) {
    self.now = now
    self.timeZone = timeZone
    self.stationName = stationName
    self.branchName = branchName
    self.storeName = storeName
    self.connection = connection
    self.timing = timing
    self.keyMap = keyMap
    self.isKiosk = isKiosk
    self.abilities = abilities
  }

  var today: CalendarDay { CalendarDay(now, in: timeZone) }

  /// A frame of the busy spinner, turning ten times a second.
  var spinner: String {
    let frames = Array("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")
    let tenths = Int((now.timeIntervalSince1970 * 10).rounded(.down))
    return String(frames[((tenths % frames.count) + frames.count) % frames.count])
  }

  /// Names and phones of other members are for staff eyes: a locked kiosk hides the day's list.
  var showsPrivateLists: Bool { !isKiosk || staffUnlocked }
}
