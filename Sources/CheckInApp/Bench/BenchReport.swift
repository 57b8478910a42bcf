import CheckInSQLite
import Foundation

/// The benchmark's figures, as a table for people and JSON for scripts.
struct BenchReport {
  struct Generation {
    var seconds: Double
    var megabytes: Double
    var attendance: Int
  }

  struct Concurrency {
    var processes: Int
    var checkInsPerSecond: Double
    var timings: Distribution
  }

  var members: Int
  var attendance: Int
  var generation: Generation?
  var scan = Distribution()
  var lookup = Distribution()
  var search = Distribution()
  var renderSmall = Distribution()
  var renderLarge = Distribution()
  var startup = Distribution()
  var peakRSS = 0.0
  var concurrency = Concurrency(processes: 0, checkInsPerSecond: 0, timings: Distribution())

  static var build: String {
    #if DEBUG
      "debug build"
    #else
      "release build"
    #endif
  }

  var table: String {
    func row(_ name: String, _ values: Distribution, unit: String = "ms") -> String {
      name.padding(toLength: 28, withPad: " ", startingAt: 0)
        + [values.p50, values.p99, values.max].map { format($0) + " " + unit }.joined()
        + "   (\(values.count)×)"
    }
    func format(_ value: Double) -> String {
      let text = String(format: value < 10 ? "%.3f" : "%.1f", value)
      return String(repeating: " ", count: max(0, 9 - text.count)) + text
    }
    var lines = [
      "CheckIn Station benchmark — \(members.formatted()) members, "
        + "\(attendance.formatted()) visits",
      "Machine: \(MachineFacts.cores) cores, \(MachineFacts.cpuModel); SQLite "
        + "\(Database.sqliteVersion); \(Self.build)",
    ]
    if let generation {
      lines.append(
        String(
          format: "Generated in %.1f s, %.0f MB", generation.seconds, generation.megabytes))
    }
    lines += [
      "",
      "                                  p50         p99         max",
      row("scan → receipt", scan),
      row("lookup", lookup),
      row("search per keystroke", search),
      row("render 80×24", renderSmall),
      row("render 200×60", renderLarge),
      row("start-up → first frame", startup),
      "peak RSS".padding(toLength: 28, withPad: " ", startingAt: 0)
        + String(format: "%9.1f MB", peakRSS),
      "\(concurrency.processes) stations at once".padding(toLength: 28, withPad: " ", startingAt: 0)
        + String(
          format: "%9.0f check-ins/s, p99 %.2f ms", concurrency.checkInsPerSecond,
          concurrency.timings.p99),
    ]
    return lines.joined(separator: "\n")
  }

  var json: JSONValue {
    var members: [(String, JSONValue)] = [
      ("members", .integer(Int64(self.members))),
      ("attendance", .integer(Int64(attendance))),
      ("scan_to_receipt_ms", scan.json),
      ("lookup_ms", lookup.json),
      ("search_keystroke_ms", search.json),
      ("render_ms", renderLarge.json),
      ("render_80x24_ms", renderSmall.json),
      ("startup_ms", startup.json),
      ("peak_rss_mb", .number(peakRSS)),
      (
        "concurrency",
        .object([
          ("processes", .integer(Int64(concurrency.processes))),
          ("checkins_per_s", .number(concurrency.checkInsPerSecond)),
          ("p99_ms", .number(concurrency.timings.p99)),
        ])
      ),
      ("machine", .string("\(MachineFacts.cores) cores, \(MachineFacts.cpuModel)")),
      ("sqlite", .string(Database.sqliteVersion)),
      ("build", .string(Self.build)),
    ]
    if let generation {
      members.append(("generation_s", .number(generation.seconds)))
      members.append(("file_mb", .number(generation.megabytes)))
    }
    return .object(members)
  }
}
