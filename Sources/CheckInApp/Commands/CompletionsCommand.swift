import Foundation

/// `checkin completions bash|zsh|fish`: a completion script for the shell, made from the same
/// option table the parser and the help read, so it can't offer what the program doesn't take.
enum CompletionsCommand {
  static func run(_ context: CommandContext) throws(UsageError) -> ExitCode {
    let shell = try context.invocation.single("SHELL")
    switch shell {
    case "bash": context.console.line(bash)
    case "zsh": context.console.line("autoload -U +X bashcompinit && bashcompinit\n" + bash)
    case "fish": context.console.line(fish)
    default:
      throw UsageError(
        message: "no completions for “\(shell)”: bash, zsh or fish", command: "completions")
    }
    return .success
  }

  private static var commands: [CommandSpec] { OptionTable.commands }

  private static func flags(_ options: [OptionSpec]) -> String {
    options.map { "--\($0.name)" }.joined(separator: " ")
  }

  /// Options that take a value: the word after one is never a command.
  private static var valued: String {
    (OptionTable.global + commands.flatMap(\.options)).filter(\.takesValue)
      .map { "--\($0.name)" }.joined(separator: "|")
  }

  /// What `command` takes: its own options and the settings' options it uses.
  private static func taken(by command: CommandSpec) -> [OptionSpec] {
    command.options + OptionTable.globals(of: command)
  }

  static var bash: String {
    let cases = commands.map { command in
      "    \(command.name)) options=\"\(flags(taken(by: command)))\" ;;"
    }.joined(separator: "\n")
    return """
      # checkin \(CheckInApp.version): bash completion (checkin completions bash)
      _checkin() {
        local current="${COMP_WORDS[COMP_CWORD]}" command="" options="" i
        for ((i = 1; i < COMP_CWORD; i++)); do
          case "${COMP_WORDS[i]}" in
            \(valued)) ((i++)) ;;
            -*) ;;
            *) command="${COMP_WORDS[i]}"; break ;;
          esac
        done
        case "$command" in
      \(cases)
          *) options="\(flags(taken(by: OptionTable.station)))" ;;
        esac
        if [[ "$current" == -* ]]; then
          COMPREPLY=($(compgen -W "$options" -- "$current"))
        elif [[ -z "$command" ]]; then
          COMPREPLY=($(compgen -W "\(commands.map(\.name).joined(separator: " "))" -- "$current"))
        fi
      }
      complete -o default -F _checkin checkin
      """
  }

  static var fish: String {
    func quoted(_ text: String) -> String {
      "'" + text.replacingOccurrences(of: "'", with: "\\'") + "'"
    }
    var lines = ["# checkin \(CheckInApp.version): fish completion (checkin completions fish)"]
    for command in commands {
      lines.append(
        "complete -c checkin -f -n __fish_use_subcommand -a \(command.name) -d \(quoted(command.summary))"
      )
    }
    for option in taken(by: OptionTable.station) {
      lines.append(
        "complete -c checkin -n __fish_use_subcommand -l \(option.name)"
          + "\(option.takesValue ? " -r" : "") -d \(quoted(option.help))")
    }
    for command in commands {
      for option in taken(by: command) {
        lines.append(
          "complete -c checkin -n '__fish_seen_subcommand_from \(command.name)' -l \(option.name)"
            + "\(option.takesValue ? " -r" : "") -d \(quoted(option.help))")
      }
    }
    return lines.joined(separator: "\n")
  }
}
