/// A command line taken apart: the subcommand, its arguments, and the options given.
struct Invocation: Equatable, Sendable {
  var command: String?
  var arguments: [String] = []
  var values: [String: String] = [:]
  var flags: Set<String> = []

  func value(_ name: String) -> String? { values[name] }
  func has(_ name: String) -> Bool { flags.contains(name) }
}

/// A command line that can't be run as written; exit status 2.
struct UsageError: Error, Equatable {
  let message: String
  /// The command whose help would explain it.
  var command: String?
}

enum ArgumentParser {
  /// Parses `arguments` (without the program name). Options may come before or after the
  /// command, as `--name value` or `--name=value`; `--` ends the options.
  static func parse(_ arguments: [String]) throws(UsageError) -> Invocation {
    var invocation = Invocation()
    var index = 0
    var optionsEnded = false
    while index < arguments.count {
      let token = arguments[index]
      index += 1
      if optionsEnded || !token.hasPrefix("-") || token == "-" {
        if invocation.command == nil {
          invocation.command = token
        } else {
          invocation.arguments.append(token)
        }
        continue
      }
      if token == "--" {
        optionsEnded = true
        continue
      }
      if token == "-h" {
        invocation.flags.insert("help")
        continue
      }
      guard token.hasPrefix("--") else {
        throw UsageError(message: "unknown option \(token)", command: invocation.command)
      }
      var name = String(token.dropFirst(2))
      var inlineValue: String?
      if let equals = name.firstIndex(of: "=") {
        inlineValue = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      guard let spec = spec(named: name) else {
        throw UsageError(message: "unknown option --\(name)", command: invocation.command)
      }
      if spec.takesValue {
        if let inlineValue {
          invocation.values[name] = inlineValue
        } else if index < arguments.count {
          invocation.values[name] = arguments[index]
          index += 1
        } else {
          throw UsageError(
            message: "--\(name) needs a value (\(spec.synopsis))", command: invocation.command)
        }
      } else {
        if inlineValue != nil {
          throw UsageError(message: "--\(name) takes no value", command: invocation.command)
        }
        invocation.flags.insert(name)
      }
    }
    try checkTaken(invocation)
    return invocation
  }

  /// Options are known by name before the command word is read, so that `checkin --deduct scan X`
  /// parses like `checkin scan X --deduct`; whether the command takes them is checked after.
  private static func spec(named name: String) -> OptionSpec? {
    if let global = OptionTable.global.first(where: { $0.name == name }) { return global }
    for command in OptionTable.commands {
      if let spec = command.options.first(where: { $0.name == name }) { return spec }
    }
    return nil
  }

  /// An option the command doesn't take is a mistake wherever it was written: ignoring it would
  /// run something other than what was asked (`checkin --dry-run scan X` would check X in).
  private static func checkTaken(_ invocation: Invocation) throws(UsageError) {
    let command: CommandSpec
    if let name = invocation.command {
      // An unknown command is reported as such when it is run.
      guard let known = OptionTable.command(named: name) else { return }
      command = known
    } else {
      command = OptionTable.station
    }
    let taken = Set(command.options.map(\.name) + command.takes + OptionTable.Takes.everywhere)
    let given = invocation.flags.union(invocation.values.keys)
    guard let stray = given.filter({ !taken.contains($0) }).sorted().first else { return }
    let owners = OptionTable.commands.filter { $0.options.contains { $0.name == stray } }
    let hint = owners.first.map { " (it belongs to `\($0.name)`)" } ?? ""
    let subject = invocation.command.map { "`\($0)`" } ?? "the station screen"
    throw UsageError(
      message: "\(subject) doesn't take --\(stray)\(hint)", command: invocation.command)
  }
}
