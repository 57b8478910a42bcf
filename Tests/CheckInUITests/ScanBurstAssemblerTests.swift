import Testing

@testable import CheckInUI

/// Telling a keyboard-wedge scanner from a person by the timing of the keys (times are given,
/// never measured: seconds on a made-up monotonic clock).
@Suite struct ScanBurstAssemblerTests {
  typealias Output = ScanBurstAssembler.Output

  /// Feeds `text` one character every `step` seconds from `start`; returns all output.
  static func type(
    _ text: String, into assembler: inout ScanBurstAssembler, from start: Double, step: Double
  ) -> [Output] {
    var output: [Output] = []
    for (index, character) in text.enumerated() {
      output += assembler.feed(.character(character), at: start + Double(index) * step)
    }
    return output
  }

  static func keys(_ text: String) -> [Output] {
    text.map { .key(.character($0)) }
  }

  @Test func aFortyCharacterBurstWithEnterIsOneScan() {
    var assembler = ScanBurstAssembler()
    let code = "GYM-115-9F3A0C1B-" + String(repeating: "7", count: 23)
    #expect(code.count == 40)
    let during = Self.type(code, into: &assembler, from: 10, step: 0.002)
    #expect(during.isEmpty, "nothing is released while the burst goes on")
    #expect(assembler.feed(.enter, at: 10.082) == [.scan(code)])
    #expect(assembler.deadline == nil)
    #expect(assembler.flushIfStale(at: 11).isEmpty)
  }

  /// "12" typed in a burst into an open dialog must not answer it: a code holding 1 and 2 is a scan.
  @Test func aCodeWithDigitsNeverLeaksKeys() {
    var assembler = ScanBurstAssembler()
    let output = Self.type("1212", into: &assembler, from: 0, step: 0.001)
    #expect(output.isEmpty)
    #expect(assembler.feed(.enter, at: 0.004) == [.scan("1212")])
  }

  @Test func slowTypingIsReleasedAsKeysAfterTheGap() {
    var assembler = ScanBurstAssembler()
    #expect(assembler.feed(.character("a"), at: 0).isEmpty)
    #expect(assembler.feed(.character("b"), at: 0.2) == Self.keys("a"))
    #expect(assembler.flushIfStale(at: 0.21).isEmpty, "still within the gap")
    #expect(assembler.flushIfStale(at: 0.3) == Self.keys("b"))
    #expect(assembler.deadline == nil)
  }

  @Test func aLongBurstWithoutEnterIsAScan() {
    var assembler = ScanBurstAssembler()
    #expect(Self.type("GYM-115", into: &assembler, from: 5, step: 0.003).isEmpty)
    #expect(assembler.flushIfStale(at: 5.1) == [.unterminatedScan("GYM-115")])
  }

  @Test func sixCharactersAreEnoughForAScan() {
    var assembler = ScanBurstAssembler()
    _ = Self.type("ABCDEF", into: &assembler, from: 0, step: 0.001)
    #expect(assembler.flushIfStale(at: 1) == [.unterminatedScan("ABCDEF")])
    var shorter = ScanBurstAssembler()
    _ = Self.type("ABCDE", into: &shorter, from: 0, step: 0.001)
    #expect(shorter.flushIfStale(at: 1) == [.text("ABCDE")])
  }

  /// Two keys 10 ms apart are no person's commands: a short scan that sent no Enter, or a lagging
  /// SSH link delivering typing in one packet. They are text, so `1` never answers a dialog.
  @Test func aShortBurstWithoutEnterIsText() {
    var assembler = ScanBurstAssembler()
    _ = Self.type("12", into: &assembler, from: 0, step: 0.01)
    #expect(assembler.flushIfStale(at: 0.5) == [.text("12")])
  }

  /// A person's keys, 100 ms apart, each come out as the key it was.
  @Test func keysAPersonPressesStayKeys() {
    var assembler = ScanBurstAssembler()
    var output = Self.type("12", into: &assembler, from: 0, step: 0.1)
    output += assembler.flushIfStale(at: 0.5)
    #expect(output == Self.keys("12"))
  }

  @Test func aNewKeyAfterThePauseReleasesTheOldOnesFirst() {
    var assembler = ScanBurstAssembler()
    _ = Self.type("1", into: &assembler, from: 0, step: 0)
    let output = Self.type("GYM-2", into: &assembler, from: 1, step: 0.002)
    #expect(output == Self.keys("1"))
    #expect(assembler.feed(.enter, at: 1.01) == [.scan("GYM-2")])
  }

  @Test func escAndArrowsReleasePendingKeysFirst() {
    var assembler = ScanBurstAssembler()
    _ = Self.type("ab", into: &assembler, from: 0, step: 0.001)
    #expect(assembler.feed(.escape, at: 0.002) == Self.keys("ab") + [.key(.escape)])
    _ = Self.type("c", into: &assembler, from: 1, step: 0)
    #expect(assembler.feed(.down, at: 1.001) == Self.keys("c") + [.key(.down)])
    #expect(assembler.feed(.function(8), at: 2) == [.key(.function(8))])
    #expect(assembler.deadline == nil)
  }

  /// Enter after a single character is a person pressing two keys, not a scan.
  @Test func enterAfterOneCharacterIsKeys() {
    var assembler = ScanBurstAssembler()
    _ = Self.type("2", into: &assembler, from: 0, step: 0)
    #expect(assembler.feed(.enter, at: 0.01) == Self.keys("2") + [.key(.enter)])
    #expect(assembler.feed(.enter, at: 1) == [.key(.enter)])
  }

  @Test func theDeadlineIsTheLastKeyPlusTheGap() {
    // Binary fractions, so the sums are exact.
    var assembler = ScanBurstAssembler(gap: 0.0625)
    #expect(assembler.deadline == nil)
    _ = assembler.feed(.character("x"), at: 3)
    #expect(assembler.deadline == 3.0625)
    _ = assembler.feed(.character("y"), at: 3.03125)
    #expect(assembler.deadline == 3.09375)
    _ = assembler.flushIfStale(at: 4)
    #expect(assembler.deadline == nil)
  }

  @Test func theThresholdsAreSettings() {
    var assembler = ScanBurstAssembler(gap: 0.5, minimumUnterminatedLength: 3)
    _ = Self.type("abc", into: &assembler, from: 0, step: 0.3)
    #expect(assembler.flushIfStale(at: 0.7).isEmpty, "0.3 s apart is still one burst here")
    #expect(assembler.flushIfStale(at: 2) == [.unterminatedScan("abc")])
  }
}
