import Testing

@testable import CheckInUI

/// What each terminal family sends for F1…F12 after ESC, in order (the bytes PuTTY's manual,
/// terminfo and the emulators document).
private enum Families {
  static let xterm = [
    "OP", "OQ", "OR", "OS", "[15~", "[17~", "[18~", "[19~", "[20~", "[21~", "[23~", "[24~",
  ]
  /// PuTTY's default "ESC[n~" mode, its VT400 mode, rxvt and urxvt.
  static let puttyDefault = [
    "[11~", "[12~", "[13~", "[14~", "[15~", "[17~", "[18~", "[19~", "[20~", "[21~", "[23~",
    "[24~",
  ]
  /// The Linux console and PuTTY's "Linux" mode.
  static let linux = [
    "[[A", "[[B", "[[C", "[[D", "[[E", "[17~", "[18~", "[19~", "[20~", "[21~", "[23~", "[24~",
  ]
  static let puttySCO = ["[M", "[N", "[O", "[P", "[Q", "[R", "[S", "[T", "[U", "[V", "[W", "[X"]
  static let puttyVT100Plus = [
    "OP", "OQ", "OR", "OS", "OT", "OU", "OV", "OW", "OX", "OY", "OZ", "O[",
  ]
  /// VT220: F1–F5 are local keys that send nothing, so F6 is the first.
  static let vt220 = ["[17~", "[18~", "[19~", "[20~", "[21~", "[23~", "[24~"]
  /// VT100: PF1–PF4 only.
  static let vt100 = ["OP", "OQ", "OR", "OS"]

  static let cursorAndEditing: [(String, KeyEvent)] = [
    ("[A", .up), ("[B", .down), ("[C", .right), ("[D", .left),
    ("OA", .up), ("OB", .down), ("OC", .right), ("OD", .left),
    ("[H", .home), ("OH", .home), ("[1~", .home), ("[7~", .home),
    ("[F", .end), ("OF", .end), ("[4~", .end), ("[8~", .end),
    ("[3~", .delete), ("[5~", .pageUp), ("[6~", .pageDown), ("[Z", .backTab),
    ("OM", .enter), ("Op", .character("0")), ("Ot", .character("4")), ("Oy", .character("9")),
    ("Om", .character("-")),
  ]

  /// Shift, Ctrl or Alt with a key: xterm, the same with an SS3 sequence, rxvt, PuTTY SCO.
  static let modified = [
    "[1;2P", "[1;5S", "[15;5~", "[24;2~", "[1;5A", "[1;2H", "O2P", "[11^", "[Y", "[k",
  ]
}

/// Decoding what terminals send, escape sequences included (times are given, never measured:
/// seconds on a made-up monotonic clock).
@Suite struct KeyDecoderTests {
  static let esc = "\u{1B}"

  /// Feeds `text` one scalar every `step` seconds from `start`; returns the keys, never flushing.
  static func feed(
    _ text: String, into decoder: inout KeyDecoder, from start: Double = 0, step: Double = 0.001
  ) -> [KeyEvent] {
    var keys: [KeyEvent] = []
    for (index, scalar) in text.unicodeScalars.enumerated() {
      keys += decoder.feed(scalar, at: start + Double(index) * step)
    }
    return keys
  }

  /// Decodes ESC and `sequence` with a fresh decoder, expecting nothing left held: a known
  /// sequence completes on its final byte, without waiting for a deadline.
  static func decodeSequence(_ sequence: String) -> [KeyEvent] {
    var decoder = KeyDecoder()
    let keys = feed(esc + sequence, into: &decoder)
    #expect(decoder.deadline == nil, "nothing left held after \(sequence)")
    return keys
  }

  static func characters(_ text: String) -> [KeyEvent] {
    text.map { .character($0) }
  }

  // MARK: Function keys, one table per family

  @Test(arguments: zip(Families.xterm, 1...12))
  func xtermVTEAndTmux(sequence: String, number: Int) {
    #expect(Self.decodeSequence(sequence) == [.function(number)])
  }

  @Test(arguments: zip(Families.puttyDefault, 1...12))
  func puttyDefaultVT400AndRxvt(sequence: String, number: Int) {
    #expect(Self.decodeSequence(sequence) == [.function(number)])
  }

  @Test(arguments: zip(Families.linux, 1...12))
  func linuxConsoleAndPuTTYLinuxMode(sequence: String, number: Int) {
    #expect(Self.decodeSequence(sequence) == [.function(number)])
  }

  @Test(arguments: zip(Families.puttySCO, 1...12))
  func puttySCOMode(sequence: String, number: Int) {
    #expect(Self.decodeSequence(sequence) == [.function(number)])
  }

  @Test(arguments: zip(Families.puttyVT100Plus, 1...12))
  func puttyVT100PlusMode(sequence: String, number: Int) {
    #expect(Self.decodeSequence(sequence) == [.function(number)])
  }

  @Test(arguments: zip(Families.vt220, 6...12))
  func vt220(sequence: String, number: Int) {
    #expect(Self.decodeSequence(sequence) == [.function(number)])
  }

  @Test(arguments: zip(Families.vt100, 1...4))
  func vt100ProgrammableFunctionKeys(sequence: String, number: Int) {
    #expect(Self.decodeSequence(sequence) == [.function(number)])
  }

  /// Modified keys are dropped whole rather than taken as the plain key; the next key is intact.
  @Test(arguments: Families.modified)
  func modifiedKeysAreDropped(sequence: String) {
    var decoder = KeyDecoder()
    #expect(Self.feed(Self.esc + sequence + "k", into: &decoder) == [.character("k")])
    #expect(decoder.deadline == nil)
  }

  /// rxvt's Shift-F6 ends in `$`, an intermediate byte by ECMA-48: the sequence waits for a
  /// final byte that never comes, so it is dropped whole at its deadline, not typed as `$`.
  @Test func rxvtShiftedKeyIsDroppedAtItsDeadline() {
    var decoder = KeyDecoder()
    #expect(Self.feed(Self.esc + "[17$", into: &decoder) == [])
    #expect(decoder.deadline != nil)
    #expect(decoder.flush(at: 1) == [])
    #expect(decoder.feed("k", at: 1.2) == [.character("k")])
  }

  // MARK: Cursor and editing keys

  @Test(arguments: Families.cursorAndEditing)
  func cursorAndEditingKeys(sequence: String, key: KeyEvent) {
    #expect(Self.decodeSequence(sequence) == [key])
  }

  /// Insert has no `KeyEvent`: it is dropped, not typed as `2~`.
  @Test func insertIsDropped() {
    var decoder = KeyDecoder()
    #expect(Self.feed(Self.esc + "[2~x", into: &decoder) == [.character("x")])
  }

  // MARK: Esc and Alt

  @Test func aLoneEscapeIsEscOnlyOnceItsDeadlinePasses() {
    var decoder = KeyDecoder(escapeDelay: 0.05)
    #expect(decoder.deadline == nil)
    #expect(decoder.feed("\u{1B}", at: 3) == [])
    #expect(decoder.deadline == 3 + 0.05)
    #expect(decoder.flush(at: 3.01) == [], "before the deadline, it may yet start a sequence")
    #expect(decoder.flush(at: 3.049) == [])
    #expect(decoder.flush(at: 3 + 0.05) == [.escape], "due at the deadline itself")
    #expect(decoder.deadline == nil)
    #expect(decoder.flush(at: 4) == [], "resolved once only")
  }

  /// The loop didn't flush: a key long after Esc is Esc then that key, not Alt plus the key.
  @Test func aKeyLongAfterEscapeIsEscapeThenTheKey() {
    var decoder = KeyDecoder()
    #expect(decoder.feed("\u{1B}", at: 1) == [])
    #expect(decoder.feed("a", at: 2) == [.escape, .character("a")])
    #expect(decoder.deadline == nil)
  }

  @Test func escapeEscapeIsEscThenAFreshStart() {
    var decoder = KeyDecoder()
    #expect(Self.feed(Self.esc + Self.esc, into: &decoder) == [.escape])
    #expect(decoder.deadline != nil, "the second ESC is held")
    #expect(decoder.flush(at: 1) == [.escape])
    // PuTTY's Alt+F6 and Alt+Up: ESC before the key's own sequence.
    #expect(
      Self.feed(Self.esc + Self.esc + "[17~", into: &decoder, from: 2) == [
        .escape, .function(6),
      ])
    #expect(Self.feed(Self.esc + Self.esc + "[A", into: &decoder, from: 3) == [.escape, .up])
  }

  @Test func altLetterIsDroppedWhole() {
    var decoder = KeyDecoder()
    #expect(Self.feed(Self.esc + "x", into: &decoder) == [])
    #expect(decoder.deadline == nil)
    #expect(Self.feed(Self.esc + "\r" + "ab", into: &decoder, from: 1) == Self.characters("ab"))
  }

  // MARK: Unknown, split, unfinished and garbage sequences

  @Test func unknownSequencesAreDroppedWholeAndTextAfterThemDecoded() {
    var decoder = KeyDecoder()
    #expect(Self.feed(Self.esc + "[99~abc", into: &decoder) == Self.characters("abc"))
    // A device-attributes report: `?` is a parameter byte, `c` the final.
    #expect(Self.feed(Self.esc + "[?1;2cOK", into: &decoder, from: 1) == Self.characters("OK"))
    #expect(Self.feed(Self.esc + "O~1", into: &decoder, from: 2) == Self.characters("1"))
    #expect(decoder.deadline == nil)
  }

  /// The deadline counts from the last scalar: the first was 80 ms before the end, yet each
  /// piece came within 50 ms of the one before.
  @Test func aSequenceSplitAcrossReadsCompletes() {
    var decoder = KeyDecoder(escapeDelay: 0.05)
    #expect(Self.feed(Self.esc + "[1", into: &decoder, from: 0) == [])
    #expect(decoder.feed("5", at: 0.04) == [])
    #expect(decoder.deadline == 0.04 + 0.05)
    #expect(decoder.feed("~", at: 0.08) == [.function(5)])
    #expect(Self.feed(Self.esc + "[", into: &decoder, from: 1) == [])
    #expect(Self.feed("24~", into: &decoder, from: 1.011) == [.function(12)], "10 ms later")
  }

  @Test func anUnfinishedSequenceIsDroppedAtItsDeadline() {
    var decoder = KeyDecoder(escapeDelay: 0.05)
    #expect(Self.feed(Self.esc + "[15", into: &decoder, from: 0) == [])
    #expect(decoder.flush(at: 0.02) == [])
    #expect(decoder.flush(at: 0.1) == [], "dropped, not Esc")
    #expect(decoder.deadline == nil)
    #expect(Self.feed("~x", into: &decoder, from: 0.2, step: 0.2) == Self.characters("~x"))
    // Not flushed by the loop: the stale prefix goes when the next key comes, which is intact.
    #expect(Self.feed(Self.esc + "O", into: &decoder, from: 1) == [])
    #expect(decoder.feed("A", at: 1.5) == [.character("A")])
  }

  /// Over-long garbage is dropped to its final byte: none of it is typed.
  @Test func overLongGarbageIsDropped() {
    var decoder = KeyDecoder()
    let digits = String(repeating: "1", count: 40)
    #expect(Self.feed(Self.esc + "[" + digits + "~ok", into: &decoder) == Self.characters("ok"))
    #expect(decoder.deadline == nil)
    // ESC inside the garbage starts a new sequence.
    #expect(
      Self.feed(Self.esc + "[" + digits + Self.esc + "[B", into: &decoder, from: 1) == [.down])
    // Garbage of parameters and intermediates alone: dropped at the deadline, nothing typed.
    #expect(Self.feed(Self.esc + "[" + digits + "; $", into: &decoder, from: 2) == [])
    #expect(decoder.flush(at: 3) == [])
    #expect(Self.feed("5", into: &decoder, from: 4) == Self.characters("5"))
  }

  /// A scalar that can't belong to a sequence is dropped with it; ESC starts a new one instead.
  @Test func aForeignScalarEndsTheSequence() {
    var decoder = KeyDecoder()
    #expect(Self.feed(Self.esc + "[1\r" + "a", into: &decoder) == Self.characters("a"))
    #expect(Self.feed(Self.esc + "[1" + Self.esc + "[C", into: &decoder, from: 1) == [.right])
    // A parameter after an intermediate is malformed, yet still ends at its final byte.
    #expect(Self.feed(Self.esc + "[1$2~z", into: &decoder, from: 2) == Self.characters("z"))
  }

  // MARK: Plain scalars

  @Test func controlKeys() {
    var decoder = KeyDecoder()
    #expect(
      Self.feed("\r\n\t\u{7F}\u{08}\u{03}", into: &decoder) == [
        .enter, .enter, .tab, .backspace, .backspace, .control("c"),
      ])
    #expect(Self.feed("\u{00}\u{1C}", into: &decoder, from: 1) == [], "codes with no key")
  }

  @Test func arabicTextPassesThrough() {
    var decoder = KeyDecoder()
    let text = "سلمى ١٢٣"
    #expect(
      Self.feed(text, into: &decoder) == text.unicodeScalars.map { .character(Character($0)) })
    #expect(Self.feed("a1 [O~", into: &decoder, from: 1) == Self.characters("a1 [O~"))
  }
}
