import Foundation
import Testing

@testable import CheckInRemote

/// HTTP/1.1 answers as the station's own transport reads them, however the bytes arrive.
@Suite struct AnswerReaderTests {
  private func read(_ text: String, in pieces: Int = 1) -> (AnswerReader.Step, AnswerReader) {
    var reader = AnswerReader()
    let bytes = Array(text.utf8)
    let size = max(1, bytes.count / pieces)
    var step = AnswerReader.Step.needMore
    var offset = 0
    while offset < bytes.count {
      step = reader.take(bytes[offset..<min(bytes.count, offset + size)])
      offset += size
      if step != .needMore { break }
    }
    return (step, reader)
  }

  @Test(arguments: [1, 3, 17, 200])
  func aBodyOfKnownLengthEndsAtItsLength(pieces: Int) {
    let answer =
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n"
      + "Connection: close\r\n\r\n{\"a\": true}"
    #expect(read(answer, in: pieces).0 == .done(Data("{\"a\": true}".utf8), status: 200))
  }

  @Test(arguments: [1, 4, 50])
  func aChunkedBodyIsJoined(pieces: Int) {
    let answer =
      "HTTP/1.1 403 FORBIDDEN\r\nTransfer-Encoding: chunked\r\n\r\n"
      + "5\r\n{\"err\r\n6;ext=1\r\nor\": 1\r\n1\r\n}\r\n0\r\n\r\n"
    #expect(read(answer, in: pieces).0 == .done(Data("{\"error\": 1}".utf8), status: 403))
  }

  @Test func aBodyWithoutLengthEndsWhenTheServerCloses() {
    let (step, reader) = read("HTTP/1.0 500 INTERNAL SERVER ERROR\r\n\r\n{\"success\": false}")
    #expect(step == .needMore)
    let finished = reader.finishedByClose()
    #expect(finished?.0 == Data("{\"success\": false}".utf8) && finished?.1 == 500)
  }

  @Test func anAnswerCutShortIsNotAnAnswer() {
    let (step, reader) = read("HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n{\"partial")
    #expect(step == .needMore)
    #expect(reader.finishedByClose() == nil)
    #expect(read("HTTP/1.1 200 OK\r\nContent-Le").1.finishedByClose() == nil)
  }

  @Test(arguments: [
    "<html>hello</html>\r\n\r\n", "HTTP/1.1 abc OK\r\n\r\n", "SSH-2.0-OpenSSH\r\n\r\n",
  ])
  func whatIsNotHTTPIsSaidToBeUnreadable(_ text: String) {
    guard case .unreadable = read(text).0 else {
      Issue.record("\(text): \(read(text).0)")
      return
    }
  }

  @Test func aRedirectIsAnAnswerLikeAnyOther() {
    let answer =
      "HTTP/1.1 307 TEMPORARY REDIRECT\r\nLocation: http://x\r\nContent-Length: 0\r\n\r\n"
    #expect(read(answer).0 == .done(Data(), status: 307))
  }

  @Test(arguments: ["-1", "7fffffffffffffff", "+5", "zz", ""])
  func aChunkSizeThatIsNoSizeNeverEndsTheAnswer(_ size: String) {
    let answer = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\(size)\r\nabc\r\n0\r\n\r\n"
    let (step, reader) = read(answer)
    #expect(step == .needMore, "\(size)")
    #expect(reader.finishedByClose() == nil)
  }

  @Test func anInterimAnswerIsSkippedForTheRealOne() {
    let answer =
      "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
      + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"
    for pieces in [1, 5, 40] {
      #expect(read(answer, in: pieces).0 == .done(Data("{}".utf8), status: 200), "\(pieces)")
    }
  }
}
