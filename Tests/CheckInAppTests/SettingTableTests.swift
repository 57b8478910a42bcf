import Foundation
import Testing

@testable import CheckInApp

/// One table of settings drives the defaults, the file, the environment, the command line and
/// every text that documents them.
@Suite struct SettingTableTests {
  private func resolve(_ arguments: [String], _ sandbox: Sandbox, _ extra: [String: String] = [:])
    throws -> Settings
  {
    try Settings.resolve(
      try ArgumentParser.parse(arguments),
      environment: sandbox.environment.merging(extra) { $1 })
  }

  @Test func theDefaultsComeFromTheTableAndHelpShowsThem() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let settings = try resolve([], sandbox)
    #expect(settings.branchID == 1 && !settings.branchGiven)
    #expect(settings.duplicateWindow == 120)
    #expect(settings.onCheckInTimeout == 5)
    #expect(settings.lookupTimeout == 5 && settings.checkInTimeout == 10)
    #expect(settings.offlineCacheHours == 168)
    #expect(settings.resultSeconds == 4)
    #expect(settings.busyTimeoutMilliseconds == 5000)
    #expect(settings.theme == "default")
    #expect(settings.allowIDFallback && !settings.allowOtherBranches && !settings.isKiosk)
    #expect(settings.kioskAction == .standard)
    let help = Usage.overview(version: "test")
    #expect(help.contains("0 = off (default 120)"))
    #expect(help.contains("--branch ID"))
    let man = ManPage.render(version: "test")
    #expect(man.contains("how long the result banner stays (default 4)"))
  }

  @Test func theFileThenTheEnvironmentThenTheCommandLine() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try sandbox.write("config/checkin/checkin.conf", "db = /from/file.sqlite3\nbranch = 3\n")
    #expect(try resolve([], sandbox).databasePath == "/from/file.sqlite3")
    let environment = ["CHECKIN_DB": "/from/env.sqlite3"]
    #expect(try resolve([], sandbox, environment).databasePath == "/from/env.sqlite3")
    let given = try resolve(["--db", "/from/option.sqlite3"], sandbox, environment)
    #expect(given.databasePath == "/from/option.sqlite3")
    #expect(given.branchID == 3 && given.branchGiven, "a branch from the file is a given branch")
    #expect(try resolve(["--branch", "2"], sandbox).branchID == 2)
  }

  @Test func anEmptyValueLeavesTheDefault() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try sandbox.write("config/checkin/checkin.conf", "duplicate_window =\ndb = \"\"\n")
    let settings = try resolve([], sandbox, ["CHECKIN_API": ""])
    #expect(settings.duplicateWindow == 120)
    #expect(settings.databasePath == sandbox.root + "/data/checkin/station.sqlite3")
    #expect(settings.api == nil)
  }

  @Test func aBadValueNamesWhereItWasWritten() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let path = try sandbox.write("config/checkin/checkin.conf", "# desk 2\nbranch = two\n")
    let fromFile = try #require(throws: UsageError.self) { try resolve([], sandbox) }
    #expect(fromFile.message.hasPrefix("\(path) line 2 (branch) must be a positive whole number"))
    let fromOption = try #require(throws: UsageError.self) {
      try resolve(["--config", "/dev/null", "--duplicate-window", "soon"], sandbox)
    }
    #expect(fromOption.message.hasPrefix("--duplicate-window must be a number of seconds"))
  }

  @Test func everyFileKeyIsKnownAndDocumented() {
    let man = ManPage.render(version: "test")
    let keys = SettingTable.fileSettings.compactMap(\.key)
    #expect(Set(ConfigFile.knownKeys.map(\.key)) == Set(keys))
    #expect(Set(keys).count == keys.count, "a key appears once")
    for key in keys {
      #expect(man.contains(".B \(ManPage.escape(key)) = "), "\(key) is in CONFIGURATION")
    }
    for spec in SettingTable.all where spec.environment != nil {
      #expect(man.contains(".B \(spec.environment ?? "")"))
    }
  }

  @Test func everyOptionOfTheTableIsParsedHelpedAndCompleted() {
    let bash = CompletionsCommand.bash
    for spec in SettingTable.all {
      guard let option = spec.option else { continue }
      #expect(OptionTable.global.contains { $0.name == option })
      #expect(Usage.overview(version: "test").contains("--\(option)"))
      #expect(bash.contains("--\(option)"))
    }
  }
}
