import Foundation

/// `checkin kiosk-unit`: a systemd unit that runs this binary as the kiosk at boot, restarted
/// whatever ends it. By default in `cage` (a kiosk Wayland compositor) with `foot`, which draws
/// Arabic names; `--console` runs it on the Linux console, which can't.
enum KioskUnitCommand {
  struct Options: Equatable {
    var user = "kiosk"
    var binary: String
    var config: String?
    var console = false
    /// The on-checkin timeout the kiosk will run with: systemd must wait out the last hook.
    var hookTimeout: TimeInterval = 5
  }

  static func run(_ context: CommandContext) throws(UsageError) -> ExitCode {
    try context.invocation.noArguments()
    if context.invocation.value("config") != nil {
      throw UsageError(
        message: "--config is the file this command reads; give the kiosk's as --kiosk-config",
        command: "kiosk-unit")
    }
    var options = Options(binary: ownPath())
    options.hookTimeout = context.settings.onCheckInTimeout
    if let user = context.invocation.value("user") {
      guard user.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }), !user.isEmpty
      else {
        throw UsageError(
          message: "--user must be a user name, not “\(user)”", command: "kiosk-unit")
      }
      options.user = user
    }
    // Not --config: that file is read by this command, and the kiosk's may be the kiosk user's
    // own, which whoever writes the unit can't read.
    options.config = context.invocation.value("kiosk-config").map(absolute)
    options.console = context.invocation.has("console")
    context.console.line(render(options))
    return .success
  }

  static func render(_ options: Options) -> String {
    var station = quoted(options.binary) + " --kiosk"
    if let config = options.config { station += " --config " + quoted(config) }
    let description =
      options.console
      ? "CheckIn Station kiosk on the Linux console (draws no Arabic letters)"
      : "CheckIn Station kiosk (cage + foot: draws Arabic names)"
    var lines = [
      "# checkin \(CheckInApp.version): \(description)",
      "# Install: checkin kiosk-unit > /etc/systemd/system/checkin-kiosk.service",
      "#   sudo systemctl disable getty@tty1 && sudo systemctl enable --now checkin-kiosk",
      "[Unit]",
      "Description=\(description)",
      "After=systemd-user-sessions.service network-online.target",
      "Wants=network-online.target",
      "Conflicts=getty@tty1.service",
      "",
      "[Service]",
      "User=\(options.user)",
      "TTYPath=/dev/tty1",
      "TTYReset=yes",
      "TTYVHangup=yes",
    ]
    if options.console {
      lines += [
        "StandardInput=tty",
        "StandardOutput=tty",
        "Environment=TERM=linux LANG=C.UTF-8",
        "ExecStart=\(station)",
      ]
    } else {
      // cage needs a logind session on the seat: PAMName and the tty give it one.
      lines += [
        "PAMName=login",
        "TTYVTDisallocate=yes",
        "StandardInput=tty-fail",
        "StandardOutput=journal",
        "StandardError=journal",
        "UtmpIdentifier=tty1",
        "UtmpMode=user",
        "Environment=LANG=C.UTF-8",
        // cage ends when foot does, and foot when the station does: the service restarts it.
        "ExecStart=/usr/bin/cage -s -- /usr/bin/foot --font=monospace:size=16 \(station)",
      ]
    }
    lines += [
      // The station stops cleanly on SIGTERM and runs the on-checkin commands still queued, for
      // at most HookRunner.drainSeconds and the one then running; systemd waits longer.
      // `mixed`: SIGTERM to the main process only, not to the hook it is running.
      "KillSignal=SIGTERM",
      "KillMode=mixed",
      "TimeoutStopSec=\(HookRunner.drainSeconds + Int(options.hookTimeout.rounded(.up)) + 10)",
      "Restart=always",
      "RestartSec=1",
      "",
      "[Install]",
      "WantedBy=multi-user.target",
    ]
    return lines.joined(separator: "\n")
  }

  /// The running binary's own path, so the unit starts the program that printed it.
  private static func ownPath() -> String {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return path
    }
    return absolute(CommandLine.arguments.first ?? "/usr/local/bin/checkin")
  }

  private static func absolute(_ path: String) -> String {
    path.hasPrefix("/")
      ? path : FileManager.default.currentDirectoryPath + "/" + path
  }

  /// systemd splits ExecStart on spaces, reads `\` escapes and expands `%` specifiers and `$`
  /// variables: a path is escaped and quoted so it means itself.
  static func quoted(_ path: String) -> String {
    let escaped = path.replacingOccurrences(of: "\\", with: "\\\\")
      .replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "%", with: "%%")
      .replacingOccurrences(of: "$", with: "$$")
    return escaped == path && !path.contains(" ") ? path : "\"" + escaped + "\""
  }
}
