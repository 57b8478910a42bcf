import CheckInCore
import Foundation

/// Every setting the station has, in the order help lists them. See `SettingSpec`.
enum SettingTable {
  static let all: [SettingSpec] = storage + desk + rules + hooks + screen + server + output

  static let storage: [SettingSpec] = [
    SettingSpec(
      key: "db", option: "db", placeholder: "PATH",
      defaultValue: .described("$XDG_DATA_HOME/checkin/station.sqlite3"),
      help: "the station's database", environment: "CHECKIN_DB",
      apply: { settings, text, _ in settings.databasePath = text }),
    SettingSpec(
      key: nil, option: "demo", placeholder: nil, defaultValue: .none,
      help: "use the built-in demo database, creating it on first use",
      apply: { settings, text, place throws(UsageError) in
        settings.isDemo = try Parse.yesNo(text, what: place.description)
      }),
    SettingSpec(
      key: nil, option: "config", placeholder: "PATH",
      defaultValue: .described("$XDG_CONFIG_HOME/checkin/checkin.conf"),
      help: "configuration file", environment: "CHECKIN_CONFIG",
      // Read before everything else, by `Settings.resolve`.
      apply: nil),
    SettingSpec(
      key: "busy_timeout_ms", option: nil, placeholder: "MILLISECONDS",
      defaultValue: .value("5000"),
      help: "how long to wait for another station's write",
      apply: { settings, text, place throws(UsageError) in
        let value = try Parse.positiveID(text, what: place.description)
        settings.busyTimeoutMilliseconds = Int32(clamping: value)
      }),
  ]

  static let desk: [SettingSpec] = [
    SettingSpec(
      key: "branch", option: "branch", placeholder: "ID", defaultValue: .value("1"),
      help: "this station's branch (remotely: the login's branch)",
      apply: { settings, text, place throws(UsageError) in
        settings.branchID = try Parse.positiveID(text, what: place.description)
        settings.branchGiven = place.source.isGiven
      }),
    SettingSpec(
      key: "station", option: "station", placeholder: "NAME",
      defaultValue: .described("the host's name"),
      help: "this station's name, recorded with each visit",
      apply: { settings, text, _ in settings.stationName = text }),
    SettingSpec(
      key: "phone_country_code", option: nil, placeholder: "CODE", defaultValue: .value("20"),
      help: "the country code local phone numbers omit (0101… = +20 101…), or none",
      apply: { settings, text, place throws(UsageError) in
        settings.phoneCountryCode = try Parse.countryCode(text, what: place.description)
      }),
  ]

  static let rules: [SettingSpec] = [
    SettingSpec(
      key: "override_reasons", option: nil, placeholder: "REASON, REASON…",
      defaultValue: .value(OverrideReasons.standard.joined(separator: ", ")),
      help: "the reasons a staff override offers to pick (another may be typed), or none",
      apply: { settings, text, place throws(UsageError) in
        settings.overrideReasons = try Parse.reasons(text, what: place.description)
      }),
    SettingSpec(
      key: "duplicate_window", option: "duplicate-window", placeholder: "SECONDS",
      defaultValue: .value("120"),
      help: "refuse a second check-in of a member within this time; 0 = off",
      apply: { settings, text, place throws(UsageError) in
        settings.duplicateWindow = try Parse.seconds(text, what: place.description)
      }),
    SettingSpec(
      key: "allow_other_branches", option: "allow-other-branches", placeholder: nil,
      defaultValue: .value("no"), help: "let members of other branches check in",
      apply: { settings, text, place throws(UsageError) in
        settings.allowOtherBranches = try Parse.yesNo(text, what: place.description)
      }),
    SettingSpec(
      key: "id_fallback", option: nil, placeholder: nil, defaultValue: .value("yes"),
      help: "accept plain member numbers (GYM-115, 115) as codes",
      apply: { settings, text, place throws(UsageError) in
        settings.allowIDFallback = try Parse.yesNo(text, what: place.description)
      }),
  ]

  static let hooks: [SettingSpec] = [
    SettingSpec(
      key: "on_checkin", option: "on-checkin", placeholder: "COMMAND", defaultValue: .none,
      help: "run COMMAND after each check-in with the receipt as JSON on its input",
      apply: { settings, text, _ in settings.onCheckIn = text }),
    SettingSpec(
      key: "on_checkin_timeout", option: "on-checkin-timeout", placeholder: "SECONDS",
      defaultValue: .value("5"),
      help: "stop the on-checkin command after this long, writing the receipt included",
      apply: { settings, text, place throws(UsageError) in
        settings.onCheckInTimeout = try Parse.hookTimeout(text, what: place.description)
      }),
  ]

  static let screen: [SettingSpec] = [
    SettingSpec(
      key: "theme", option: "theme", placeholder: "NAME|PATH", defaultValue: .value("default"),
      help: "the station's colours: default, high-contrast, light, mono, or a theme file",
      apply: { settings, text, _ in settings.theme = text }),
    SettingSpec(
      key: "kiosk", option: "kiosk", placeholder: nil, defaultValue: .value("no"),
      help: "unattended kiosk: scans check in by themselves; staff keys need kiosk_unlock_code",
      apply: { settings, text, place throws(UsageError) in
        settings.isKiosk = try Parse.yesNo(text, what: place.description)
      }),
    SettingSpec(
      key: "kiosk_unlock_code", option: nil, placeholder: "CODE", defaultValue: .none,
      help: "the code that unlocks staff keys at a kiosk",
      apply: { settings, text, _ in settings.kioskUnlockCode = text }),
    SettingSpec(
      key: "kiosk_action", option: "kiosk-action", placeholder: "ACTION",
      defaultValue: .value("default"),
      help: "what a kiosk records: default, check-in-only, or ask SECONDS (then the default)",
      apply: { settings, text, place throws(UsageError) in
        settings.kioskAction = try Parse.kioskAction(text, what: place.description)
      }),
    SettingSpec(
      key: "result_seconds", option: nil, placeholder: "SECONDS", defaultValue: .value("4"),
      help: "how long the result banner stays",
      apply: { settings, text, place throws(UsageError) in
        settings.resultSeconds = try Parse.seconds(text, what: place.description)
      }),
  ]

  static let server: [SettingSpec] = [
    SettingSpec(
      key: "api", option: "api", placeholder: "URL", defaultValue: .none,
      help: "run on the chain's server instead of a local database (see `checkin login`)",
      environment: "CHECKIN_API",
      apply: { settings, text, _ in settings.api = text }),
    SettingSpec(
      key: "api_lookup_timeout", option: nil, placeholder: "SECONDS", defaultValue: .value("5"),
      help: "seconds before a member lookup on the server is given up (at least 0.5)",
      apply: { settings, text, place throws(UsageError) in
        settings.lookupTimeout = max(0.5, try Parse.seconds(text, what: place.description))
      }),
    SettingSpec(
      key: "api_checkin_timeout", option: nil, placeholder: "SECONDS", defaultValue: .value("10"),
      help: "seconds before a check-in's answer counts as lost (at least 0.5)",
      apply: { settings, text, place throws(UsageError) in
        settings.checkInTimeout = max(0.5, try Parse.seconds(text, what: place.description))
      }),
    SettingSpec(
      key: "offline_cache_hours", option: nil, placeholder: "HOURS", defaultValue: .value("168"),
      help: "how old a cached member card may be when the server is down",
      apply: { settings, text, place throws(UsageError) in
        settings.offlineCacheHours = try Parse.seconds(text, what: place.description)
      }),
  ]

  static let output: [SettingSpec] = [
    SettingSpec(
      key: nil, option: "json", placeholder: nil, defaultValue: .none,
      help: "print JSON instead of text",
      apply: { settings, text, place throws(UsageError) in
        settings.json = try Parse.yesNo(text, what: place.description)
      }),
    SettingSpec(
      key: nil, option: "help", placeholder: nil, defaultValue: .none, help: "show help",
      apply: nil),
    SettingSpec(
      key: nil, option: "version", placeholder: nil, defaultValue: .none,
      help: "show the version", apply: nil),
  ]

  /// The keys of the configuration file.
  static var fileSettings: [SettingSpec] { all.filter { $0.key != nil } }

  static func option(_ name: String) -> SettingSpec? { all.first { $0.option == name } }

  /// Which of these options each command takes, besides its own. `--config`, `--help` and
  /// `--version` go with every command.
  enum Takes {
    static let everywhere = ["config", "help", "version"]
    static let store = ["db", "demo", "api", "branch"]
    static let station = store + ["station", "duplicate-window", "allow-other-branches"]
    static let hooks = ["on-checkin", "on-checkin-timeout"]
    static let screen = ["theme", "kiosk", "kiosk-action"]
  }
}
