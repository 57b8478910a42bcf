import Foundation

/// `checkin man`: the manual page in roff, made from the option table the parser, the help and
/// the completions read. `checkin man > /usr/local/share/man/man1/checkin.1`.
enum ManPage {
  static func render(version: String) -> String {
    var lines = [
      ".TH CHECKIN 1 \"\" \"checkin \(version)\" \"User Commands\"",
      ".SH NAME",
      "checkin \\- the check-in station at a gym's entrance",
      ".SH SYNOPSIS",
      ".B checkin",
      "[\\fIOPTIONS\\fR] [\\fICOMMAND\\fR] [\\fIARGUMENTS\\fR]",
      ".SH DESCRIPTION",
      "Without a command, the full-screen station: scan a member's code, see their card, check",
      "them in. With a command, one operation for scripts. See README.md for the whole story.",
      ".SH COMMANDS",
    ]
    for command in OptionTable.commands {
      lines.append(".TP")
      lines.append(
        ".B \(escape("\(command.name) \(command.arguments)".trimmingCharacters(in: .whitespaces)))")
      lines.append(escape(command.summary) + ".")
      for detail in command.details { lines.append(".br\n" + escape(detail)) }
      for option in command.options {
        lines.append(".RS\n.TP\n.B \(escape(option.synopsis))\n\(escape(option.help))\n.RE")
      }
    }
    lines.append(".SH OPTIONS")
    lines.append("Each command takes the options it needs; an option it doesn't take is an error.")
    for option in OptionTable.global {
      lines.append(".TP\n.B \(escape(option.synopsis))\n\(escape(option.help))")
    }
    lines.append(".SH CONFIGURATION")
    lines.append(
      "The file holds \\fIkey\\fR = \\fIvalue\\fR lines and # comments; each key once. "
        + "An empty value leaves the default. The command line overrides the file.")
    for spec in SettingTable.fileSettings {
      guard let key = spec.key else { continue }
      lines.append(".TP\n.B \(escape("\(key) = \(spec.fileValue)"))\n\(escape(spec.fullHelp))")
    }
    lines.append(".SH ENVIRONMENT")
    for spec in SettingTable.all {
      guard let name = spec.environment else { continue }
      var meaning = spec.help
      if let key = spec.key { meaning += "; wins over the file's \(key)" }
      if let option = spec.option { meaning += "; --\(option) wins over it" }
      lines.append(".TP\n.B \(name)\n" + escape(meaning))
    }
    lines += [
      ".SH EXIT STATUS",
      "0 checked in or succeeded; 3 refused; 2 usage error; 1 anything else;",
      "141 the reader of the output went away; 129, 130, 143 scan \\-\\-stdin stopped by",
      "SIGHUP, SIGINT, SIGTERM after answering the code in hand and running its queued hooks.",
      ".SH FILES",
      "$XDG_DATA_HOME/checkin (databases, remote caches), $XDG_CONFIG_HOME/checkin",
      "(checkin.conf, session.json, themes), $XDG_STATE_HOME/checkin/checkin.log.",
    ]
    return lines.joined(separator: "\n")
  }

  /// Text as roff shows it: backslashes doubled, a leading dot or quote kept from being a request.
  static func escape(_ text: String) -> String {
    let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
      of: "-", with: "\\-")
    return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
  }
}
