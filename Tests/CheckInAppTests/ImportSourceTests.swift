import Foundation
import Testing

@testable import CheckInApp

/// What `import` is pointed at: a missing file, a folder, or `-` for standard input — each said
/// for what it is, in one line.
@Suite("import: where the sheet comes from")
struct ImportSourceTests {
  @Test func aMissingFileAndAFolderAreSaidForWhatTheyAre() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let database = sandbox.path("gym/station.sqlite3")
    let missing = await sandbox.run(["import", sandbox.path("nope.csv"), "--db", database])
    #expect(missing.status == 1)
    #expect(missing.err.contains("There's no file"), "\(missing)")
    let folder = await sandbox.run(["import", sandbox.path(""), "--db", database])
    #expect(folder.status == 1)
    #expect(folder.err.contains("is a folder"), "\(folder)")
    #expect(folder.err.split(separator: "\n").count == 1, "\(folder)")
  }

  @Test func aDashReadsStandardInput() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let database = sandbox.path("gym/station.sqlite3")
    let text = SheetText.file(ImportGoodFileTests.goodRows, header: SheetText.fullHeader)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let result = await sandbox.run(["import", "-", "--db", database], input: lines)
    #expect(result.status == 0, "\(result)")
    #expect(result.out.contains("4 members added"), "\(result)")
  }
}
