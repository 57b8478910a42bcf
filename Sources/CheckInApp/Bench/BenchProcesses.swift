import CheckInCore
import Foundation

/// Runs `checkin bench --worker ...` processes and reads their figures.
enum BenchProcesses {
  struct Worker {
    let process: Process
    let output: Pipe
    let started: ContinuousClock.Instant
  }

  static func start(_ arguments: [String]) throws(BackendError) -> Worker {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: MachineFacts.executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    let started = ContinuousClock.now
    do {
      try process.run()
    } catch {
      throw .storage("couldn't start a benchmark worker: \(error)")
    }
    return Worker(process: process, output: output, started: started)
  }

  static func arguments(_ kind: String, gym: BenchGym, path: String, extra: [String] = [])
    -> [String]
  {
    [
      "bench", "--worker", kind, "--db", path, "--members", String(gym.members),
      "--visits", String(gym.visitsPerMember), "--seed", String(gym.seed),
    ] + extra
  }

  /// Process start → first frame ready, `runs` times; and the largest peak RSS of those processes
  /// after a desk's worth of work.
  static func startup(gym: BenchGym, path: String, runs: Int) async throws(BackendError)
    -> (Distribution, Double)
  {
    var timings = Distribution()
    var peak = 0.0
    for _ in 0..<runs {
      let worker = try start(arguments("startup", gym: gym, path: path))
      let (ready, lines) = await readLines(worker, until: "READY")
      worker.process.waitUntilExit()
      guard let ready, worker.process.terminationStatus == 0 else {
        throw .storage("a start-up worker failed (exit \(worker.process.terminationStatus))")
      }
      timings.add((ready - worker.started).milliseconds)
      for line in lines where line.hasPrefix("RSS ") {
        peak = max(peak, Double(line.dropFirst(4)) ?? 0)
      }
    }
    return (timings, peak)
  }

  /// `processes` stations checking in on one file at once.
  static func concurrency(gym: BenchGym, path: String, processes: Int, scansEach: Int)
    async throws(BackendError) -> BenchReport.Concurrency
  {
    let began = ContinuousClock.now
    var workers: [Worker] = []
    for index in 0..<processes {
      workers.append(
        try start(
          arguments(
            "scans", gym: gym, path: path,
            extra: ["--repetitions", String(scansEach), "--worker-index", String(index + 1)])))
    }
    var timings = Distribution()
    for worker in workers {
      let (_, lines) = await readLines(worker, until: nil)
      worker.process.waitUntilExit()
      guard worker.process.terminationStatus == 0 else {
        throw .storage("a concurrent station failed (exit \(worker.process.terminationStatus))")
      }
      for line in lines {
        for sample in line.split(separator: " ") {
          if let value = Double(sample) { timings.add(value) }
        }
      }
    }
    let seconds = (ContinuousClock.now - began).milliseconds / 1000
    return BenchReport.Concurrency(
      processes: processes, checkInsPerSecond: Double(timings.count) / max(seconds, 0.001),
      timings: timings)
  }

  /// Reads the worker's output to its end; returns when `marker` first arrived, and every line.
  private static func readLines(_ worker: Worker, until marker: String?) async
    -> (ContinuousClock.Instant?, [String])
  {
    let handle = worker.output.fileHandleForReading
    return await Task.detached {
      var text = ""
      var seen: ContinuousClock.Instant?
      while true {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        text += String(decoding: chunk, as: UTF8.self)
        if seen == nil, let marker, text.contains(marker) { seen = ContinuousClock.now }
      }
      return (seen, text.split(separator: "\n").map(String.init))
    }.value
  }
}
