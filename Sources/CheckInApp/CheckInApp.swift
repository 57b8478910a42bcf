import CheckInCore
import Foundation

/// The `checkin` program: reads the command line and runs a command.
public enum CheckInApp {
  public static let version = "0.1.0"

  /// Runs the program and returns its exit status.
  public static func run(
    arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
    console: Console = .standard, clock: @escaping @Sendable () -> Date = { Date() },
    timeZone: TimeZone = .current
  ) async -> Int32 {
    let invocation: Invocation
    let settings: Settings
    do {
      invocation = try ArgumentParser.parse(arguments)
      if invocation.has("version") {
        console.line("checkin \(version)")
        return ExitCode.success.rawValue
      }
      if invocation.has("help") || invocation.command == "help" {
        return help(invocation, console: console).rawValue
      }
      settings = try Settings.resolve(invocation, environment: environment)
    } catch {
      return usage(error, console: console).rawValue
    }
    let context = CommandContext(
      invocation: invocation, settings: settings, console: console, environment: environment,
      clock: clock, timeZone: timeZone)
    do {
      return try await dispatch(context).rawValue
    } catch {
      return usage(error, console: console).rawValue
    }
  }

  private static func dispatch(_ context: CommandContext) async throws(UsageError) -> ExitCode {
    switch context.invocation.command {
    case "scan": return try await ScanCommand.run(context)
    case "show": return try await ShowCommand.run(context)
    case "search": return try await SearchCommand.run(context)
    case "today": return try await TodayCommand.run(context)
    case "void": return try await VoidCommand.run(context)
    case "import": return try ImportCommand.run(context)
    case "demo": return try DemoCommand.run(context)
    case "login": return try await LoginCommand.run(context)
    case "logout": return try LogoutCommand.run(context)
    case "outbox": return try await OutboxCommand.run(context)
    case "bench": return try await BenchCommand.run(context)
    case "completions": return try CompletionsCommand.run(context)
    case "kiosk-unit": return try KioskUnitCommand.run(context)
    case "man":
      try context.invocation.noArguments()
      context.console.line(ManPage.render(version: version))
      return .success
    case nil:
      return try await StationCommand.run(context)
    case let other?:
      throw UsageError(message: "unknown command “\(other)”")
    }
  }

  private static func help(_ invocation: Invocation, console: Console) -> ExitCode {
    let topic = invocation.command == "help" ? invocation.arguments.first : invocation.command
    if let topic {
      guard let spec = OptionTable.command(named: topic) else {
        console.warn("no command named “\(topic)”")
        return .usage
      }
      console.line(Usage.command(spec))
    } else {
      console.line(Usage.overview(version: version))
    }
    return .success
  }

  private static func usage(_ error: UsageError, console: Console) -> ExitCode {
    console.warn(error.message)
    let hint = error.command.map { "checkin help \($0)" } ?? "checkin --help"
    console.err("Try `\(hint)`.\n")
    return .usage
  }
}

extension Invocation {
  /// The one argument a command takes, or a usage error naming it.
  func single(_ name: String) throws(UsageError) -> String {
    guard arguments.count == 1, let value = arguments.first else {
      let problem = arguments.isEmpty ? "needs" : "takes exactly one"
      throw UsageError(message: "`\(command ?? "")` \(problem) \(name)", command: command)
    }
    return value
  }

  func noArguments() throws(UsageError) {
    if let extra = arguments.first {
      throw UsageError(message: "unexpected argument “\(extra)”", command: command)
    }
  }
}
