import Foundation
import Testing

extension EndToEnd {
  /// Members' personal data stays with the station's user: every file the station creates is
  /// readable by its owner only, whatever the umask it was started with, and a database others
  /// can read is pointed out.
  @Suite("Private files", .serialized)
  struct PrivateFilesTests {
    private func mode(_ path: String) throws -> Int {
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      return try #require(attributes[.posixPermissions] as? NSNumber).intValue
    }

    @Test func everyFileTheStationCreatesIsTheOwnersOnly() async throws {
      try await withOneServer { desk, server in
        try await desk.logIn(server)
        _ = try await desk.run(["scan", "GYM-116", "--api", server.url])
        let made = try await desk.run(["--demo", "today"])
        #expect(made.status == 0, "\(made.error)")
        let data = desk.home.appending(path: "data/checkin").path
        let files = try FileManager.default.contentsOfDirectory(atPath: data)
        #expect(files.contains("demo.sqlite3"), "\(files)")
        #expect(files.contains { $0.hasPrefix("remote-127.0.0.1-") }, "\(files)")
        for file in files {
          #expect(try mode("\(data)/\(file)") & 0o077 == 0, "\(file)")
        }
        for path in ["state/checkin/checkin.log", "config/checkin/session.json"] {
          #expect(try mode(desk.home.appending(path: path).path) & 0o077 == 0, "\(path)")
        }
      }
    }

    @Test func aDatabaseOthersCanReadIsPointedOut() async throws {
      try await withOneServer { desk, _ in
        _ = try await desk.run(["--demo", "today"])
        let database = desk.home.appending(path: "data/checkin/demo.sqlite3").path
        try FileManager.default.setAttributes(
          [.posixPermissions: 0o644], ofItemAtPath: database)
        let shown = try await desk.run(["--demo", "today"])
        #expect(shown.status == 0)
        #expect(shown.error.contains("can be read by other users"), "\(shown.error)")
        #expect(shown.error.contains("chmod 600"), "\(shown.error)")
      }
    }
  }
}
