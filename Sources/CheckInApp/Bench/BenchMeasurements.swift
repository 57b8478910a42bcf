import CheckInCore
import CheckInSQLite
import CheckInUI
import Foundation

/// The in-process measurements, each over many repetitions on the generated gym.
struct BenchMeasurements {
  let gym: BenchGym
  let path: String
  let repetitions: Int
  var timeZone: TimeZone = .current

  /// Scans check in whoever is scanned, however often: the benchmark measures the path, not the
  /// rules' refusals.
  static let policy = CheckInPolicy(branchID: 1, duplicateWindow: 0, allowOtherBranches: true)

  static func context(now: Date = Date(), timeZone: TimeZone = .current) -> StationContext {
    StationContext(now: now, timeZone: timeZone, policy: policy, stationName: "bench")
  }

  /// Scan → receipt, and with `disk` the disk's floor timed before each scan, so that the noise
  /// of a shared machine falls on both alike.
  struct ScanTimings {
    var scans = Distribution()
    var disk = Distribution()
  }

  /// Scan → receipt: the code through the reducer, the lookup, the rules and a committed check-in
  /// with deduction — everything but drawing.
  static func scans(
    gym: BenchGym, path: String, count: Int, seed: UInt64, disk: DiskFloorProbe? = nil
  ) async throws(BackendError) -> ScanTimings {
    let store = try LocalStore(path: path)
    let checkpointer = store.checkpointer
    let backend = SQLiteBackend(store: store).backend
    var station = HeadlessStation(
      environment: StationEnvironment(backend: backend), context: { Self.context() })
    var random = SplitMix64(seed: seed)
    var timings = ScanTimings()
    // Lets a checkpoint the scans started finish before the next measurement begins.
    defer { checkpointer.waitForCheckpoint() }
    for _ in 0..<count {
      if let disk { timings.disk.add(try disk.appendAndSync()) }
      let code = gym.scanCode(for: 1 + Int(random.next(below: UInt64(gym.members))))
      let elapsed = await millisecondsAsync {
        await station.send(.scanned(code))
        if case .member(let dialog) = station.state.phase {
          await station.send(.choose(dialog.choice))
        }
      }
      guard case .result(let banner) = station.state.phase, case .checkedIn = banner.outcome else {
        throw .storage("bench scan of \(code) didn't check in: \(station.state.phase)")
      }
      timings.scans.add(elapsed)
    }
    return timings
  }

  /// Scan code → member card ready to draw.
  func lookups() async throws(BackendError) -> Distribution {
    let backend = SQLiteBackend(store: try LocalStore(path: path)).backend
    var random = SplitMix64(seed: gym.seed ^ 0x100C)
    var timings = Distribution()
    for _ in 0..<repetitions {
      let code = gym.scanCode(for: 1 + Int(random.next(below: UInt64(gym.members))))
      guard case .success(let payload) = ScanParser.parse(code) else { continue }
      var failure: BackendError?
      let elapsed = await millisecondsAsync {
        do throws(BackendError) {
          _ = try await backend.lookUp(payload, Self.policy)
        } catch {
          failure = error
        }
      }
      if let failure { throw failure }
      timings.add(elapsed)
    }
    return timings
  }

  /// Search as a receptionist types: prefixes of 1 to 6 letters of members' names, and 3 to 6
  /// digits of their phones.
  func searches() async throws(BackendError) -> Distribution {
    let backend = SQLiteBackend(store: try LocalStore(path: path)).backend
    var random = SplitMix64(seed: gym.seed ^ 0x5EA4)
    var timings = Distribution()
    var queries: [String] = []
    while queries.count < repetitions {
      let id = 1 + Int(random.next(below: UInt64(gym.members)))
      let word = gym.name(of: id).split(separator: " ").last.map(String.init) ?? ""
      for length in 1...6 where length <= word.count { queries.append(String(word.prefix(length))) }
      let digits = SearchText.digits(gym.phone(of: id))
      for length in 3...6 { queries.append(String(digits.suffix(length))) }
    }
    for query in queries.prefix(repetitions) {
      var failure: BackendError?
      let elapsed = await millisecondsAsync {
        do throws(BackendError) {
          _ = try await backend.search(query, 20)
        } catch {
          failure = error
        }
      }
      if let failure { throw failure }
      timings.add(elapsed)
    }
    return timings
  }

  /// Today's counts alone, the station's whole reload of its panel, and the reload's last answer.
  struct TodayTimings {
    var count = Distribution()
    var reload = Distribution()
    var overview: TodayOverview
  }

  /// Today's figures at the station's clock `now`, through the port the station runs on: the
  /// counts alone, and the whole reload the station repeats through the day (the counts and the
  /// newest `TodayList.window` visits, as the runtime performs `.loadToday`). Fails unless the
  /// day holds `visits` counted visits.
  func today(at now: Date, visits: Int) async throws(BackendError) -> TodayTimings {
    let backend = SQLiteBackend(store: try LocalStore(path: path)).backend
    let context = Self.context(now: now, timeZone: timeZone)
    let query = AttendanceQuery.day(
      of: now, branchID: Self.policy.branchID, timeZone: timeZone, limit: TodayList.window)
    var count = Distribution()
    for _ in 0..<repetitions {
      var result: Result<VisitCounts, BackendError> = .failure(.cancelled)
      count.add(
        await millisecondsAsync {
          do throws(BackendError) {
            result = .success(try await backend.countVisits(query))
          } catch {
            result = .failure(error)
          }
        })
      let total = try result.get().total
      guard total == visits else {
        throw .storage("bench busy day: today counts \(total) visits, not \(visits)")
      }
    }
    let environment = StationEnvironment(backend: backend)
    var reload = Distribution()
    var answer: StationEvent?
    for _ in 0..<repetitions {
      reload.add(
        await millisecondsAsync {
          answer = await EffectRunner.perform(.loadToday, in: environment, context: context)
        })
    }
    guard case .todayLoaded(let result)? = answer else {
      throw .storage("bench busy day: the reload answered \(String(describing: answer))")
    }
    let overview = try result.get()
    guard overview.tally.visits == visits, overview.newest.count == TodayList.window else {
      throw .storage(
        "bench busy day: the reload shows \(overview.tally.visits) visits and "
          + "\(overview.newest.count) of the newest")
    }
    return TodayTimings(count: count, reload: reload, overview: overview)
  }

  /// State → cell buffer for the member pane and the dialog, at `size`; with `today`, beside a
  /// today panel that got that overview, as the station reduces a reload.
  func renders(at size: Size, today: TodayOverview? = nil, now: Date = Date())
    throws(BackendError) -> Distribution
  {
    let store = try LocalStore(path: path)
    let card = try store.lookUp(.member(5), policy: Self.policy)
    let context = Self.context(now: now, timeZone: timeZone)
    var state = StationState()
    if let today {
      _ = Station.reduce(into: &state, .todayLoaded(.success(today)), context)
      guard state.today.tally?.visits == today.tally.visits else {
        throw .storage("bench busy day: the panel didn't take the overview")
      }
    }
    _ = Station.reduce(into: &state, .scanned(gym.scanCode(for: 5)), context)
    _ = Station.reduce(into: &state, .lookedUp(RequestID(1), .success(card)), context)
    let info = ViewInfo(
      now: context.now, timeZone: context.timeZone, stationName: "bench", branchName: "Main",
      storeName: "bench.sqlite3")
    var timings = Distribution()
    for _ in 0..<repetitions {
      timings.add(milliseconds { _ = StationView.render(state, info, size: size) })
    }
    return timings
  }
}
