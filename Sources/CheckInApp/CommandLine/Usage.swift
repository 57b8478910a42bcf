import Foundation

/// The help texts, drawn from `OptionTable`.
enum Usage {
  static func overview(version: String) -> String {
    var lines = [
      "checkin \(version) — the check-in station at a gym's entrance",
      "",
      "Usage: checkin [OPTIONS] COMMAND [ARGUMENTS]",
      "",
      "Commands:",
    ]
    let width = OptionTable.commands.map { $0.name.count + $0.arguments.count + 1 }.max() ?? 0
    for command in OptionTable.commands {
      let left = "\(command.name) \(command.arguments)"
      lines.append("  \(pad(left, to: width))  \(command.summary)")
    }
    lines.append("")
    lines.append("Options (each command takes those it uses: `checkin help COMMAND`):")
    lines += optionLines(OptionTable.global)
    lines.append("")
    lines.append("Try `checkin help COMMAND` for the options a command takes.")
    lines.append("Settings in the configuration file: `checkin man`, CONFIGURATION.")
    return lines.joined(separator: "\n")
  }

  static func command(_ spec: CommandSpec) -> String {
    var lines = [
      "Usage: checkin \(spec.name) \(spec.arguments) [OPTIONS]".replacingOccurrences(
        of: "  ", with: " "),
      "",
      spec.summary.prefix(1).uppercased() + spec.summary.dropFirst() + ".",
    ]
    if !spec.details.isEmpty {
      lines.append("")
      lines += spec.details
    }
    let options = spec.options + OptionTable.globals(of: spec)
    lines.append("")
    lines.append("Options:")
    lines += optionLines(options)
    return lines.joined(separator: "\n")
  }

  private static func optionLines(_ options: [OptionSpec]) -> [String] {
    let width = options.map(\.synopsis.count).max() ?? 0
    return options.map { "  \(pad($0.synopsis, to: width))  \($0.help)" }
  }

  private static func pad(_ text: String, to width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }
}
