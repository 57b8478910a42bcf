/// Tells a keyboard-wedge scanner from a person. A scanner types a whole code and Enter within a
/// few milliseconds; a person leaves 80 ms or more between keys. Printable keys are held back for
/// a moment: if they turn out to be a burst ending in Enter (or a long burst that simply stops),
/// they become one scan — so a code containing `1` or `2` never answers the member dialog. A short
/// burst that stops is typed as text; a single key is released as the key it was.
public struct ScanBurstAssembler: Sendable {
  /// What came out of the keyboard.
  public enum Output: Hashable, Sendable {
    case key(KeyEvent)
    /// A burst that ended with Enter.
    case scan(String)
    /// A long burst that simply stopped: a scanner set to send no Enter, or a paste.
    case unterminatedScan(String)
    /// A short burst that simply stopped: too short for a code, too fast for a person's
    /// commands, so it is text to type — never `1` or `2` answering a dialog.
    case text(String)
  }

  /// The longest pause between two keys of one burst.
  public var gap: Double
  /// A burst this long counts as a scan even without Enter (scanners set to add no suffix).
  public var minimumUnterminatedLength: Int

  private var pending: [Character] = []
  private var lastAt: Double?

  public init(gap: Double = 0.035, minimumUnterminatedLength: Int = 6) {
    self.gap = gap
    self.minimumUnterminatedLength = minimumUnterminatedLength
  }

  /// When pending keys must be released if nothing else arrives (seconds, same clock as `at`).
  public var deadline: Double? {
    guard !pending.isEmpty, let lastAt else { return nil }
    return lastAt + gap
  }

  /// Feeds one key read at time `at` (seconds on a monotonic clock).
  public mutating func feed(_ key: KeyEvent, at time: Double) -> [Output] {
    var output = flushIfStale(at: time)
    switch key {
    case .character(let character):
      pending.append(character)
      lastAt = time
    case .enter where pending.count >= 2:
      output.append(.scan(String(pending)))
      pending.removeAll()
      lastAt = nil
    default:
      output += releasePending()
      output.append(.key(key))
    }
    return output
  }

  /// Releases what waited past the burst gap; call when the deadline passes.
  public mutating func flushIfStale(at time: Double) -> [Output] {
    guard let lastAt, time - lastAt > gap else { return [] }
    return finishBurst()
  }

  private mutating func finishBurst() -> [Output] {
    guard pending.count >= 2 else { return releasePending() }
    let burst = String(pending)
    pending.removeAll()
    lastAt = nil
    return [burst.count >= minimumUnterminatedLength ? .unterminatedScan(burst) : .text(burst)]
  }

  private mutating func releasePending() -> [Output] {
    let keys = pending.map { Output.key(.character($0)) }
    pending.removeAll()
    lastAt = nil
    return keys
  }
}
