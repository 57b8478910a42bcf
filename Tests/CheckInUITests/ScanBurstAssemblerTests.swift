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

  /// Typed keys reach the field at once; a scanner's Enter makes its burst alone the scan.
  @Test func aBurstIsPassedOnAtOnceAndItsEnterMakesItAScan() {
    var assembler = ScanBurstAssembler()
    let code = "GYM-115-9F3A0C1B-" + String(repeating: "7", count: 23)
    let during = Self.type(code, into: &assembler, from: 10, step: 0.002)
    #expect(during == Self.keys(code), "each key shows as it comes")
    #expect(assembler.feed(.enter, at: 10.082) == [.scan(code)])
    #expect(assembler.deadline == nil)
    #expect(assembler.flushIfStale(at: 11).isEmpty)
  }

  /// Where the caller holds keys (a text prompt, a command key on an empty field), a burst ending
  /// in Enter or Tab comes out whole as a scan, however short.
  @Test func aHeldBurstIsOneScanWithAnyTerminator() {
    for terminator: KeyEvent in [.enter, .tab] {
      for code in ["2", "q1", "GYM-115", "customer_id:115"] {
        var assembler = ScanBurstAssembler()
        var output: [Output] = []
        for (index, character) in code.enumerated() {
          output += assembler.feed(.character(character), at: Double(index) * 0.003, hold: 1)
        }
        #expect(output.isEmpty, "\(code): nothing leaks while the burst goes on")
        let end = Double(code.count) * 0.003
        #expect(assembler.feed(terminator, at: end) == [.scan(code)], "\(code) \(terminator)")
      }
    }
  }

  /// In a text prompt a person's last key and Enter may come together: too few held keys for a
  /// code are given back as keys, then the Enter.
  @Test func aPromptsLastKeyAndEnterAreKeys() {
    var assembler = ScanBurstAssembler()
    _ = assembler.feed(.character("9"), at: 0, hold: 3)
    #expect(assembler.feed(.enter, at: 0.01) == [.key(.character("9")), .key(.enter)])
    for (index, character) in "GYM-1".enumerated() {
      _ = assembler.feed(.character(character), at: 1 + Double(index) * 0.002, hold: 3)
    }
    #expect(assembler.feed(.enter, at: 1.01) == [.scan("GYM-1")])
  }

  /// CR LF (or LF CR): the second terminator belongs to the same code, never to the dialog the
  /// code opens.
  @Test func aDoubledTerminatorIsSwallowed() {
    var assembler = ScanBurstAssembler()
    _ = Self.type("115", into: &assembler, from: 0, step: 0.002)
    #expect(assembler.feed(.enter, at: 0.006) == [.scan("115")])
    #expect(assembler.feed(.enter, at: 0.008) == [], "the LF of CR LF")
    #expect(assembler.feed(.enter, at: 0.5) == [.key(.enter)], "a person's Enter later")
  }

  /// Tab ends a burst like Enter; after one or two quick keys (a short code, or a typist's
  /// last key and Enter together) the field as typed is submitted.
  @Test func tabEndsACodeLikeEnter() {
    var assembler = ScanBurstAssembler()
    _ = Self.type("115", into: &assembler, from: 0, step: 0.002)
    #expect(assembler.feed(.tab, at: 0.006) == [.scan("115")])
    _ = Self.type("12", into: &assembler, from: 0.5, step: 0.002)
    #expect(assembler.feed(.tab, at: 0.504) == [.key(.enter)])
    #expect(assembler.feed(.tab, at: 1) == [.key(.tab)], "a lone Tab stays a Tab")
  }

  @Test func slowTypingIsKeysAndNothingMore() {
    var assembler = ScanBurstAssembler()
    var output = Self.type("1150", into: &assembler, from: 0, step: 0.2)
    output += assembler.flushIfStale(at: 2)
    #expect(output == Self.keys("1150"))
    #expect(assembler.feed(.enter, at: 2.1) == [.key(.enter)])
  }

  /// A scanner set to send no suffix: after the gap, the burst is repeated as a scan.
  @Test func aLongBurstWithoutSuffixIsAScan() {
    var assembler = ScanBurstAssembler()
    #expect(Self.type("GYM-115", into: &assembler, from: 5, step: 0.003) == Self.keys("GYM-115"))
    #expect(assembler.flushIfStale(at: 5.02).isEmpty, "still within the gap")
    #expect(assembler.flushIfStale(at: 5.1) == [.unterminatedScan("GYM-115")])
    var short = ScanBurstAssembler()
    _ = Self.type("11", into: &short, from: 0, step: 0.003)
    #expect(short.flushIfStale(at: 1).isEmpty, "two keys are typing, not a code")
    var kiosk = ScanBurstAssembler(minimumUnterminatedLength: 1)
    _ = Self.type("7", into: &kiosk, from: 0, step: 0)
    #expect(kiosk.flushIfStale(at: 1) == [.unterminatedScan("7")], "a kiosk has no keys")
  }

  @Test func heldKeysThatStopAreTextOrTheKeyItself() {
    var assembler = ScanBurstAssembler()
    _ = assembler.feed(.character("q"), at: 0, hold: 1)
    #expect(assembler.flushIfStale(at: 1) == [.key(.character("q"))], "a lone q is the command")
    _ = assembler.feed(.character("t"), at: 2, hold: 1)
    _ = assembler.feed(.character("1"), at: 2.003)
    #expect(assembler.flushIfStale(at: 3) == [.text("t1")], "a short burst is text, never q/t")
    for (index, character) in "ABC".enumerated() {
      _ = assembler.feed(.character(character), at: 4 + Double(index) * 0.001, hold: 1)
    }
    #expect(assembler.flushIfStale(at: 5) == [.unterminatedScan("ABC")])
  }

  @Test func otherKeysReleaseHeldKeysFirst() {
    var assembler = ScanBurstAssembler()
    _ = assembler.feed(.character("a"), at: 0, hold: 1)
    _ = assembler.feed(.character("b"), at: 0.001)
    #expect(assembler.feed(.escape, at: 0.002) == Self.keys("ab") + [.key(.escape)])
    #expect(assembler.feed(.function(8), at: 2) == [.key(.function(8))])
    #expect(assembler.deadline == nil)
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
