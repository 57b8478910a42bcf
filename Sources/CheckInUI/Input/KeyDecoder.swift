/// Turns the scalars a raw-mode terminal sends into keys, decoding escape sequences itself.
///
/// ncurses runs with `keypad(FALSE)` because its terminfo decoding trusts TERM, and TERM lies:
/// PuTTY says `xterm` yet sends `ESC [11~` for F1, and its Linux, SCO and VT100+ modes send still
/// other sequences. So the decoder knows every family's sequences at once (see `sequences`), and
/// it reads any other sequence whole so that it is dropped as one unknown key — never typed as
/// text into a search field, never taken as Esc closing a dialog.
///
/// Escape sequences follow ECMA-48: `ESC [` (CSI) or `ESC O` (SS3), parameter bytes 0x30–0x3F,
/// intermediate bytes 0x20–0x2F, then one final byte 0x40–0x7E. A lone ESC is the Esc key only
/// once `escapeDelay` has passed with nothing after it; ESC followed by another key is Alt plus
/// that key, which the station doesn't use, so it is dropped.
public struct KeyDecoder: Sendable {
  /// Where the decoder is within an escape sequence.
  private enum State: Sendable {
    /// Nothing held: each scalar is a key of its own.
    case ground
    /// An ESC is held: the Esc key, or the start of a sequence.
    case escape
    /// `ESC [` or `ESC O` and what followed are held, in `body`.
    case sequence
    /// A sequence known to be garbage is being read to its final byte, keeping nothing.
    case skipping
  }

  /// The longest prefix held, ESC included. The longest known key is five scalars
  /// (`ESC [ 2 4 ~`) and a modified xterm key is seven, so anything longer is garbage; a bound
  /// keeps a stream of it from growing the held prefix without end.
  static let maximumLength = 16

  static let escapeScalar: Unicode.Scalar = "\u{1B}"

  /// How long a held prefix waits for the rest, in seconds. Over SSH a sequence may arrive
  /// split across reads, so this must cover a network hiccup, yet stay short enough that Esc
  /// still feels immediate.
  public let escapeDelay: Double
  private var state = State.ground
  /// What followed ESC in the held sequence, introducer included: `[1` while F5's `[15~` arrives.
  private var body = ""
  /// When the last scalar arrived: a held prefix's deadline counts from its *last* scalar, so a
  /// sequence split across reads still completes.
  private var lastAt = 0.0

  /// escapeDelay: how long a lone ESC (or an unfinished sequence) waits for the rest, in seconds.
  public init(escapeDelay: Double = 0.05) {
    self.escapeDelay = escapeDelay
  }

  /// Feeds one scalar read at `time` (seconds on a monotonic clock); returns the keys it completes.
  public mutating func feed(_ scalar: Unicode.Scalar, at time: Double) -> [KeyEvent] {
    // A prefix that outlived its deadline is resolved first: the loop may not have woken for it,
    // and a key pressed a second after Esc is Esc and that key, not Alt plus the key.
    var keys = flush(at: time)
    keys += step(scalar)
    lastAt = time
    return keys
  }

  /// When a held prefix must be resolved if nothing else arrives (nil when nothing is held).
  public var deadline: Double? {
    state == .ground ? nil : lastAt + escapeDelay
  }

  /// Resolves a held prefix whose deadline has passed at `time`: a lone ESC becomes `.escape`;
  /// an unfinished sequence is dropped. Returns nothing when nothing is due.
  ///
  /// The prefix is due at the deadline itself, so a loop that sleeps until `deadline` and then
  /// flushes always makes progress instead of waking again and again at the same instant.
  public mutating func flush(at time: Double) -> [KeyEvent] {
    guard let deadline, time >= deadline else { return [] }
    let keys: [KeyEvent] = state == .escape ? [.escape] : []
    reset()
    return keys
  }

  private mutating func step(_ scalar: Unicode.Scalar) -> [KeyEvent] {
    switch state {
    case .ground:
      if scalar == Self.escapeScalar {
        state = .escape
        return []
      }
      return KeyEvent(scalar: scalar).map { [$0] } ?? []
    case .escape:
      switch scalar {
      case "[", "O":
        state = .sequence
        body = String(scalar)
      case Self.escapeScalar:
        // The first ESC was the Esc key; the second is held in its place (PuTTY sends Alt+F6
        // as ESC ESC [17~, which thus reads as Esc then F6).
        return [.escape]
      default:
        // Alt plus a key: no station command uses Alt, and typing the key alone would act on
        // something the person didn't press.
        reset()
      }
      return []
    case .sequence, .skipping:
      return continueSequence(scalar)
    }
  }

  private mutating func continueSequence(_ scalar: Unicode.Scalar) -> [KeyEvent] {
    if scalar == Self.escapeScalar {
      // Every sequence in every terminal starts with ESC, so it ends the broken one and starts
      // afresh: dropping it with the garbage would lose the key that follows.
      reset()
      state = .escape
      return []
    }
    guard (0x20...0x7E).contains(scalar.value) else {
      // A control or non-ASCII scalar can't belong to a sequence: this one was cut short or
      // mangled. Arriving within the escape delay of it, the scalar is far likelier part of the
      // mangled report than a keystroke, so it is dropped with the garbage rather than typed
      // into a field or taken as Enter answering a dialog.
      reset()
      return []
    }
    // `ESC [ [` is the Linux console's prefix for F1–F5, so that `[` is no final byte.
    let isFinal = scalar.value >= 0x40 && !(body == "[" && scalar == "[")
    if isFinal {
      let key = state == .sequence ? Self.sequences[body + String(scalar)] : nil
      reset()
      return key.map { [$0] } ?? []
    }
    guard state == .sequence else { return [] }
    if body.unicodeScalars.count + 2 > Self.maximumLength {
      // Read on to the final byte, keeping nothing, so the rest of the garbage isn't typed.
      state = .skipping
      body = ""
    } else {
      body.unicodeScalars.append(scalar)
    }
    return []
  }

  private mutating func reset() {
    state = .ground
    body = ""
  }
}
