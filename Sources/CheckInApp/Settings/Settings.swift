import CheckInCore
import Foundation

/// The station's settings after defaults, the configuration file, the environment and the
/// command line have had their say, in that order.
struct Settings: Sendable {
  var databasePath: String
  var isDemo = false
  var branchID: Int64 = 1
  /// Whether the branch was given (flag or file), rather than taken from a server login.
  var branchGiven = false
  /// The chain's server, for remote mode; `nil` runs on the local database.
  var api: String?
  var lookupTimeout: TimeInterval = 5
  var checkInTimeout: TimeInterval = 10
  /// How old a cached member card may be and still be used while the server is unreachable.
  var offlineCacheHours: TimeInterval = 168
  var stationName: String
  var duplicateWindow: TimeInterval = 120
  var allowOtherBranches = false
  var allowIDFallback = true
  var onCheckIn: String?
  var onCheckInTimeout: TimeInterval = 5
  var busyTimeoutMilliseconds: Int32 = 5000
  var json = false
  var theme = "default"
  var isKiosk = false
  var kioskUnlockCode = ""
  var kioskAction = KioskAction.standard
  var resultSeconds: TimeInterval = 4

  var policy: CheckInPolicy {
    CheckInPolicy(
      branchID: branchID, duplicateWindow: duplicateWindow,
      allowOtherBranches: allowOtherBranches, allowIDFallback: allowIDFallback)
  }

  static func resolve(_ invocation: Invocation, environment: [String: String])
    throws(UsageError) -> Settings
  {
    let paths = Paths(environment: environment)
    let configPath = invocation.value("config") ?? environment["CHECKIN_CONFIG"]
    let config =
      try ConfigFile.load(
        path: configPath ?? paths.defaultConfigFile, required: configPath != nil)
      ?? ConfigFile(path: paths.defaultConfigFile)

    var settings = Settings(
      databasePath: paths.defaultDatabase,
      stationName: environment["HOSTNAME"].flatMap { $0.isEmpty ? nil : $0 } ?? hostName())
    try settings.apply(config)

    if let path = environment["CHECKIN_DB"], !path.isEmpty { settings.databasePath = path }
    if let path = invocation.value("db") { settings.databasePath = path }
    if invocation.has("demo") {
      if invocation.value("db") != nil {
        throw UsageError(message: "--demo and --db name two databases; give one")
      }
      settings.databasePath = paths.demoDatabase
      settings.isDemo = true
    }
    if let text = invocation.value("branch") {
      settings.branchID = try Parse.positiveID(text, what: "--branch")
      settings.branchGiven = true
    }
    if let api = environment["CHECKIN_API"], !api.isEmpty { settings.api = api }
    if let api = invocation.value("api") { settings.api = api }
    if settings.api != nil && settings.isDemo {
      throw UsageError(message: "--demo runs on the local demo database; leave out --api")
    }
    if let name = invocation.value("station") { settings.stationName = name }
    if let text = invocation.value("duplicate-window") {
      settings.duplicateWindow = try Parse.seconds(text, what: "--duplicate-window")
    }
    if invocation.has("allow-other-branches") { settings.allowOtherBranches = true }
    if let command = invocation.value("on-checkin") { settings.onCheckIn = command }
    if let text = invocation.value("on-checkin-timeout") {
      settings.onCheckInTimeout = try Parse.hookTimeout(text, what: "--on-checkin-timeout")
    }
    settings.json = invocation.has("json")
    if let theme = invocation.value("theme") { settings.theme = theme }
    if invocation.has("kiosk") { settings.isKiosk = true }
    if let text = invocation.value("kiosk-action") {
      settings.kioskAction = try Parse.kioskAction(text, what: "--kiosk-action")
    }
    return settings
  }

  private mutating func apply(_ config: ConfigFile) throws(UsageError) {
    func place(_ key: String) -> String { "\(config.location(of: key)) (\(key))" }
    if let path = config.value("db"), !path.isEmpty { databasePath = path }
    if let text = config.value("branch") {
      branchID = try Parse.positiveID(text, what: place("branch"))
      branchGiven = true
    }
    if let api = config.value("api"), !api.isEmpty { self.api = api }
    if let text = config.value("api_lookup_timeout") {
      lookupTimeout = max(0.5, try Parse.seconds(text, what: place("api_lookup_timeout")))
    }
    if let text = config.value("api_checkin_timeout") {
      checkInTimeout = max(0.5, try Parse.seconds(text, what: place("api_checkin_timeout")))
    }
    if let text = config.value("offline_cache_hours") {
      offlineCacheHours = try Parse.seconds(text, what: place("offline_cache_hours"))
    }
    if let name = config.value("station"), !name.isEmpty { stationName = name }
    if let text = config.value("duplicate_window") {
      duplicateWindow = try Parse.seconds(text, what: place("duplicate_window"))
    }
    if let text = config.value("allow_other_branches") {
      allowOtherBranches = try Parse.yesNo(text, what: place("allow_other_branches"))
    }
    if let text = config.value("id_fallback") {
      allowIDFallback = try Parse.yesNo(text, what: place("id_fallback"))
    }
    if let command = config.value("on_checkin"), !command.isEmpty { onCheckIn = command }
    if let text = config.value("on_checkin_timeout") {
      onCheckInTimeout = try Parse.hookTimeout(text, what: place("on_checkin_timeout"))
    }
    if let theme = config.value("theme"), !theme.isEmpty { self.theme = theme }
    if let text = config.value("kiosk") { isKiosk = try Parse.yesNo(text, what: place("kiosk")) }
    if let code = config.value("kiosk_unlock_code") { kioskUnlockCode = code }
    if let text = config.value("kiosk_action") {
      kioskAction = try Parse.kioskAction(text, what: place("kiosk_action"))
    }
    if let text = config.value("result_seconds") {
      resultSeconds = try Parse.seconds(text, what: place("result_seconds"))
    }
    if let text = config.value("busy_timeout_ms") {
      let value = try Parse.positiveID(text, what: place("busy_timeout_ms"))
      busyTimeoutMilliseconds = Int32(clamping: value)
    }
  }

  private static func hostName() -> String {
    let name = ProcessInfo.processInfo.hostName
    return name.isEmpty ? "desk" : name
  }
}

/// Reads option values, with messages that say which option was wrong.
enum Parse {
  static func positiveID(_ text: String, what: String) throws(UsageError) -> Int64 {
    guard let value = Int64(text.trimmingCharacters(in: .whitespaces)), value > 0 else {
      throw UsageError(message: "\(what) must be a positive whole number, not “\(text)”")
    }
    return value
  }

  static func seconds(_ text: String, what: String) throws(UsageError) -> TimeInterval {
    guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value >= 0,
      value.isFinite, value <= 86_400 * 365
    else {
      throw UsageError(message: "\(what) must be a number of seconds, not “\(text)”")
    }
    return value
  }

  /// A hook's time limit: more than nothing, or every hook would be stopped at once.
  static func hookTimeout(_ text: String, what: String) throws(UsageError) -> TimeInterval {
    let value = try seconds(text, what: what)
    guard value > 0 else {
      throw UsageError(message: "\(what) must be more than 0 seconds: a hook needs time to run")
    }
    return value
  }

  /// `default`, `check-in-only`, `ask` (5 s) or `ask SECONDS`.
  static func kioskAction(_ text: String, what: String) throws(UsageError) -> KioskAction {
    let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == ":" })
    switch (words.first.map(String.init), words.count) {
    case ("default", 1): return .standard
    case ("check-in-only", 1), ("checkin-only", 1): return .checkInOnly
    case ("ask", 1): return .ask(countdown: 5)
    case ("ask", 2):
      let countdown = try seconds(String(words[1]), what: what)
      guard countdown >= 1 && countdown <= 60 else {
        throw UsageError(message: "\(what): ask between 1 and 60 seconds, not “\(words[1])”")
      }
      return .ask(countdown: countdown)
    default:
      throw UsageError(
        message: "\(what) must be default, check-in-only or ask [SECONDS], not “\(text)”")
    }
  }

  static func yesNo(_ text: String, what: String) throws(UsageError) -> Bool {
    switch text.trimmingCharacters(in: .whitespaces).lowercased() {
    case "yes", "true", "on", "1": return true
    case "no", "false", "off", "0": return false
    default: throw UsageError(message: "\(what) must be yes or no, not “\(text)”")
    }
  }
}
