import Testing

@testable import CheckInApp

@Suite("ConfigFile")
struct ConfigFileTests {
  @Test func readsKeysSkippingCommentsAndBlankLines() throws {
    let text = """
      # The front desk's station
         # an indented comment

      branch = 2
      Station = "Front desk # 1"
      on_checkin = echo door=open
        duplicate_window=30
      id_fallback = "no"
      busy_timeout_ms =
      """
    let file = try ConfigFile.parse(text, path: "/etc/checkin.conf")
    #expect(
      file.values == [
        "branch": "2", "station": "Front desk # 1", "on_checkin": "echo door=open",
        "duplicate_window": "30", "id_fallback": "no", "busy_timeout_ms": "",
      ])
    #expect(file.location(of: "branch") == "/etc/checkin.conf line 4")
    #expect(file.location(of: "duplicate_window") == "/etc/checkin.conf line 7")
    #expect(file.location(of: "db") == "/etc/checkin.conf")
  }

  /// A file written on Windows ends its lines with CR LF; each line is still one setting.
  @Test func crlfLineEndingsAreRead() throws {
    let text =
      "# written on Windows\r\nbranch = 2\r\nstation = Desk A\r\n\r\nduplicate_window = 30\r\n"
    let file = try ConfigFile.parse(text, path: "c.conf")
    #expect(file.values == ["branch": "2", "station": "Desk A", "duplicate_window": "30"])
    #expect(file.location(of: "duplicate_window") == "c.conf line 5")
  }

  @Test func onlyMatchingOuterQuotesAreRemoved() throws {
    let text = """
      station = "  spaced  "
      on_checkin = "say "hi""
      db = "half
      """
    let file = try ConfigFile.parse(text, path: "c.conf")
    #expect(file.value("station") == "  spaced  ")
    #expect(file.value("on_checkin") == #"say "hi""#)
    #expect(file.value("db") == #""half"#)
  }

  @Test func aKeysLineIsNamedInMessages() throws {
    let file = try ConfigFile.parse("# desk\nbranch = 3\n", path: "c.conf")
    #expect(file.value("branch") == "3")
    #expect(file.location(of: "branch") == "c.conf line 2")
  }

  @Test func unknownKeyNamesItsLineAndTheKnownKeys() throws {
    let error = try #require(throws: UsageError.self) {
      try ConfigFile.parse("# colours\nbranch = 1\ncolour = red\n", path: "/x/checkin.conf")
    }
    #expect(error.message.hasPrefix("/x/checkin.conf line 3: unknown key `colour`"))
    for (key, _) in ConfigFile.knownKeys {
      #expect(error.message.contains(key), "the message should list \(key)")
    }
  }

  @Test func aLineWithoutEqualsIsAnError() throws {
    let error = try #require(throws: UsageError.self) {
      try ConfigFile.parse("\n\nbranch 2\n", path: "c.conf")
    }
    #expect(error.message == "c.conf line 3: expected `key = value`")
  }

  @Test func aMissingFileIsNilUnlessRequired() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let missing = sandbox.path("nowhere/checkin.conf")
    #expect(try ConfigFile.load(path: missing, required: false) == nil)
    let error = try #require(throws: UsageError.self) {
      try ConfigFile.load(path: missing, required: true)
    }
    #expect(error.message.contains(missing))
  }

  @Test func loadsAFileFromDisk() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let path = try sandbox.write("checkin.conf", "\u{FEFF}# bom\nbranch = 7\n")
    let file = try #require(try ConfigFile.load(path: path, required: true))
    #expect(file.value("branch") == "7")
  }

  @Test func aFileThatIsNotUTF8IsAnError() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let path = try sandbox.write("checkin.conf", bytes: Array("branch = ".utf8) + [0xFF, 0x0A])
    let error = try #require(throws: UsageError.self) {
      try ConfigFile.load(path: path, required: false)
    }
    #expect(error.message.contains(path))
  }

  @Test func aKeySetTwiceIsAnErrorNamingBothLines() {
    let text = "db = /srv/a.sqlite3\n# the other desk\nbranch = 2\nDB = /srv/b.sqlite3\n"
    let error = #expect(throws: UsageError.self) {
      try ConfigFile.parse(text, path: "/etc/checkin.conf")
    }
    #expect(error?.message == "/etc/checkin.conf lines 1 and 4 both set `db` — keep one")
  }
}
