import Foundation
import Testing

@testable import CheckInUI

/// Golden pictures of frames: the frame's lines as text, compared with a file in `Snapshots/`.
///
/// A mismatch is reported as a line diff, so a failure reads like the screen it is about. Set
/// `CHECKIN_RECORD_SNAPSHOTS=1` to write missing or changed pictures; the test still fails then,
/// so a recording never passes unnoticed (in CI a missing picture is simply a failure).
enum Snapshot {
  /// SwiftPM warns about any file in a target it has no rule for, and the package can't declare
  /// this folder; `docc` is the one extension it ignores without a word. The files are plain text.
  static let fileExtension = "txt"

  /// `Tests/CheckInUITests/Snapshots`, found from this file so any working directory works.
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Snapshots", isDirectory: true)

  static var isRecording: Bool {
    ProcessInfo.processInfo.environment["CHECKIN_RECORD_SNAPSHOTS"] == "1"
  }

  /// The picture of `frame` as stored: its lines joined by newlines, with a final newline.
  static func picture(of frame: ScreenBuffer) -> String {
    frame.lines.joined(separator: "\n") + "\n"
  }

  static func url(named name: String, size: Size) -> URL {
    directory.appendingPathComponent("\(name)-\(size.width)x\(size.height).\(fileExtension)")
  }

  /// Compares `frame` with the golden picture `name` at the frame's size.
  static func expect(
    _ frame: ScreenBuffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let url = url(named: name, size: frame.size)
    let actual = picture(of: frame)
    let expected = try? String(contentsOf: url, encoding: .utf8)
    if expected == actual { return }
    if isRecording {
      do {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record(
          "Recorded \(url.lastPathComponent); run again without CHECKIN_RECORD_SNAPSHOTS to check it",
          sourceLocation: sourceLocation)
      } catch {
        Issue.record("Can't record \(url.path): \(error)", sourceLocation: sourceLocation)
      }
      return
    }
    guard let expected else {
      Issue.record(
        """
        No golden picture \(url.lastPathComponent) (set CHECKIN_RECORD_SNAPSHOTS=1 to record it). \
        The frame:
        \(actual)
        """, sourceLocation: sourceLocation)
      return
    }
    Issue.record(
      """
      \(url.lastPathComponent) differs (- expected, + actual; | marks the line's ends):
      \(LineDiff.describe(expected: expected, actual: actual))
      """, sourceLocation: sourceLocation)
  }
}

/// A line-by-line comparison of two pictures of the same screen.
enum LineDiff {
  /// The lines that differ, each as `-NN|expected|` and `+NN|actual|` with its 1-based number;
  /// empty when the texts are equal. Screens are grids, so lines are compared by position.
  static func describe(expected: String, actual: String) -> String {
    let old = lines(of: expected)
    let new = lines(of: actual)
    var report: [String] = []
    for index in 0..<max(old.count, new.count) {
      let before = index < old.count ? old[index] : nil
      let after = index < new.count ? new[index] : nil
      if before == after { continue }
      let number = String(index + 1)
      let padded = String(repeating: " ", count: max(0, 3 - number.count)) + number
      if let before { report.append("-\(padded)|\(before)|") }
      if let after { report.append("+\(padded)|\(after)|") }
    }
    if old.count != new.count {
      report.append("(expected \(old.count) lines, got \(new.count))")
    }
    return report.joined(separator: "\n")
  }

  private static func lines(of text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }
}
