import CheckInSQLite
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a tmux pane shows: the lines `tmux capture-pane -p` prints, one per terminal row.
struct PaneText: CustomStringConvertible, Sendable {
  let lines: [String]

  init(_ text: String) {
    var lines = text.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    self.lines = lines
  }

  func contains(_ fragment: String) -> Bool { lines.contains { $0.contains(fragment) } }

  /// The first row holding every one of `fragments`.
  func line(containing fragments: String...) -> String? {
    lines.first { line in fragments.allSatisfy { line.contains($0) } }
  }

  /// The last row with anything on it (the station's status line).
  var lastNonEmptyLine: (index: Int, text: String)? {
    guard let index = lines.lastIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
    else { return nil }
    return (index, lines[index])
  }

  /// Whether the screen shows `word` drawn in block letters: its rows one under the other, all
  /// starting in the same column, with nothing else inside the word's rectangle.
  func shows(_ word: BigWord) -> Bool {
    let rows = word.rows.map { Array($0) }
    let width = rows.map(\.count).max() ?? 0
    let grid = lines.map { Array($0) }
    guard let first = rows.first, grid.count >= rows.count else { return false }
    for top in 0...(grid.count - rows.count) {
      let line = grid[top]
      guard line.count >= first.count else { continue }
      for column in 0...(line.count - first.count) {
        let matches = rows.indices.allSatisfy { offset in
          let cells = grid[top + offset]
          return (0..<width).allSatisfy { index in
            let wanted = index < rows[offset].count ? rows[offset][index] : " "
            let seen = column + index < cells.count ? cells[column + index] : " "
            return wanted == seen
          }
        }
        if matches { return true }
      }
    }
    return false
  }

  var description: String {
    let border = String(repeating: "─", count: max(10, lines.map(\.count).max() ?? 0))
    return "\n┌\(border)\n" + lines.map { "│" + $0 }.joined(separator: "\n") + "\n└\(border)"
  }
}

/// A capture with its colour and attribute escapes (`capture-pane -e`).
struct StyledPane: Sendable {
  let text: String

  /// Whether any colour (foreground or background, 8, 16, 256 or true colour) was set: bold,
  /// dim, reverse, underline and the terminal's default colours (39, 49) don't count.
  var usesColour: Bool {
    var rest = Substring(text)
    while let start = rest.range(of: "\u{1B}[") {
      rest = rest[start.upperBound...]
      let parameterCharacters = Set("0123456789;:")
      guard let end = rest.firstIndex(where: { !parameterCharacters.contains($0) }) else { break }
      if rest[end] == "m" {
        let parameters = rest[..<end].split(whereSeparator: { $0 == ";" || $0 == ":" })
        for parameter in parameters {
          switch Int(parameter) {
          case .some(30...38), .some(40...48), .some(90...97), .some(100...107): return true
          default: continue
          }
        }
      }
      rest = rest[end...]
    }
    return false
  }
}

/// A word of the result banner as block letters show it on screen, row by row.
struct BigWord: CustomStringConvertible, Sendable {
  let name: String
  let rows: [String]

  var description: String { name }

  static let welcome = BigWord(
    name: "WELCOME",
    rows: [
      "█   █ █████ █      ████  ███  █   █ █████",
      "█   █ █     █     █     █   █ ██ ██ █",
      "█ █ █ ████  █     █     █   █ █ █ █ ████",
      "██ ██ █     █     █     █   █ █   █ █",
      "█   █ █████ █████  ████  ███  █   █ █████",
    ])

  static let refused = BigWord(
    name: "REFUSED",
    rows: [
      "████  █████ █████ █   █  ████ █████ ████",
      "█   █ █     █     █   █ █     █     █   █",
      "████  ████  ████  █   █  ███  ████  █   █",
      "█  █  █     █     █   █     █ █     █   █",
      "█   █ █████ █      ███  ████  █████ ████",
    ])
}

/// A program run to the end with its output collected: one tmux client command.
private struct ProgramRun {
  var status: Int32
  var output: String
  var errors: String

  /// Runs `executable` and waits for it; one that hangs for 30 s is killed.
  init(_ executable: URL, _ arguments: [String], environment: [String: String]) throws {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let pid = process.processIdentifier
    let watchdog = DispatchWorkItem { _ = signalProcess(pid, SIGKILL) }
    DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: watchdog)
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    watchdog.cancel()
    status = process.terminationStatus
    self.output = String(decoding: outputData, as: UTF8.self)
    self.errors = String(decoding: errorData, as: UTF8.self)
  }
}

private func signalProcess(_ pid: pid_t, _ signal: Int32) -> Int32 {
  kill(pid, signal)
}

/// The tmux program, found on `PATH`.
enum Tmux {
  static func executable() throws -> URL {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
    for folder in folders {
      let candidate = URL(fileURLWithPath: folder).appending(path: "tmux")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    throw HarnessError(
      "tmux is not installed (looked on PATH and in /usr/bin, /usr/local/bin): the terminal "
        + "end-to-end tests drive the station through tmux. Install it (`apt-get install tmux`).")
  }
}

/// The full-screen station running in a detached tmux session of its own, started from a shell
/// inside the pane as a person would start it. The shell records `stty -g` before and after, the
/// station's pid and its exit status, and prints `EXITED <status>` when the station ends.
///
/// Everything lives in one scratch folder that is the station's HOME: the XDG folders (so the
/// demo database is `data/checkin/demo.sqlite3`), the tmux socket (`TMUX_TMPDIR`), the script and
/// the files it writes.
final class TmuxStation: Sendable {
  static let sessionName = "station"
  /// The configuration every station gets unless a test brings its own: a short result banner
  /// (long enough to be read by a poll on a busy machine) and a fixed station name.
  static let standardConfiguration = "station = e2e-tmux\nresult_seconds = 3\n"
  /// Stands for the scratch folder in a station's arguments.
  static let folderToken = "<folder>"

  let folder: URL
  let socketName: String
  private let tmux: URL
  private let tmuxEnvironment: [String: String]
  /// The tmux server, run in the foreground (`tmux -D`) as this test's own child.
  private let server: CheckinProcess

  var demoDatabasePath: String { folder.appending(path: "data/checkin/demo.sqlite3").path }
  private var pidURL: URL { folder.appending(path: "station.pid") }
  private var sttyBeforeURL: URL { folder.appending(path: "stty.before") }
  private var sttyAfterURL: URL { folder.appending(path: "stty.after") }

  /// Runs `body` with a station started as `checkin ARGUMENTS` in a `width`×`height` pane, then
  /// stops the tmux server and removes the folder, whether `body` passed or not.
  /// `configuration`, when set, is written to the standard configuration file;
  /// `environment` adds variables (e.g. `NO_COLOR`); `files` are written into the folder first.
  static func run<T>(
    _ label: String, arguments: [String] = ["--demo"],
    configuration: String? = standardConfiguration, environment: [String: String] = [:],
    files: [String: String] = [:], width: Int = 100, height: Int = 30,
    _ body: (TmuxStation) async throws -> T
  ) async throws -> T {
    let tmux = try Tmux.executable()
    let binary = try CheckinBinary.url()
    let unique = UUID().uuidString.prefix(8).lowercased()
    let folder = URL(fileURLWithPath: NSTemporaryDirectory())
      .appending(path: "ct-\(label)-\(unique)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let socketName = "ct-\(label)-\(unique)"
    let serverEnvironment = tmuxEnvironment(folder: folder)
    // No status bar: the pane is the whole window. A dead pane stays, to read `EXITED`.
    let tmuxConfiguration = folder.appending(path: "tmux.conf")
    try Data("set -g status off\nset -g remain-on-exit on\n".utf8).write(to: tmuxConfiguration)
    // A server that a client forks would inherit this process's blocked signals (tmux would
    // then ignore kill-server) and keep the test's process-watching descriptors open: run the
    // server as a plain child instead, with no signal blocked, and never let a client start one.
    let server = try withSignalsUnblocked {
      try CheckinProcess(
        tmux, ["-D", "-L", socketName, "-f", tmuxConfiguration.path],
        environment: serverEnvironment, folder: folder, name: "tmux-server")
    }
    let station = TmuxStation(
      folder: folder, socketName: socketName, tmux: tmux, environment: serverEnvironment,
      server: server)
    let outcome: Result<T, any Error>
    do {
      try await station.start(
        binary: binary, arguments: arguments, configuration: configuration,
        environment: environment, files: files, width: width, height: height)
      outcome = .success(try await body(station))
    } catch {
      outcome = .failure(error)
    }
    await station.shutDown()
    return try outcome.get()
  }

  private init(
    folder: URL, socketName: String, tmux: URL, environment: [String: String],
    server: CheckinProcess
  ) {
    self.folder = folder
    self.socketName = socketName
    self.tmux = tmux
    tmuxEnvironment = environment
    self.server = server
  }

  /// tmux's own environment: the socket in the scratch folder, nothing from the tester's.
  private static func tmuxEnvironment(folder: URL) -> [String: String] {
    [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "HOME": folder.path,
      "LANG": "C.UTF-8",
      "TMUX_TMPDIR": folder.path,
    ]
  }

  private func start(
    binary: URL, arguments: [String], configuration: String?, environment: [String: String],
    files: [String: String], width: Int, height: Int
  ) async throws {
    let manager = FileManager.default
    for name in ["config/checkin", "data", "state"] {
      try manager.createDirectory(
        at: folder.appending(path: name), withIntermediateDirectories: true)
    }
    if let configuration {
      try write(configuration, to: folder.appending(path: "config/checkin/checkin.conf"))
    }
    for (name, contents) in files {
      try write(contents, to: folder.appending(path: name))
    }
    var exports = [
      "HOME": folder.path,
      "XDG_CONFIG_HOME": folder.appending(path: "config").path,
      "XDG_DATA_HOME": folder.appending(path: "data").path,
      "XDG_STATE_HOME": folder.appending(path: "state").path,
      "PATH": tmuxEnvironment["PATH"] ?? "/usr/bin:/bin",
      "LANG": "C.UTF-8",
      "TERM": "xterm-256color",
    ]
    exports.merge(environment) { _, added in added }
    let words = ([binary.path] + arguments).map {
      Self.quoted($0.replacingOccurrences(of: Self.folderToken, with: folder.path))
    }
    let station = words.joined(separator: " ")
    let exportLines = exports.sorted { $0.key < $1.key }.map {
      "export \($0.key)=\(Self.quoted($0.value))"
    }
    let script = """
      #!/bin/sh
      # The station, started from a shell in the pane the way a person would start it.
      unset NO_COLOR COLORTERM CHECKIN_CONFIG CHECKIN_DB CHECKIN_THEMES CHECKIN_TIMING
      \(exportLines.joined(separator: "\n"))
      cd \(Self.quoted(folder.path)) || exit 1
      # Should Ctrl-C ever reach this shell as a signal, it still reports how the station ended.
      trap : INT
      stty -g > \(Self.quoted(sttyBeforeURL.path))
      /bin/sh -c 'echo $$ > "$0" && exec "$@"' \(Self.quoted(pidURL.path)) \(station)
      status=$?
      stty -g > \(Self.quoted(sttyAfterURL.path))
      echo "EXITED $status"
      # Stay, so the pane stays a live terminal to inspect (a dead pane hides its cursor).
      exec sleep 3600

      """
    let scriptURL = folder.appending(path: "station.sh")
    try write(script, to: scriptURL)

    let deadline = ContinuousClock.now + .seconds(15)
    while true {
      do {
        try tmux([
          "new-session", "-d", "-s", Self.sessionName, "-x", String(width), "-y", String(height),
          "/bin/sh", scriptURL.path,
        ])
        return
      } catch {
        // The server may not listen yet.
        guard ContinuousClock.now < deadline else { throw error }
        try await Task.sleep(for: .milliseconds(50))
      }
    }
  }

  private func write(_ text: String, to url: URL) throws {
    try Data(text.utf8).write(to: url)
  }

  private static func quoted(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// Runs one tmux command against this station's server and returns what it printed.
  @discardableResult
  func tmux(_ arguments: [String]) throws -> String {
    let run = try ProgramRun(
      tmux, ["-N", "-L", socketName] + arguments, environment: tmuxEnvironment)
    guard run.status == 0 else {
      throw HarnessError(
        "`tmux \(arguments.joined(separator: " "))` failed (status \(run.status)): \(run.errors)")
    }
    return run.output
  }

  // MARK: What a person does

  /// Types `keys` in one `send-keys` command: a text like `GYM-1` followed by `Enter` arrives as
  /// one burst, as a keyboard-wedge scanner types it. Key names (`Enter`, `F2`, `C-c`) are keys.
  func send(_ keys: String...) throws {
    try tmux(["send-keys", "-t", Self.sessionName] + keys)
  }

  /// Enter on the member dialog. The station ignores Enter for 0.3 s after a card appears (a
  /// scanner's doubled terminator); waiting 0.4 s after the card was seen is past that however
  /// slow the machine, since the card appeared before it was seen.
  func confirm() async throws {
    try await Task.sleep(for: .milliseconds(400))
    try send("Enter")
  }

  /// Types `text` one key at a time, each in its own `send-keys` command, as a person types.
  func type(_ text: String) throws {
    for character in text {
      try tmux(["send-keys", "-t", Self.sessionName, "-l", String(character)])
    }
  }

  func resize(width: Int, height: Int) throws {
    try tmux([
      "resize-window", "-t", Self.sessionName, "-x", String(width), "-y", String(height),
    ])
  }

  // MARK: What a person sees

  func capture() throws -> PaneText {
    PaneText(try tmux(["capture-pane", "-p", "-t", Self.sessionName]))
  }

  func captureStyled() throws -> StyledPane {
    StyledPane(text: try tmux(["capture-pane", "-p", "-e", "-t", Self.sessionName]))
  }

  /// A tmux format about the pane, e.g. `#{alternate_on}`.
  func paneFormat(_ format: String) throws -> String {
    try tmux(["display-message", "-p", "-t", Self.sessionName, format])
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Polls the screen until `condition` holds and returns that screen; after `limit` fails with
  /// what the screen showed last.
  @discardableResult
  func waitForScreen(
    _ what: String, within limit: Duration = .seconds(15),
    _ condition: (PaneText) -> Bool
  ) async throws -> PaneText {
    let deadline = ContinuousClock.now + limit
    var screen = try capture()
    while !condition(screen) {
      guard ContinuousClock.now < deadline else {
        throw HarnessError(
          "Waited \(limit) for \(what), but the screen showed:\(screen)")
      }
      try await Task.sleep(for: .milliseconds(50))
      screen = try capture()
    }
    return screen
  }

  /// Waits for the screen to show every one of `fragments`.
  @discardableResult
  func waitForText(_ fragments: String..., within limit: Duration = .seconds(15)) async throws
    -> PaneText
  {
    try await waitForScreen(
      fragments.map { "“\($0)”" }.joined(separator: " and "), within: limit
    ) { screen in fragments.allSatisfy { screen.contains($0) } }
  }

  /// Waits for the idle station: the scan field and the invitation to scan.
  @discardableResult
  func waitForScanField(within limit: Duration = .seconds(15)) async throws -> PaneText {
    try await waitForScreen("the scan field, ready for a card", within: limit) { screen in
      screen.contains("Scan ▸") && screen.contains("Hold the member card under the scanner")
    }
  }

  /// Waits for the shell in the pane to print `EXITED <status>` and returns that status.
  func waitForExit(within limit: Duration = .seconds(15)) async throws -> Int32 {
    let screen = try await waitForScreen("the station to exit (EXITED on screen)", within: limit) {
      $0.lines.contains { $0.hasPrefix("EXITED ") }
    }
    let line = screen.lines.first { $0.hasPrefix("EXITED ") } ?? ""
    guard let status = Int32(line.dropFirst("EXITED ".count)) else {
      throw HarnessError("Unreadable exit line “\(line)”:\(screen)")
    }
    return status
  }

  // MARK: The station's process and terminal

  /// The station's pid, which the shell writes just before it starts the station.
  func stationPID(within limit: Duration = .seconds(15)) async throws -> pid_t {
    let deadline = ContinuousClock.now + limit
    while true {
      if let text = try? String(contentsOf: pidURL, encoding: .utf8),
        let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return pid
      }
      guard ContinuousClock.now < deadline else {
        throw HarnessError("The shell in the pane never wrote the station's pid")
      }
      try await Task.sleep(for: .milliseconds(50))
    }
  }

  func signalStation(_ signal: Int32) async throws {
    let pid = try await stationPID()
    guard signalProcess(pid, signal) == 0 else {
      throw HarnessError("Can't send signal \(signal) to the station (pid \(pid)): errno \(errno)")
    }
  }

  /// Whether the station's process still runs.
  func stationIsRunning() async throws -> Bool {
    processIsAlive(try await stationPID())
  }

  /// `stty -g` in the pane before the station started and after it ended (after the exit).
  func terminalSettings() throws -> (before: String, after: String) {
    func read(_ url: URL) throws -> String {
      try String(contentsOf: url, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }
    return (try read(sttyBeforeURL), try read(sttyAfterURL))
  }

  /// The demo database as it is now, read through a connection of its own.
  func demoLedger() throws -> Ledger {
    let store = try LocalStore(path: demoDatabasePath)
    return try Ledger(reading: store.database)
  }

  /// Stops the tmux server (the pane's processes get SIGHUP) and makes sure the station is gone.
  fileprivate func shutDown() async {
    _ = try? tmux(["kill-server"])
    _ = try? await server.waitForExit(within: .seconds(10))
    guard
      let text = try? String(contentsOf: pidURL, encoding: .utf8),
      let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
    else { return }
    let deadline = ContinuousClock.now + .seconds(10)
    while processIsAlive(pid) && ContinuousClock.now < deadline {
      try? await Task.sleep(for: .milliseconds(20))
    }
    if processIsAlive(pid) { _ = signalProcess(pid, SIGKILL) }
  }
}

/// Runs `body` on this thread with no signal blocked, so a process it starts begins with none
/// blocked either (Dispatch's threads block most signals, and children inherit the mask).
private func withSignalsUnblocked<T>(_ body: () throws -> T) rethrows -> T {
  var none = sigset_t()
  var saved = sigset_t()
  sigemptyset(&none)
  pthread_sigmask(SIG_SETMASK, &none, &saved)
  defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
  return try body()
}

/// Whether `pid` runs: it exists and (on Linux) is not a zombie waiting to be reaped.
private func processIsAlive(_ pid: pid_t) -> Bool {
  guard signalProcess(pid, 0) == 0 else { return false }
  guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
    let close = stat.lastIndex(of: ")")
  else { return true }
  let state = stat[close...].dropFirst().trimmingCharacters(in: .whitespaces).first
  return state != "Z"
}
