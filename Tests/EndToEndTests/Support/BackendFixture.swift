import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The stand-in backend (Tests/Fixtures/gym_server.py) for the end-to-end tests that run the
/// station in remote mode. Fails loudly if python3 or Flask is missing.
final class BackendFixture: Sendable {
  let url: String
  private let server: CheckinProcess
  private let folder: URL

  init(mode: String = "v-aug", delayMilliseconds: Int = 0) async throws {
    folder = FileManager.default.temporaryDirectory
      .appending(path: "checkin-e2e-backend-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appending(path: "Fixtures/gym_server.py")
    let portFile = folder.appending(path: "port")
    server = try CheckinProcess(
      URL(fileURLWithPath: "/usr/bin/env"),
      // The deployed servers' transport: every connection closed, one request at a time.
      [
        "python3", script.path, "--mode", mode, "--port", "0", "--port-file", portFile.path,
        "--field", "--delay-ms", String(delayMilliseconds),
      ],
      environment: ProcessInfo.processInfo.environment, folder: folder, name: "backend")
    let deadline = ContinuousClock.now + .seconds(20)
    while ContinuousClock.now < deadline {
      if let text = try? String(contentsOf: portFile, encoding: .utf8),
        let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        url = "http://127.0.0.1:\(port)"
        return
      }
      try await Task.sleep(for: .milliseconds(50))
    }
    server.kill()
    throw HarnessError(
      "The stand-in backend didn't start (is python3 with Flask installed? `pip install flask`): "
        + server.errorText())
  }

  /// Logs a receptionist in with the built binary under `home` and returns the session file it
  /// wrote, to hand to a station.
  func sessionFile(user: String = "reception1", password: String = "pass-1") async throws
    -> String
  {
    let home = folder.appending(path: "login-home")
    let login = try CheckinProcess(
      try CheckinBinary.url(),
      ["login", "--api", url, "--user", user, "--password-stdin"],
      environment: CheckinBinary.environment(home: home), folder: folder, name: "login",
      feedsInput: true)
    try login.send([password])
    try login.closeInput()
    let end = try await login.waitForExit()
    guard end == .exited(0) else { throw HarnessError("login failed: \(login.errorText())") }
    let session = home.appending(path: "config/checkin/session.json")
    return try String(contentsOf: session, encoding: .utf8)
  }

  /// Sends a control request (`/__control__/...`) with a JSON body.
  func control(_ path: String, _ body: [String: Any] = [:]) async throws {
    guard let target = URL(string: url + "/__control__/" + path) else { return }
    var request = URLRequest(url: target)
    request.httpMethod = "POST"
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.httpBody = try JSONSerialization.data(withJSONObject: body)
    let (_, response) = try await URLSession.shared.data(for: request)
    guard (response as? HTTPURLResponse)?.statusCode == 200 else {
      throw HarnessError("control \(path) failed")
    }
  }

  func stop() {
    server.kill()
    try? FileManager.default.removeItem(at: folder)
  }
}
