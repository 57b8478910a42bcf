/// Where a setting's value came from, for messages that point at the right place.
enum SettingSource: Sendable, Equatable {
  case builtIn
  case configFile(path: String, line: Int?)
  case environment(String)
  case commandLine

  /// Whether someone chose the value, rather than the program.
  var isGiven: Bool { self != .builtIn }
}

/// One setting of the station: its configuration key, its command-line option, its default, its
/// help, and how its text becomes part of `Settings`. The parser, the configuration file, the
/// defaults, the help, the completions and the manual page all read `SettingTable`, so none of
/// them can know a setting the others don't.
struct SettingSpec: Sendable {
  typealias Apply = @Sendable (inout Settings, String, Where) throws(UsageError) -> Void

  /// What a message about a bad value names: `--branch`, `checkin.conf line 4 (branch)`.
  struct Where: Sendable {
    let source: SettingSource
    let description: String
  }

  enum Default: Sendable {
    /// Text read by `apply` like any other value; help shows it.
    case value(String)
    /// Worked out at run time (a path, the host's name); help shows the description.
    case described(String)
    case none
  }

  /// Key in the configuration file; `nil` for options that only make sense on a command line.
  let key: String?
  /// `--name` on the command line; `nil` for settings only the configuration file holds.
  let option: String?
  /// The value's placeholder (`PATH`); `nil` for a flag, which the file spells `yes`/`no`.
  let placeholder: String?
  let defaultValue: Default
  let help: String
  /// The environment variable that overrides the file (and is overridden by the command line).
  var environment: String? = nil
  let apply: Apply?

  var isFlag: Bool { placeholder == nil }

  /// The help line with its default, as `--help`, the man page and the completions show it.
  var fullHelp: String {
    switch defaultValue {
    case .value(let text): return "\(help) (default \(text))"
    case .described(let text): return "\(help) (default: \(text))"
    case .none: return help
    }
  }

  /// What the configuration file writes as the value.
  var fileValue: String { placeholder ?? "yes|no" }

  var optionSpec: OptionSpec? {
    option.map { OptionSpec(name: $0, value: placeholder, help: fullHelp) }
  }
}
