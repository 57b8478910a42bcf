import Foundation

/// Timings of one measured operation, in milliseconds.
struct Distribution: Sendable {
  private(set) var samples: [Double] = []

  mutating func add(_ milliseconds: Double) {
    samples.append(milliseconds)
  }

  mutating func merge(_ other: Distribution) {
    samples += other.samples
  }

  var count: Int { samples.count }

  /// The value below which `fraction` of the samples lie (nearest rank).
  func percentile(_ fraction: Double) -> Double {
    guard !samples.isEmpty else { return 0 }
    let sorted = samples.sorted()
    let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
    return sorted[Swift.min(Swift.max(rank, 0), sorted.count - 1)]
  }

  var p50: Double { percentile(0.5) }
  var p99: Double { percentile(0.99) }
  var max: Double { samples.max() ?? 0 }

  var json: JSONValue {
    .object([("p50", .number(p50)), ("p99", .number(p99)), ("max", .number(max))])
  }
}

/// Measures one run of `body` in milliseconds on a clock that never jumps.
func milliseconds(_ body: () throws -> Void) rethrows -> Double {
  let start = ContinuousClock.now
  try body()
  return (ContinuousClock.now - start).milliseconds
}

/// The async form.
func millisecondsAsync(_ body: () async throws -> Void) async rethrows -> Double {
  let start = ContinuousClock.now
  try await body()
  return (ContinuousClock.now - start).milliseconds
}

extension Duration {
  var milliseconds: Double {
    Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
  }
}

/// Facts about the machine a benchmark ran on, for the report.
enum MachineFacts {
  static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }

  static var cpuModel: String {
    guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else {
      return "unknown CPU"
    }
    for line in text.split(separator: "\n") where line.hasPrefix("model name") {
      if let colon = line.firstIndex(of: ":") {
        return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      }
    }
    return "unknown CPU"
  }

  /// The largest resident set this process has had, in megabytes: `VmHWM` of
  /// /proc/self/status. Not `getrusage`'s `ru_maxrss`, which a process started by another keeps
  /// from its parent across fork and exec — a worker would report the benchmark's own peak.
  static var peakRSSMegabytes: Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return 0
    }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let kilobytes = line.dropFirst(6).trimmingCharacters(in: .whitespaces)
        .split(separator: " ").first.flatMap { Double($0) }
      return (kilobytes ?? 0) / 1024
    }
    return 0
  }

  /// This program's own executable, to start workers of it.
  static var executable: String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
  }
}
