import Testing

@testable import CheckInApp

@Suite("Settings.resolve")
struct SettingsTests {
  private func resolve(_ arguments: [String], _ sandbox: Sandbox, _ extra: [String: String] = [:])
    throws -> Settings
  {
    try Settings.resolve(
      try ArgumentParser.parse(arguments),
      environment: sandbox.environment.merging(extra) { $1 })
  }

  @Test func defaultsFollowTheXDGFolders() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let settings = try resolve(["scan", "X"], sandbox)
    #expect(settings.databasePath == sandbox.root + "/data/checkin/station.sqlite3")
    #expect(!settings.isDemo)
    #expect(settings.branchID == 1)
    #expect(settings.stationName == "test-desk")
    #expect(settings.duplicateWindow == 120)
    #expect(!settings.allowOtherBranches)
    #expect(settings.allowIDFallback)
    #expect(settings.onCheckIn == nil)
    #expect(settings.onCheckInTimeout == 5)
    #expect(!settings.json)
  }

  @Test func aRelativeXDGFolderIsIgnored() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let settings = try resolve(["scan", "X"], sandbox, ["XDG_DATA_HOME": "relative/data"])
    #expect(settings.databasePath == sandbox.root + "/home/.local/share/checkin/station.sqlite3")
  }

  @Test func theConfigFileSetsEveryKey() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try sandbox.write(
      "config/checkin/checkin.conf",
      """
      db = /srv/gym/station.sqlite3
      branch = 2
      station = Front desk
      duplicate_window = 30
      allow_other_branches = yes
      id_fallback = off
      on_checkin = "cat > /dev/null"
      on_checkin_timeout = 2.5
      busy_timeout_ms = 250
      """)
    let settings = try resolve(["scan", "X"], sandbox)
    #expect(settings.databasePath == "/srv/gym/station.sqlite3")
    #expect(settings.branchID == 2)
    #expect(settings.stationName == "Front desk")
    #expect(settings.duplicateWindow == 30)
    #expect(settings.allowOtherBranches)
    #expect(!settings.allowIDFallback)
    #expect(settings.onCheckIn == "cat > /dev/null")
    #expect(settings.onCheckInTimeout == 2.5)
    #expect(settings.busyTimeoutMilliseconds == 250)
  }

  /// The same file as `theConfigFileSetsEveryKey` would read, saved with Windows line endings.
  @Test func aConfigFileWithCRLFLineEndingsIsApplied() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try sandbox.write(
      "config/checkin/checkin.conf", "# front desk\r\nbranch = 2\r\nduplicate_window = 30\r\n")
    let settings = try resolve(["scan", "X"], sandbox)
    #expect(settings.branchID == 2)
    #expect(settings.duplicateWindow == 30)
  }

  @Test func databasePrecedenceIsConfigThenEnvironmentThenFlag() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try sandbox.write("config/checkin/checkin.conf", "db = /from/config.sqlite3\n")
    let environment = ["CHECKIN_DB": "/from/env.sqlite3"]
    #expect(try resolve(["scan", "X"], sandbox).databasePath == "/from/config.sqlite3")
    #expect(try resolve(["scan", "X"], sandbox, environment).databasePath == "/from/env.sqlite3")
    #expect(
      try resolve(["scan", "X", "--db", "/from/flag.sqlite3"], sandbox, environment).databasePath
        == "/from/flag.sqlite3")
    // An empty CHECKIN_DB is as good as none.
    #expect(
      try resolve(["scan", "X"], sandbox, ["CHECKIN_DB": ""]).databasePath == "/from/config.sqlite3"
    )
  }

  @Test func flagsOverrideTheConfigFile() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try sandbox.write(
      "config/checkin/checkin.conf",
      "branch = 2\nstation = Desk A\nduplicate_window = 30\non_checkin = true\non_checkin_timeout = 9\n"
    )
    let settings = try resolve(
      [
        "scan", "X", "--branch", "3", "--station", "Desk B", "--duplicate-window", "0",
        "--on-checkin", "false", "--on-checkin-timeout", "0.5", "--allow-other-branches", "--json",
      ], sandbox)
    #expect(settings.branchID == 3)
    #expect(settings.stationName == "Desk B")
    #expect(settings.duplicateWindow == 0)
    #expect(settings.onCheckIn == "false")
    #expect(settings.onCheckInTimeout == 0.5)
    #expect(settings.allowOtherBranches)
    #expect(settings.json)
  }

  @Test func configOptionBeatsCheckinConfigWhichBeatsTheDefaultFile() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try sandbox.write("config/checkin/checkin.conf", "branch = 3\n")
    let fromEnvironment = try sandbox.write("env.conf", "branch = 4\n")
    let fromFlag = try sandbox.write("flag.conf", "branch = 5\n")
    let environment = ["CHECKIN_CONFIG": fromEnvironment]
    #expect(try resolve(["today"], sandbox).branchID == 3)
    #expect(try resolve(["today"], sandbox, environment).branchID == 4)
    #expect(try resolve(["today", "--config", fromFlag], sandbox, environment).branchID == 5)
  }

  @Test func demoPicksTheDemoDatabase() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let settings = try resolve(["--demo", "scan", "X"], sandbox, ["CHECKIN_DB": "/other.sqlite3"])
    #expect(settings.isDemo)
    #expect(settings.databasePath == sandbox.demoDatabase)
  }

  @Test func demoWithDbIsAUsageError() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let error = try #require(throws: UsageError.self) {
      try resolve(["--demo", "scan", "X", "--db", "/x.sqlite3"], sandbox)
    }
    #expect(error.message.contains("--demo"))
    #expect(error.message.contains("--db"))
    let result = await sandbox.run(["--demo", "--db", sandbox.path("x.sqlite3"), "today"])
    #expect(result.status == 2)
    #expect(!sandbox.exists(sandbox.path("x.sqlite3")))
    #expect(!sandbox.exists(sandbox.demoDatabase))
  }

  @Test(
    "a bad value names the file, the line and the key",
    arguments: [
      ("branch = -1", "branch", "-1"),
      ("branch = two", "branch", "two"),
      ("duplicate_window = soon", "duplicate_window", "soon"),
      ("allow_other_branches = maybe", "allow_other_branches", "maybe"),
      ("id_fallback = perhaps", "id_fallback", "perhaps"),
      ("on_checkin_timeout = -3", "on_checkin_timeout", "-3"),
      ("busy_timeout_ms = 0", "busy_timeout_ms", "0"),
    ])
  func badConfigValue(line: String, key: String, value: String) async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let path = try sandbox.write("config/checkin/checkin.conf", "# desk 1\n\(line)\n")
    let error = try #require(throws: UsageError.self) { try resolve(["today"], sandbox) }
    #expect(error.message.contains("\(path) line 2"))
    #expect(error.message.contains(key))
    #expect(error.message.contains("“\(value)”"))
    let result = await sandbox.run(["today"])
    #expect(result.status == 2)
    #expect(result.err.contains("\(path) line 2"))
  }

  @Test(
    "a bad option value is a usage error",
    arguments: [
      ["--branch", "0"], ["--branch", "-1"], ["--duplicate-window", "soon"],
      ["--duplicate-window", "-5"], ["--on-checkin-timeout", "nan"],
    ])
  func badOptionValue(option: [String]) throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let error = try #require(throws: UsageError.self) {
      try resolve(["scan", "X"] + option, sandbox)
    }
    #expect(error.message.hasPrefix(option[0]))
  }

  @Test func aMissingConfigFileNamedOnTheCommandLineIsAnError() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let missing = sandbox.path("missing.conf")
    let error = try #require(throws: UsageError.self) {
      try resolve(["today", "--config", missing], sandbox)
    }
    #expect(error.message.contains(missing))
    #expect(throws: UsageError.self) {
      try resolve(["today"], sandbox, ["CHECKIN_CONFIG": missing])
    }
    let result = await sandbox.run(["--demo", "today", "--config", missing])
    #expect(result.status == 2)
    #expect(result.err.contains(missing))
  }

  @Test func aHookTimeoutOfNothingIsRefused() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let error = try #require(throws: UsageError.self) {
      try resolve(["scan", "X", "--on-checkin-timeout", "0"], sandbox)
    }
    #expect(error.message.contains("more than 0"), "\(error.message)")
    #expect(try resolve(["--on-checkin-timeout", "0.5"], sandbox).onCheckInTimeout == 0.5)
  }
}
