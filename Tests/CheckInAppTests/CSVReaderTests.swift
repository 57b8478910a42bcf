import Testing

@testable import CheckInApp

@Suite("CSVReader")
struct CSVReaderTests {
  private func read(_ text: String) throws -> [CSVRecord] {
    try CSVReader.records(Array(text.utf8))
  }

  @Test func plainAndQuotedFields() throws {
    let records = try read("a,\"b,c\",d\n1,,\"\"\n")
    #expect(
      records == [
        CSVRecord(line: 1, fields: ["a", "b,c", "d"]),
        CSVRecord(line: 2, fields: ["1", "", ""]),
      ])
  }

  @Test func doubledQuotesAreOneQuote() throws {
    let records = try read(#""say ""hi""",x,"""""#)
    #expect(records == [CSVRecord(line: 1, fields: [#"say "hi""#, "x", #"""#])])
  }

  @Test func lineBreaksInsideQuotesKeepLaterLineNumbersRight() throws {
    let text = "h1,h2\n\"first\nsecond\nthird\",x\nnext,y\n\"a\r\nb\",z\r\nlast,w"
    let records = try read(text)
    #expect(
      records == [
        CSVRecord(line: 1, fields: ["h1", "h2"]),
        CSVRecord(line: 2, fields: ["first\nsecond\nthird", "x"]),
        CSVRecord(line: 5, fields: ["next", "y"]),
        CSVRecord(line: 6, fields: ["a\r\nb", "z"]),
        CSVRecord(line: 8, fields: ["last", "w"]),
      ])
  }

  @Test func crlfLineEndings() throws {
    let records = try read("a,b\r\nc,\"d\"\r\n\r\ne,f\r\n")
    #expect(
      records == [
        CSVRecord(line: 1, fields: ["a", "b"]),
        CSVRecord(line: 2, fields: ["c", "d"]),
        CSVRecord(line: 4, fields: ["e", "f"]),
      ])
  }

  @Test func aByteOrderMarkIsSkipped() throws {
    let records = try CSVReader.records([0xEF, 0xBB, 0xBF] + Array("member_id,x\n1,2\n".utf8))
    #expect(records.first?.fields == ["member_id", "x"])
    #expect(records.count == 2)
  }

  @Test func blankLinesAreSkippedButCounted() throws {
    let records = try read("\na\n\n\nb\n\n")
    #expect(records == [CSVRecord(line: 2, fields: ["a"]), CSVRecord(line: 5, fields: ["b"])])
  }

  @Test func theLastRecordNeedsNoLineBreak() throws {
    #expect(
      try read("a,b\nc,") == [
        CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 2, fields: ["c", ""]),
      ])
    #expect(try read("") == [])
  }

  @Test func nonASCIITextIsKept() throws {
    #expect(try read("أحمد السيد,王伟,Zoë\n").first?.fields == ["أحمد السيد", "王伟", "Zoë"])
  }

  @Test func anUnterminatedQuoteIsAnErrorAtTheLineItOpens() throws {
    let error = try #require(throws: CSVSyntaxError.self) {
      try read("a,b\nc,d\ne,\"open\nmore\nstill\n")
    }
    #expect(error.line == 3)
    #expect(error.message.contains("never closed"))
  }

  @Test func textAfterAClosingQuoteIsAnError() throws {
    let error = try #require(throws: CSVSyntaxError.self) {
      try read("a,b\n\"x\ny\",ok\n\"quoted\"tail,z\n")
    }
    #expect(error.line == 4)
    #expect(error.message.contains("after a closing quote"))
  }

  @Test func invalidUTF8FlagsItsRowWithItsLine() throws {
    let bytes =
      Array("h1,h2\n\"multi\nline\",ok\n".utf8) + [0x62, 0x61, 0xFF, 0x64, 0x2C, 0x31, 0x0A]
      + Array("fine,2\n".utf8)
    let records = try CSVReader.records(bytes)
    try #require(records.count == 4)
    #expect(records[1] == CSVRecord(line: 2, fields: ["multi\nline", "ok"]))
    #expect(records[2].line == 4)
    #expect(records[2].fields.isEmpty)
    #expect(records[2].problem?.contains("UTF-8") == true)
    #expect(records[3] == CSVRecord(line: 5, fields: ["fine", "2"]))
  }
}
