import CheckInCore
import Foundation

/// The station's settings after defaults, the configuration file, the environment and the
/// command line have had their say, in that order.
struct Settings: Sendable {
  // The values here are placeholders: `resolve` starts from `SettingTable`'s defaults.
  var databasePath = ""
  var isDemo = false
  var branchID: Int64 = 1
  /// Whether the branch was given (flag or file), rather than taken from a server login.
  var branchGiven = false
  /// The chain's server, for remote mode; `nil` runs on the local database.
  var api: String?
  var lookupTimeout: TimeInterval = 0
  var checkInTimeout: TimeInterval = 0
  /// How old a cached member card may be and still be used while the server is unreachable.
  var offlineCacheHours: TimeInterval = 0
  var stationName = ""
  /// The country calling code local phone numbers are written without (`none`: no such code).
  var phoneCountryCode = "20"
  var overrideReasons: [String] = []
  var duplicateWindow: TimeInterval = 0
  var allowOtherBranches = false
  var allowIDFallback = false
  var onCheckIn: String?
  var onCheckInTimeout: TimeInterval = 0
  var busyTimeoutMilliseconds: Int32 = 0
  var json = false
  var theme = ""
  var isKiosk = false
  var kioskUnlockCode = ""
  var kioskAction = KioskAction.standard
  var resultSeconds: TimeInterval = 0

  var policy: CheckInPolicy {
    CheckInPolicy(
      branchID: branchID, duplicateWindow: duplicateWindow,
      allowOtherBranches: allowOtherBranches, allowIDFallback: allowIDFallback)
  }

  /// Defaults, then the configuration file, then the environment, then the command line: each
  /// setting of `SettingTable` takes the last of these that has it. An empty value in the file or
  /// the environment leaves the setting as it was.
  static func resolve(_ invocation: Invocation, environment: [String: String])
    throws(UsageError) -> Settings
  {
    let paths = Paths(environment: environment)
    let configPath =
      invocation.value("config") ?? environment["CHECKIN_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
    let config =
      try ConfigFile.load(
        path: configPath ?? paths.defaultConfigFile, required: configPath != nil)
      ?? ConfigFile(path: paths.defaultConfigFile)

    var settings = Settings()
    settings.databasePath = paths.defaultDatabase
    settings.stationName = environment["HOSTNAME"].flatMap { $0.isEmpty ? nil : $0 } ?? hostName()
    for spec in SettingTable.all {
      guard let apply = spec.apply else { continue }
      if case .value(let text) = spec.defaultValue {
        try apply(&settings, text, .init(source: .builtIn, description: "the default"))
      }
      if let key = spec.key, let text = config.value(key), !text.isEmpty {
        let line = config.line(of: key)
        try apply(
          &settings, text,
          .init(
            source: .configFile(path: config.path, line: line),
            description: "\(config.location(of: key)) (\(key))"))
      }
      if let name = spec.environment, let text = environment[name], !text.isEmpty {
        try apply(&settings, text, .init(source: .environment(name), description: "$\(name)"))
      }
      if let option = spec.option {
        let place = SettingSpec.Where(source: .commandLine, description: "--\(option)")
        if spec.isFlag {
          if invocation.has(option) { try apply(&settings, "yes", place) }
        } else if let text = invocation.value(option) {
          try apply(&settings, text, place)
        }
      }
    }
    if settings.isDemo {
      if invocation.value("db") != nil {
        throw UsageError(message: "--demo and --db name two databases; give one")
      }
      if settings.api != nil {
        throw UsageError(message: "--demo runs on the local demo database; leave out --api")
      }
      settings.databasePath = paths.demoDatabase
    }
    return settings
  }

  private static func hostName() -> String {
    let name = ProcessInfo.processInfo.hostName
    return name.isEmpty ? "desk" : name
  }
}

/// Reads option values, with messages that say which option was wrong.
enum Parse {
  /// Override reasons: a comma-separated list of at most `maximumReasons` short reasons, or
  /// `none` for a reason always typed by hand.
  static func reasons(_ text: String, what: String) throws(UsageError) -> [String] {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.lowercased() == "none" { return [] }
    let reasons = trimmed.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    if reasons.contains(where: \.isEmpty) {
      throw UsageError(message: "\(what) has an empty reason between commas: “\(text)”")
    }
    if reasons.count > maximumReasons {
      throw UsageError(
        message: "\(what) lists \(reasons.count) reasons; at most \(maximumReasons) fit the prompt")
    }
    if let long = reasons.first(where: { $0.count > maximumReasonLength }) {
      throw UsageError(
        message: "\(what): “\(long)” is longer than \(maximumReasonLength) characters")
    }
    if Set(reasons.map { $0.lowercased() }).count != reasons.count {
      throw UsageError(message: "\(what) names a reason twice: “\(text)”")
    }
    return reasons
  }

  static let maximumReasons = 8
  static let maximumReasonLength = 40

  /// A country calling code: one to three digits, a leading `+` allowed; `none` for no code.
  static func countryCode(_ text: String, what: String) throws(UsageError) -> String {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.lowercased() == "none" { return "" }
    let digits = trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed
    guard (1...3).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
      !digits.hasPrefix("0")
    else {
      throw UsageError(
        message: "\(what) must be a country calling code such as 20 or +44, or none, not “\(text)”")
    }
    return digits
  }

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
