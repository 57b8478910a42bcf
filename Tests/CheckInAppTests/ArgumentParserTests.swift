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

  @Test func anotherCommandsOptionIsUnknownAfterTheCommand() {
    #expect(throws: UsageError(message: "unknown option --deduct", command: "show")) {
      try ArgumentParser.parse(["show", "GYM-1", "--deduct"])
    }
    #expect(throws: UsageError(message: "unknown option --dry-run", command: "scan")) {
      try ArgumentParser.parse(["scan", "GYM-1", "--dry-run"])
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
