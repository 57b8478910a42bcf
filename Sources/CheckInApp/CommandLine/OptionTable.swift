/// One command-line option: its name, whether it takes a value, and its help line. The parser and
/// the help text both read this table, so they can't disagree.
struct OptionSpec: Sendable {
  let name: String
  /// The value's placeholder (`PATH`), or `nil` for a flag.
  let value: String?
  let help: String

  var takesValue: Bool { value != nil }

  /// `--db PATH`
  var synopsis: String { value.map { "--\(name) \($0)" } ?? "--\(name)" }
}

/// A subcommand: what it takes and what it does.
struct CommandSpec: Sendable {
  let name: String
  let arguments: String
  let summary: String
  /// Options only this command accepts.
  let options: [OptionSpec]
  /// The settings' options (`OptionTable.global`) this command takes besides `Takes.everywhere`.
  let takes: [String]
  /// Lines printed under the synopsis by `checkin help NAME`.
  let details: [String]
}

enum OptionTable {
  typealias Takes = SettingTable.Takes

  /// The settings' options, from `SettingTable`.
  static let global: [OptionSpec] = SettingTable.all.compactMap(\.optionSpec)

  /// The station screen, run with no command.
  static let station = CommandSpec(
    name: "", arguments: "", summary: "the full-screen station", options: [],
    takes: Takes.station + Takes.hooks + Takes.screen, details: [])

  static let commands: [CommandSpec] = [
    CommandSpec(
      name: "scan", arguments: "CODE", summary: "check a member in from a scanned code",
      options: [
        OptionSpec(name: "deduct", value: nil, help: "deduct a session or coin"),
        OptionSpec(name: "check-in-only", value: nil, help: "record the visit, deduct nothing"),
        OptionSpec(name: "plan", value: "ID", help: "use this subscription"),
        OptionSpec(
          name: "stdin", value: nil,
          help:
            "scan every code of standard input in turn, one answer each (CR, LF, Tab end a code)"),
      ],
      takes: Takes.station + Takes.hooks + ["json"],
      details: [
        "Without --deduct or --check-in-only the station takes the rules' default:",
        "deduct on session and coin plans, check-in only on time plans.",
        "Exit status: 0 checked in, 3 refused, 2 usage error, 1 anything else;",
        "with --stdin, 143/130/129 when SIGTERM/SIGINT/SIGHUP stopped it (queued hooks still ran).",
      ]),
    CommandSpec(
      name: "show", arguments: "CODE", summary: "show a member's card without checking in",
      options: [], takes: Takes.station + ["json"], details: []),
    CommandSpec(
      name: "search", arguments: "TEXT", summary: "find members by name, phone or code",
      options: [OptionSpec(name: "limit", value: "N", help: "at most N results (default 20)")],
      takes: Takes.store + ["json"],
      details: ["Names match any word by its start; phones by their start or end."]),
    CommandSpec(
      name: "today", arguments: "", summary: "list today's check-ins at this branch",
      options: [OptionSpec(name: "date", value: "YYYY-MM-DD", help: "another day")],
      takes: Takes.store + ["json"],
      details: []),
    CommandSpec(
      name: "void", arguments: "ATTENDANCE_ID",
      summary: "void a check-in and give back what it deducted", options: [],
      takes: Takes.store + ["json"], details: []),
    CommandSpec(
      name: "import", arguments: "FILE.csv",
      summary: "add or update members and plans from a spreadsheet",
      options: [
        OptionSpec(name: "dry-run", value: nil, help: "check the file, write nothing")
      ],
      takes: ["db", "demo"],
      details: [
        "Header: member_id,full_name,phone,qr_code,branch_id,is_active,subscription_id,kind,",
        "status,total,remaining,start_date,end_date (optional: date_of_birth,notes,branch_name).",
        "Any bad row is reported by line and nothing is imported.",
      ]),
    CommandSpec(
      name: "demo", arguments: "", summary: "create the demo database and list codes to try",
      options: [OptionSpec(name: "force", value: nil, help: "replace an existing demo database")],
      takes: ["db", "demo"],
      details: []),
    CommandSpec(
      name: "login", arguments: "", summary: "log the station in to the chain's server",
      options: [
        OptionSpec(name: "user", value: "NAME", help: "the receptionist's user name"),
        OptionSpec(
          name: "password-stdin", value: nil, help: "read the password from standard input"),
      ],
      takes: ["api", "json"],
      details: [
        "Asks for the password without showing it. The login (a token, never the password) is",
        "kept in $XDG_CONFIG_HOME/checkin/session.json, readable by you only.",
      ]),
    CommandSpec(
      name: "logout", arguments: "", summary: "forget the server login", options: [],
      takes: ["api"],
      details: []),
    CommandSpec(
      name: "outbox", arguments: "",
      summary: "list, send, retry or discard check-ins taken while the server was unreachable",
      options: [
        OptionSpec(name: "sync", value: nil, help: "send the queued check-ins now"),
        OptionSpec(
          name: "retry", value: "ID",
          help: "send entry ID again (after checking the server doesn't have it)"),
        OptionSpec(name: "discard", value: "ID", help: "discard entry ID"),
        OptionSpec(name: "all", value: nil, help: "also list sent and discarded entries"),
      ],
      takes: ["api", "branch", "json"],
      details: [
        "States: queued (waits to be sent), review (the answer was lost: it may be recorded —",
        "check the server before retrying), refused (the server said no), sent, discarded.",
      ]),
    CommandSpec(
      name: "bench", arguments: "",
      summary: "measure scans, lookups, search, frames and start-up on a generated chain",
      options: [
        OptionSpec(name: "members", value: "N", help: "members to generate (default 100000)"),
        OptionSpec(name: "visits", value: "N", help: "past visits per member (default 20)"),
        OptionSpec(
          name: "processes", value: "K", help: "stations checking in at once (default 4)"),
        OptionSpec(
          name: "repetitions", value: "N", help: "times each operation is measured (default 2000)"),
        OptionSpec(name: "seed", value: "N", help: "another generated gym (default 2026)"),
        OptionSpec(name: "keep", value: nil, help: "keep the generated database (with no --db)"),
        OptionSpec(name: "worker", value: "KIND", help: "internal: one measuring process"),
        OptionSpec(name: "worker-index", value: "N", help: "internal: which of the processes"),
      ],
      takes: ["db", "api", "branch", "json"],
      details: [
        "With --db PATH the gym is generated there once and reused by later runs of the same size.",
        "Build with `swift build -c release` for figures worth comparing.",
        "Scan → receipt is also given as a ratio to the disk's own 4 KB append + fsync, timed",
        "between the scans, and measured once more straight after re-importing up to 50,000",
        "of the members.",
        "With --api URL it measures the station against that server instead, beside the",
        "server's own single-request times (default 50 rounds). It checks members in there, so",
        "it runs only against the stand-in test server (Tests/Fixtures/gym_server.py).",
      ]),
    CommandSpec(
      name: "completions", arguments: "SHELL",
      summary: "print a completion script for bash, zsh or fish", options: [],
      takes: [],
      details: [
        "bash: checkin completions bash > /etc/bash_completion.d/checkin",
        "zsh: checkin completions zsh > \"${fpath[1]}/_checkin\"",
        "fish: checkin completions fish > ~/.config/fish/completions/checkin.fish",
      ]),
    CommandSpec(
      name: "kiosk-unit", arguments: "",
      summary: "print a systemd unit that runs this binary as the kiosk at boot",
      options: [
        OptionSpec(name: "user", value: "NAME", help: "the user the kiosk runs as"),
        OptionSpec(
          name: "kiosk-config", value: "PATH", help: "the configuration file the kiosk reads"),
        OptionSpec(
          name: "console", value: nil,
          help: "run on the Linux console instead of cage + foot (no Arabic letters)"),
      ],
      takes: [],
      details: [
        "checkin kiosk-unit > /etc/systemd/system/checkin-kiosk.service",
        "Without --kiosk-config the kiosk reads its user's own configuration file.",
      ]),
    CommandSpec(
      name: "man", arguments: "", summary: "print the manual page (roff)", options: [],
      takes: [],
      details: ["checkin man > /usr/local/share/man/man1/checkin.1"]),
    CommandSpec(
      name: "help", arguments: "[COMMAND]", summary: "show help for a command", options: [],
      takes: [],
      details: []),
  ]

  static func command(named name: String) -> CommandSpec? {
    commands.first { $0.name == name }
  }

  /// The settings' options `command` takes, in the table's order.
  static func globals(of command: CommandSpec) -> [OptionSpec] {
    let taken = Set(command.takes + Takes.everywhere)
    return global.filter { taken.contains($0.name) }
  }
}
