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
  /// Today at branch 1, written before the figures: visits counted, and voided besides.
  var busyDay = BenchGym.BusyDay()
  /// The station's reload of today's panel: the counts and the newest visits.
  var todayFigures = Distribution()
  /// The counts alone.
  var todayCount = Distribution()
  /// The station's frame with the busy day's panel beside the member pane and the dialog.
  var panelMedium = Distribution()
  var panelLarge = Distribution()
  var scan = Distribution()
  /// 4 KB appended and synced beside the database: the disk's floor, timed between the scans.
  var disk = Distribution()
  /// Scans straight after an import of this many members.
  var scanAfterImport = Distribution()
  var importedMembers = 0
  var lookup = Distribution()
  var search = Distribution()
  var renderSmall = Distribution()
  var renderLarge = Distribution()
  var startup = Distribution()
  var peakRSS = 0.0
  var concurrency = Concurrency(processes: 0, checkInsPerSecond: 0, timings: Distribution())

  /// A scan's percentiles over the disk floor's: how many syncs' worth a check-in costs.
  struct Ratio {
    var p50: Double
    var p99: Double

    init(_ timings: Distribution, over floor: Distribution) {
      p50 = floor.p50 > 0 ? timings.p50 / floor.p50 : 0
      p99 = floor.p99 > 0 ? timings.p99 / floor.p99 : 0
    }

    var json: JSONValue { .object([("p50", .number(p50)), ("p99", .number(p99))]) }
  }

  var scanOverDisk: Ratio { Ratio(scan, over: disk) }
  var scanAfterImportOverDisk: Ratio { Ratio(scanAfterImport, over: disk) }

  static var build: String {
    #if DEBUG
      "debug build"
    #else
      "release build"
    #endif
  }

  var table: String {
    let label = 34
    func row(_ name: String, _ values: Distribution, unit: String = "ms") -> String {
      name.padding(toLength: label, withPad: " ", startingAt: 0)
        + [values.p50, values.p99, values.max].map { format($0) + " " + unit }.joined()
        + "   (\(values.count)×)"
    }
    func format(_ value: Double) -> String {
      let text = String(format: value < 10 ? "%.3f" : "%.1f", value)
      return String(repeating: " ", count: max(0, 9 - text.count)) + text
    }
    func ratio(_ ratio: Ratio) -> String {
      "  ÷ disk append + fsync".padding(toLength: label, withPad: " ", startingAt: 0)
        + [ratio.p50, ratio.p99].map { value in
          let text = String(format: "%.2f", value)
          return String(repeating: " ", count: max(0, 9 - text.count)) + text + "×"
        }.joined(separator: "  ")
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
    lines.append(
      "After import: scans straight after importing \(importedMembers.formatted()) members again")
    lines.append(
      "Busy day: \(busyDay.counted.formatted()) visits today at branch 1, 06:00 to 22:00, and "
        + "\(busyDay.voided.formatted()) voided")
    let visits = busyDay.counted.formatted()
    lines += [
      "",
      String(repeating: " ", count: label) + "      p50         p99         max",
      row("disk append 4 KB + fsync", disk),
      row("scan → receipt", scan),
      ratio(scanOverDisk),
      row("scan → receipt after import", scanAfterImport),
      ratio(scanAfterImportOverDisk),
      row("lookup", lookup),
      row("search per keystroke", search),
      row("render 80×24", renderSmall),
      row("render 200×60", renderLarge),
      row("today's figures (\(visits) visits)", todayFigures),
      row("  the count alone", todayCount),
      row("panel frame 120×40 (\(visits) today)", panelMedium),
      row("panel frame 200×60 (\(visits) today)", panelLarge),
      row("start-up → first frame", startup),
      "peak RSS".padding(toLength: label, withPad: " ", startingAt: 0)
        + String(format: "%9.1f MB", peakRSS),
      "\(concurrency.processes) stations at once".padding(
        toLength: label, withPad: " ", startingAt: 0)
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
      ("disk_append_fsync_ms", disk.json),
      ("scan_to_receipt_ms", scan.json),
      ("scan_over_disk", scanOverDisk.json),
      ("scan_to_receipt_after_import_ms", scanAfterImport.json),
      ("scan_after_import_over_disk", scanAfterImportOverDisk.json),
      ("import_members", .integer(Int64(importedMembers))),
      ("lookup_ms", lookup.json),
      ("search_keystroke_ms", search.json),
      ("render_ms", renderLarge.json),
      ("render_80x24_ms", renderSmall.json),
      ("busy_day_visits", .integer(Int64(busyDay.counted))),
      ("busy_day_voided", .integer(Int64(busyDay.voided))),
      ("today_figures_ms", todayFigures.json),
      ("today_count_ms", todayCount.json),
      ("panel_frame_120x40_ms", panelMedium.json),
      ("panel_frame_200x60_ms", panelLarge.json),
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
