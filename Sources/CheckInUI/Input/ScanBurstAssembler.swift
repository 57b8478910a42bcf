/// Tells a keyboard-wedge scanner from a person by timing. A scanner types a whole code and its
/// suffix (Enter, CR LF, LF, Tab or nothing) within a few milliseconds; a person leaves 80 ms or
/// more between keys.
///
/// Printable keys are normally passed on at once, so a person sees each digit as it is typed:
/// on every screen that matters they go into the scan field, never to a dialog, so it makes no
/// difference whether a scanner or a person sent them. Only where the difference matters — a
/// text prompt (an override reason, the unlock code), or a key that would be a command when the
/// field is empty (`q`, `/`, `?`) — the caller asks to `hold` them for the burst gap.
public struct ScanBurstAssembler: Sendable {
  /// What came out of the keyboard.
  public enum Output: Hashable, Sendable {
    case key(KeyEvent)
    /// A burst ending with Enter or Tab: held keys, or keys passed on too fast for a person.
    case scan(String)
    /// A long burst that simply stopped: a scanner set to send no suffix, or a paste. For keys
    /// already passed on it repeats them: the scan field then holds exactly this code.
    case unterminatedScan(String)
    /// A short held burst that simply stopped: text to type, never a command.
    case text(String)
  }

  /// The longest pause between two keys of one burst.
  public var gap: Double
  /// A burst this long counts as a scan even without a suffix. A shorter one can't be told from
  /// a person's quick keys, except at a kiosk, where there are no keys (there it is 1).
  public var minimumUnterminatedLength: Int

  /// Keys held back because the caller asked.
  private var held: [Character] = []
  /// How many held keys a terminator makes a scan: fewer are a person's last key and Enter.
  private var heldScanLength = 1
  /// Keys passed on at once that came as one burst, so far.
  private var run: [Character] = []
  private var lastAt: Double?
  /// When a burst last ended with a terminator: a second one right behind it (the LF of CR LF)
  /// belongs to the same code.
  private var terminatedAt: Double?

  public init(gap: Double = 0.035, minimumUnterminatedLength: Int = 3) {
    self.gap = gap
    self.minimumUnterminatedLength = minimumUnterminatedLength
  }

  /// When a burst ends if nothing else arrives (seconds, same clock as `at`).
  public var deadline: Double? {
    guard !held.isEmpty || !run.isEmpty, let lastAt else { return nil }
    return lastAt + gap
  }

  /// Feeds one key read at time `at` (seconds on a monotonic clock). `hold` asks to keep a
  /// printable key that starts a burst until the burst's end shows what it was: held keys ended
  /// by Enter or Tab are a scan when there are at least `hold` of them (1 for a command key on an
  /// empty field; more in a text prompt, where a person's last key and Enter may come together).
  public mutating func feed(_ key: KeyEvent, at time: Double, hold: Int? = nil) -> [Output] {
    var output = flushIfStale(at: time)
    switch key {
    case .character(let character):
      terminatedAt = nil
      if held.isEmpty, run.isEmpty, let hold { heldScanLength = hold }
      if !held.isEmpty || (hold != nil && run.isEmpty) {
        held.append(character)
      } else {
        run.append(character)
        output.append(.key(key))
      }
      lastAt = time
    case .enter, .tab:
      if let end = terminatedAt, time - end <= gap, held.isEmpty, run.isEmpty {
        terminatedAt = nil
        return output
      }
      if held.count >= heldScanLength {
        output.append(.scan(String(held)))
        terminatedAt = time
      } else if !held.isEmpty {
        output += release()
        output.append(.key(key))
        return output
      } else if run.count >= minimumUnterminatedLength {
        // No person types this fast: the scanner's code alone is the scan, whatever was typed
        // into the field before it (a stray key at a kiosk must not spoil the next member).
        output.append(.scan(String(run)))
        terminatedAt = time
      } else if !run.isEmpty {
        // A short code, or a fast typist's last key: the field as typed is submitted.
        output.append(.key(.enter))
        terminatedAt = time
      } else {
        output.append(.key(key))
      }
      reset()
    default:
      terminatedAt = nil
      output += release()
      output.append(.key(key))
    }
    return output
  }

  /// Ends a burst whose gap has passed; call when the deadline passes.
  public mutating func flushIfStale(at time: Double) -> [Output] {
    guard let lastAt, time - lastAt > gap else { return [] }
    var output: [Output] = []
    if held.count >= 2 {
      let burst = String(held)
      output.append(
        burst.count >= minimumUnterminatedLength ? .unterminatedScan(burst) : .text(burst))
    } else {
      output += held.map { .key(.character($0)) }
    }
    if run.count >= minimumUnterminatedLength { output.append(.unterminatedScan(String(run))) }
    reset()
    return output
  }

  /// Gives held keys back as keys: another key came before the burst ended.
  private mutating func release() -> [Output] {
    defer { reset() }
    return held.map { .key(.character($0)) }
  }

  private mutating func reset() {
    held.removeAll()
    run.removeAll()
    lastAt = nil
  }
}
