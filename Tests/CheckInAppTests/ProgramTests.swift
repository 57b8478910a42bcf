import Foundation
import Testing

@testable import CheckInApp

/// The program as a whole: help, version, usage errors and failures that aren't a command's.
@Suite("checkin")
struct ProgramTests {
  @Test func versionPrintsTheVersion() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--version"])
    #expect(result.status == 0)
    #expect(result.out == "checkin \(CheckInApp.version)\n")
  }

  @Test func helpScanDescribesTheCommandAndItsExitStatuses() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    for arguments in [["help", "scan"], ["scan", "--help"], ["scan", "-h"]] {
      let result = await sandbox.run(arguments)
      #expect(result.status == 0, "\(arguments): \(result)")
      #expect(result.out.hasPrefix("Usage: checkin scan CODE [OPTIONS]"))
      #expect(result.out.contains("--check-in-only"))
      #expect(result.out.contains("Exit status: 0 checked in, 3 refused, 2 usage error, 1"))
    }
  }

  @Test func helpWithoutACommandListsTheCommands() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--help"])
    #expect(result.status == 0)
    for command in ["scan", "show", "search", "today", "void", "import", "demo"] {
      #expect(result.out.contains("\n  \(command) "), "the overview should list \(command)")
    }
  }

  @Test func helpForAnUnknownCommandIsAUsageError() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["help", "frobnicate"])
    #expect(result.status == 2)
    #expect(result.err.contains("frobnicate"))
  }

  @Test func anUnknownCommandIsAUsageError() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "frobnicate"])
    #expect(result.status == 2)
    #expect(result.out.isEmpty)
    #expect(result.err.contains("unknown command “frobnicate”"))
    #expect(!sandbox.exists(sandbox.demoDatabase))
  }

  /// Without a command `checkin` opens the full-screen station, which needs a terminal: from a
  /// script it says so, and which commands to use instead, before touching any database.
  @Test func noCommandWithoutATerminalPointsToTheCommands() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo"])
    #expect(result.status == 1)
    #expect(result.err.contains("needs a terminal"))
    #expect(result.err.contains("checkin --help"))
    #expect(!sandbox.exists(sandbox.demoDatabase))
  }

  @Test func anUnknownOptionIsAUsageErrorPointingAtTheCommandsHelp() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["--demo", "scan", "GYM-1", "--bogus"])
    #expect(result.status == 2)
    #expect(result.err.contains("unknown option --bogus"))
    #expect(result.err.contains("checkin help scan"))
    #expect(!sandbox.exists(sandbox.demoDatabase))
  }

  @Test func aMissingDatabaseIsAFailureNamingThePath() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let missing = sandbox.path("nowhere/station.sqlite3")
    for command in [["scan", "GYM-1"], ["show", "GYM-1"], ["today"], ["search", "Sara"]] {
      let result = await sandbox.run(["--db", missing] + command)
      #expect(result.status == 1, "\(command): \(result)")
      #expect(result.err.contains(missing), "\(command): \(result)")
    }
    let json = await sandbox.run(["--db", missing, "scan", "GYM-1", "--json"])
    #expect(json.status == 1)
    #expect(try JSON.onlyObject(in: json).string("error")?.contains(missing) == true)
    #expect(!sandbox.exists(missing))
  }

  @Test func theDefaultDatabaseIsUnderXDGDataHome() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["scan", "GYM-1"])
    #expect(result.status == 1)
    #expect(result.err.contains(sandbox.root + "/data/checkin/station.sqlite3"))
  }

  @Test func aBranchTheDatabaseLacksIsAClearFailure() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    #expect(await sandbox.run(["--demo", "demo"]).status == 0)
    for command in [["scan", "GYM-1"], ["show", "GYM-1"], ["today"]] {
      let result = await sandbox.run(["--demo", "--branch", "9"] + command)
      #expect(result.status == 1, "\(command): \(result)")
      #expect(result.err.contains("Branch 9"), "\(command): \(result)")
      #expect(result.err.contains("1 Main, 2 Downtown"), "\(command): \(result)")
    }
    #expect(try StoreProbe(sandbox.demoDatabase).visits == 0)
  }

  @Test func aFileThatIsNotADatabaseIsAFailure() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let path = try sandbox.write("notes.sqlite3", String(repeating: "not sqlite\n", count: 200))
    let result = await sandbox.run(["--db", path, "scan", "GYM-1"])
    #expect(result.status == 1, "\(result)")
    #expect(result.err.contains(path))
  }
}
