import Foundation
import Synchronization

@testable import CheckInApp

/// Collects what one run of the program writes and feeds it standard input, from any thread.
final class Transcript: Sendable {
  private struct Streams {
    var out = ""
    var err = ""
    var input: [String]
  }

  private let streams: Mutex<Streams>
  private let errorIsTerminal: Bool

  init(input: [String] = [], errorIsTerminal: Bool = false) {
    streams = Mutex(Streams(input: input))
    self.errorIsTerminal = errorIsTerminal
  }

  var out: String { streams.withLock { $0.out } }
  var err: String { streams.withLock { $0.err } }

  /// A console whose streams land in this transcript.
  var console: Console {
    Console(
      out: { text in self.streams.withLock { $0.out += text } },
      err: { text in self.streams.withLock { $0.err += text } },
      readLine: {
        self.streams.withLock { streams in
          streams.input.isEmpty ? nil : streams.input.removeFirst()
        }
      },
      errorIsTerminal: errorIsTerminal)
  }
}

/// How one run of `checkin` ended.
struct RunResult: CustomStringConvertible {
  let status: Int32
  let out: String
  let err: String

  /// Standard output's lines, without empty ones.
  var lines: [String] { out.split(separator: "\n").map(String.init) }

  var description: String { "status \(status)\n--- stdout\n\(out)--- stderr\n\(err)" }
}
