import CheckInCore
import CheckInSQLite
import CheckInUI
import Foundation

/// The parts of the benchmark that must run in a process of their own: start-up, peak memory,
/// and several stations checking in on one file at once. `checkin bench --worker KIND` runs one
/// and prints its figures on standard output.
enum BenchWorker {
  /// Start-up to the first frame ready, then a desk's worth of work, then the peak RSS.
  static func startup(path: String, gym: BenchGym, console: Console) async throws(BackendError) {
    let store = try LocalStore(path: path)
    _ = try store.branches()
    let context = BenchMeasurements.context()
    var state = StationState()
    let today = AttendanceQuery.day(of: context.now, branchID: 1, timeZone: context.timeZone)
    let overview = try store.overview(today, timeZone: context.timeZone)
    _ = Station.reduce(into: &state, .todayLoaded(.success(overview)), context)
    let info = ViewInfo(
      now: context.now, timeZone: context.timeZone, stationName: "bench", branchName: "Main",
      storeName: "bench.sqlite3")
    _ = StationView.render(state, info, size: Size(width: 120, height: 40))
    console.line("READY")

    // A desk's work: lookups, check-ins, searches, frames.
    let measurements = BenchMeasurements(gym: gym, path: path, repetitions: 200)
    _ = try await measurements.lookups()
    _ = try await measurements.searches()
    _ = try measurements.renders(at: Size(width: 120, height: 40))
    _ = try await BenchMeasurements.scans(gym: gym, path: path, count: 100, seed: 7)
    console.line("RSS \(MachineFacts.peakRSSMegabytes)")
  }

  /// One station of the concurrency run: `count` scans, then every timing.
  static func scans(path: String, gym: BenchGym, count: Int, seed: UInt64, console: Console)
    async throws(BackendError)
  {
    let timings = try await BenchMeasurements.scans(
      gym: gym, path: path, count: count, seed: seed
    ).scans
    console.line(timings.samples.map { String(format: "%.4f", $0) }.joined(separator: " "))
  }
}
