import Foundation

/// A station's home with the `checkin` binary run in it, one command at a time.
struct StationHome {
  let home: URL
  let folder: URL

  struct Run {
    let status: Int32
    let output: String
    let error: String
  }

  func run(_ arguments: [String], input: [String]? = nil) async throws -> Run {
    let name = "run-\(UUID().uuidString.prefix(8))"
    let process = try CheckinProcess(
      try CheckinBinary.url(), arguments, environment: CheckinBinary.environment(home: home),
      folder: folder, name: name, feedsInput: input != nil)
    if let input {
      try process.send(input)
      try process.closeInput()
    }
    let end = try await process.waitForExit()
    guard case .exited(let status) = end else { throw HarnessError("\(arguments): \(end)") }
    let output = (try? String(contentsOf: process.outputURL, encoding: .utf8)) ?? ""
    return Run(status: status, output: output, error: process.errorText())
  }

  func logIn(_ server: BackendFixture) async throws {
    let login = try await run(
      ["login", "--api", server.url, "--user", "reception1", "--password-stdin"],
      input: ["pass-1"])
    guard login.status == 0 else { throw HarnessError("login failed: \(login.error)") }
  }
}

/// Runs `body` with a station home of its own and one stand-in server.
func withOneServer(_ body: (StationHome, BackendFixture) async throws -> Void) async throws {
  let server = try await BackendFixture()
  defer { server.stop() }
  let folder = FileManager.default.temporaryDirectory
    .appending(path: "checkin-e2e-home-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  try await body(StationHome(home: folder.appending(path: "home"), folder: folder), server)
}

/// Runs `body` with a station home of its own and two stand-in servers on this host.
func withTwoServers(
  _ body: (StationHome, BackendFixture, BackendFixture) async throws -> Void
) async throws {
  let first = try await BackendFixture()
  defer { first.stop() }
  let second = try await BackendFixture()
  defer { second.stop() }
  let folder = FileManager.default.temporaryDirectory
    .appending(path: "checkin-e2e-apart-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  try await body(StationHome(home: folder.appending(path: "home"), folder: folder), first, second)
}
