import Foundation
import Testing

@testable import CheckInApp

/// `scan --stdin` takes codes as scanners end them, whatever pieces the input arrives in.
@Suite struct CodeReaderTests {
  private func tokens(_ input: String, pieces: Int = 1) -> [CodeReader.Token] {
    let bytes = Array(input.utf8)
    let size = max(1, bytes.count / pieces)
    var chunks = stride(from: 0, to: bytes.count, by: size).map {
      Array(bytes[$0..<min(bytes.count, $0 + size)])
    }
    let source = Chunks(chunks)
    chunks = []
    var reader = CodeReader(read: { source.next() })
    var found: [CodeReader.Token] = []
    while let token = reader.next() { found.append(token) }
    return found
  }

  @Test(arguments: [1, 2, 7, 100])
  func everyScannerEndingEndsACode(pieces: Int) {
    let input = "GYM-1\rGYM-2\nGYM-3\r\nGYM-4\tGYM-5\t\r\n\n   \nGYM-6"
    #expect(
      tokens(input, pieces: pieces)
        == ["GYM-1", "GYM-2", "GYM-3", "GYM-4", "GYM-5", "GYM-6"].map(CodeReader.Token.code))
  }

  @Test func aRunawayLineIsOneOverlongTokenAndTheNextCodeStillCounts() {
    let long = String(repeating: "x", count: 100_000)
    #expect(
      tokens("GYM-1\n\(long)\nGYM-2\n", pieces: 50)
        == [.code("GYM-1"), .overlong(bytes: 100_000), .code("GYM-2")])
    #expect(tokens(long, pieces: 9) == [.overlong(bytes: 100_000)])
  }

  @Test func anInputStoppedMidCodeDropsThatCode() {
    let source = Chunks([Array("GYM-2\nGYM-1".utf8)])
    var reader = CodeReader(read: { source.next() }, stopped: { true })
    #expect(reader.next() == .code("GYM-2"))
    #expect(reader.next() == nil, "GYM-1 may be the start of GYM-13")
    let ended = Chunks([Array("GYM-2\nGYM-1".utf8)])
    var atTheEnd = CodeReader(read: { ended.next() })
    #expect(atTheEnd.next() == .code("GYM-2"))
    #expect(atTheEnd.next() == .code("GYM-1"), "a real end of input ends the last code")
  }

  @Test func nothingButBlankLinesIsNothing() {
    #expect(tokens("\n\r\n\t \n").isEmpty)
    #expect(tokens("").isEmpty)
  }
}

/// Hands out chunks one by one, from any thread.
private final class Chunks: @unchecked Sendable {
  private var chunks: [[UInt8]]
  private let lock = NSLock()

  init(_ chunks: [[UInt8]]) { self.chunks = chunks }

  func next() -> [UInt8]? {
    lock.withLock { chunks.isEmpty ? nil : chunks.removeFirst() }
  }
}
