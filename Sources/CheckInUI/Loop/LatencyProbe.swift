import CheckInCore
import Foundation

/// Measures, on the station's own monotonic clock, how long a keystroke takes to reach the screen
/// and how long a scan takes to show the member, and a confirmation its result. Enabled with
/// `CHECKIN_TIMING=1`; each figure is one line in the log, for `checkin` benchmarks and for
/// chasing a slow desk.
struct LatencyProbe {
  /// Where each figure goes; `nil` measures nothing.
  let log: (@Sendable (String) -> Void)?
  private var keyAt: Double?
  /// Printable keys reach the screen at once, but for command keys on an empty field and typing
  /// in prompts, which wait for the burst gap (see `ScanBurstAssembler`).
  private var keyWasPrintable = false
  private var scanAt: Double?
  private var confirmAt: Double?

  init(log: (@Sendable (String) -> Void)?) {
    self.log = log
  }

  mutating func keysRead(at time: Double, printable: Bool) {
    if keyAt == nil {
      keyAt = time
      keyWasPrintable = printable
    }
  }

  mutating func scanned(at time: Double) {
    scanAt = time
    confirmAt = nil  // a new member: whatever was confirmed before has been drawn or dropped
  }

  mutating func confirmed(at time: Double) {
    confirmAt = time
  }

  /// A frame of `phase` that changed the screen reached the terminal at `time`.
  mutating func drew(_ phase: Phase, at time: Double) {
    guard let log else { return }
    if let start = keyAt {
      // Past a quarter second the change on screen is the clock's, not the key's.
      if time - start < 0.25 {
        let kind = keyWasPrintable ? "printable" : "command"
        log("timing key→frame(\(kind)) \(Self.milliseconds(time - start)) ms")
      }
      keyAt = nil
    }
    switch phase {
    case .member, .result:
      if let start = scanAt, case .member = phase {
        log("timing scan→card \(Self.milliseconds(time - start)) ms")
        scanAt = nil
      }
      if let start = confirmAt, case .result = phase {
        log("timing confirm→result \(Self.milliseconds(time - start)) ms")
        confirmAt = nil
      }
      if case .result = phase, let start = scanAt {
        // A refusal goes straight from the scan to the banner.
        log("timing scan→result \(Self.milliseconds(time - start)) ms")
        scanAt = nil
      }
    default:
      break
    }
  }

  private static func milliseconds(_ seconds: Double) -> String {
    String(format: "%.2f", seconds * 1000)
  }
}
