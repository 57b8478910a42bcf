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
      guard let spec = spec(named: name, command: invocation.command) else {
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
    return invocation
  }

  /// Command options are known by name even before the command word, so `checkin --deduct scan X`
  /// works like `checkin scan X --deduct`.
  private static func spec(named name: String, command: String?) -> OptionSpec? {
    if let global = OptionTable.global.first(where: { $0.name == name }) { return global }
    let candidates =
      command.flatMap(OptionTable.command(named:)).map { [$0] } ?? OptionTable.commands
    for command in candidates {
      if let spec = command.options.first(where: { $0.name == name }) { return spec }
    }
    return nil
  }
}
