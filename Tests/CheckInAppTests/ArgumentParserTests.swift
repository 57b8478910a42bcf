import Testing

@testable import CheckInApp

@Suite("ArgumentParser")
struct ArgumentParserTests {
  @Test func optionsMayComeBeforeOrAfterTheCommand() throws {
    let before = try ArgumentParser.parse(
      ["--db", "x.sqlite3", "--deduct", "--json", "scan", "GYM-1"])
    let after = try ArgumentParser.parse(
      ["scan", "GYM-1", "--db", "x.sqlite3", "--deduct", "--json"])
    let mixed = try ArgumentParser.parse(
      ["--json", "scan", "--db", "x.sqlite3", "GYM-1", "--deduct"])
    #expect(before == after)
    #expect(mixed == after)
    #expect(after.command == "scan")
    #expect(after.arguments == ["GYM-1"])
    #expect(after.value("db") == "x.sqlite3")
    #expect(after.flags == ["deduct", "json"])
  }

  @Test func nameEqualsValueGivesTheValue() throws {
    let invocation = try ArgumentParser.parse(
      ["scan", "--db=/tmp/a=b.sqlite3", "--plan=1015", "--station=", "X"])
    #expect(invocation.value("db") == "/tmp/a=b.sqlite3")
    #expect(invocation.value("plan") == "1015")
    #expect(invocation.value("station") == "")
    #expect(invocation.arguments == ["X"])
  }

  @Test func aValueMayLookLikeAnOption() throws {
    let invocation = try ArgumentParser.parse(["--on-checkin", "--json", "scan", "X"])
    #expect(invocation.value("on-checkin") == "--json")
    #expect(!invocation.has("json"))
  }

  @Test func doubleDashEndsTheOptions() throws {
    let invocation = try ArgumentParser.parse(["scan", "--json", "--", "--deduct", "-h", "--x=1"])
    #expect(invocation.command == "scan")
    #expect(invocation.arguments == ["--deduct", "-h", "--x=1"])
    #expect(invocation.flags == ["json"])
  }

  @Test func aLoneDashIsAnArgument() throws {
    let invocation = try ArgumentParser.parse(["import", "-"])
    #expect(invocation.arguments == ["-"])
  }

  @Test func unknownOptionIsAUsageError() {
    #expect(throws: UsageError(message: "unknown option --frobnicate", command: "scan")) {
      try ArgumentParser.parse(["scan", "X", "--frobnicate"])
    }
    #expect(throws: UsageError(message: "unknown option --frobnicate", command: nil)) {
      try ArgumentParser.parse(["--frobnicate", "scan", "X"])
    }
    #expect(throws: UsageError(message: "unknown option -x", command: "scan")) {
      try ArgumentParser.parse(["scan", "-x"])
    }
  }

  @Test func anotherCommandsOptionIsAUsageErrorWhereverItIsWritten() {
    let deduct = UsageError(
      message: "`show` doesn't take --deduct (it belongs to `scan`)", command: "show")
    #expect(throws: deduct) { try ArgumentParser.parse(["show", "GYM-1", "--deduct"]) }
    #expect(throws: deduct) { try ArgumentParser.parse(["--deduct", "show", "GYM-1"]) }
    let dryRun = UsageError(
      message: "`scan` doesn't take --dry-run (it belongs to `import`)", command: "scan")
    #expect(throws: dryRun) { try ArgumentParser.parse(["scan", "GYM-1", "--dry-run"]) }
    #expect(throws: dryRun) {
      try ArgumentParser.parse(["--dry-run", "scan", "GYM-1", "--deduct"])
    }
  }

  @Test func aSettingACommandDoesNotUseIsAUsageError() {
    #expect(throws: UsageError(message: "`today` doesn't take --theme", command: "today")) {
      try ArgumentParser.parse(["--theme", "light", "today"])
    }
    #expect(throws: UsageError(message: "`search` doesn't take --kiosk", command: "search")) {
      try ArgumentParser.parse(["search", "sara", "--kiosk"])
    }
    #expect(throws: UsageError(message: "the station screen doesn't take --json", command: nil)) {
      try ArgumentParser.parse(["--json"])
    }
    #expect(throws: UsageError(message: "`import` doesn't take --api", command: "import")) {
      try ArgumentParser.parse(["--api", "https://gym.example", "import", "a.csv"])
    }
  }

  @Test func everyCommandTakesTheSettingsItUses() throws {
    #expect(try ArgumentParser.parse(["--theme", "light", "--kiosk"]).flags == ["kiosk"])
    for command in [["scan", "X"], ["show", "X"], ["search", "X"], ["today"], ["void", "1"]] {
      let parsed = try ArgumentParser.parse(
        ["--db", "a.sqlite3", "--branch", "2", "--json"] + command)
      #expect(parsed.values["branch"] == "2")
    }
    #expect(try ArgumentParser.parse(["--config", "c.conf", "man"]).command == "man")
    #expect(try ArgumentParser.parse(["completions", "bash", "--help"]).has("help"))
  }

  @Test func noTwoOptionsShareANameWithDifferentShapes() {
    var shapes: [String: Bool] = [:]
    for option in OptionTable.global + OptionTable.commands.flatMap(\.options) {
      if let earlier = shapes[option.name] {
        #expect(earlier == option.takesValue, "--\(option.name) is a flag in one place only")
      }
      shapes[option.name] = option.takesValue
    }
    for command in OptionTable.commands + [OptionTable.station] {
      for name in command.takes {
        #expect(OptionTable.global.contains { $0.name == name }, "\(command.name): --\(name)")
      }
    }
  }

  @Test func missingValueIsAUsageError() throws {
    let error = try #require(throws: UsageError.self) {
      try ArgumentParser.parse(["scan", "GYM-1", "--db"])
    }
    #expect(error.message == "--db needs a value (--db PATH)")
    #expect(error.command == "scan")
  }

  @Test func aFlagGivenAValueIsAUsageError() {
    #expect(throws: UsageError(message: "--json takes no value", command: nil)) {
      try ArgumentParser.parse(["--json=yes", "scan", "X"])
    }
    #expect(throws: UsageError(message: "--deduct takes no value", command: "scan")) {
      try ArgumentParser.parse(["scan", "X", "--deduct=1"])
    }
  }

  @Test func dashHAsksForHelp() throws {
    let invocation = try ArgumentParser.parse(["scan", "-h"])
    #expect(invocation.command == "scan")
    #expect(invocation.has("help"))
    #expect(invocation.arguments.isEmpty)
    #expect(try ArgumentParser.parse(["-h"]).has("help"))
    #expect(try ArgumentParser.parse(["--help"]).has("help"))
  }

  @Test func nothingGivenIsNoCommand() throws {
    #expect(try ArgumentParser.parse([]) == Invocation())
  }
}
