import CheckInCore
import CheckInSQLite
import Foundation

/// A chain-sized gym for the benchmark, the same for a given seed on every machine: members with
/// Arabic and Latin names, phones and codes of every shape, a plan each (sessions, coins, time)
/// and years of visits before today; and, written when the benchmark measures, a busy day today.
struct BenchGym {
  let members: Int
  let visitsPerMember: Int
  let seed: UInt64

  /// Counted plans hold this many, so the benchmark's check-ins never run a member out.
  static let planSize = 1_000_000
  static let chunk = 50_000
  /// Today's visits at branch 1 on the busy day, voided ones left out.
  static let busyDay = 5_000
  /// One visit in this many on the busy day is followed by one voided.
  static let voidedEvery = 50

  struct Report {
    var members = 0
    var attendance = 0
    var seconds = 0.0
    var megabytes = 0.0
  }

  /// Writes the gym into a new database at `path`, its visits all before `today`.
  func generate(
    at path: String, today: CalendarDay, timeZone: TimeZone, progress: (String) -> Void
  ) throws(BackendError) -> Report {
    let started = ContinuousClock.now
    let store = try LocalStore(path: path, options: LocalStore.Options(create: true))
    var first = 1
    while first <= members {
      let last = min(members, first + Self.chunk - 1)
      let batch = self.batch(from: first, through: last, today: today)
      switch try store.importBatch(batch) {
      case .success: break
      case .failure(let rejection):
        throw .storage("bench data refused: \(rejection.conflicts.first?.message ?? "")")
      }
      progress("members \(last)/\(members)")
      first = last + 1
    }
    try addVisits(to: store.database, before: today.start(in: timeZone), progress: progress)
    // Visits are bulk work like an import: the log is copied back and emptied before anyone
    // scans, as a station's file in steady state has a short log.
    store.checkpointAfterBulkWrite()
    var report = Report()
    report.members = members
    report.attendance = members * visitsPerMember
    report.seconds = (ContinuousClock.now - started).milliseconds / 1000
    // In WAL mode the newest pages may still be in the -wal file.
    let size = ["", "-wal"].reduce(0) { total, suffix in
      total
        + ((try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int) ?? 0)
    }
    report.megabytes = Double(size) / 1_048_576
    return report
  }

  /// Imports members 1 to `count` again, as a gym re-importing its spreadsheet would: the bulk
  /// write the benchmark scans straight after.
  func importAgain(members count: Int, into store: LocalStore, today: CalendarDay)
    throws(BackendError)
  {
    switch try store.importBatch(batch(from: 1, through: min(count, members), today: today)) {
    case .success: break
    case .failure(let rejection):
      throw .storage("bench data refused: \(rejection.conflicts.first?.message ?? "")")
    }
  }

  /// The busy day's shape: visits per hour from 06:00 to 22:00, the morning and the evening
  /// busiest.
  static let busyHours = [5, 8, 7, 5, 4, 3, 3, 4, 4, 6, 9, 10, 10, 8, 5, 3]

  /// The busy day at branch 1 as written.
  struct BusyDay {
    var counted = 0
    var voided = 0
  }

  /// Makes `day` at branch 1 a busy day: exactly `busyDay` visits of branch 1's members, spread
  /// over the opening hours as `busyHours` says, one in `voidedEvery` followed by another that
  /// staff voided. What an earlier run on the same file checked in that day goes first, so a
  /// reused file holds the same day. Written with the indexes in place, as a desk would.
  func writeBusyDay(into store: LocalStore, day: CalendarDay, timeZone: TimeZone)
    throws(BackendError) -> BusyDay
  {
    let database = store.database
    let opening = day.start(in: timeZone).addingTimeInterval(6 * 3600).storedMilliseconds
    let weight = Self.busyHours.reduce(0, +)
    var random = SplitMix64(seed: seed ^ 0xB05D_A7)
    func member() -> Int64 {
      let id = 1 + Int(random.next(below: UInt64(members)))
      // Branch 2's members (ids ending in 7) are taken at the next id down.
      return Int64(id % 10 == 7 ? id - 1 : id)
    }
    func visit(_ id: Int64, at time: Int64, voidedAt: Int64? = nil) throws {
      let counted = kind(of: Int(id)).isCounted
      try database.run(
        """
        INSERT INTO attendance (customer_id, subscription_id, branch_id, check_in_time, action,
                                deducted, station, voided_at)
        VALUES (?, ?, 1, ?, ?, ?, 'bench', ?)
        """, id, id, time, counted ? "check_in_with_deduction" : "check_in_only", counted ? 1 : 0,
        voidedAt)
    }
    var written = BusyDay()
    do {
      try database.transaction(.immediate) {
        try database.run(
          "DELETE FROM attendance WHERE branch_id = 1 AND check_in_time >= ? AND check_in_time < ?",
          day.start(in: timeZone).storedMilliseconds,
          day.adding(days: 1).start(in: timeZone).storedMilliseconds)
        for index in 0..<Self.busyDay {
          // Where the visit falls on the day's shape, in hours after opening.
          var position = (Double(index) + 0.5) / Double(Self.busyDay) * Double(weight)
          var hours = 0.0
          for count in Self.busyHours {
            if position < Double(count) {
              hours += position / Double(count)
              break
            }
            position -= Double(count)
            hours += 1
          }
          let time = opening + Int64(hours * 3_600_000)
          try visit(member(), at: time)
          written.counted += 1
          if index % Self.voidedEvery == Self.voidedEvery - 1 {
            try visit(member(), at: time - 20_000, voidedAt: time + 100_000)
            written.voided += 1
          }
        }
      }
    } catch let error as SQLiteError {
      throw error.backendError(path: database.path)
    } catch {
      throw .storage("bench busy day: \(error)")
    }
    // Like the other bulk writes, copied back before the scans are measured.
    store.checkpointAfterBulkWrite()
    return written
  }

  /// The code member `id` carries: most `GYM-id`, some regenerated with a suffix, a few none.
  func code(for id: Int) -> String? {
    if id % 25 == 0 { return nil }
    if id % 10 == 0 {
      var random = SplitMix64(seed: seed ^ UInt64(id) &* 0x9E37)
      return "GYM-\(id)-" + String(random.next() & 0xFFFF_FFFF, radix: 16, uppercase: true)
    }
    return "GYM-\(id)"
  }

  /// The code a scanner would send for member `id`.
  func scanCode(for id: Int) -> String {
    code(for: id) ?? "customer_id:\(id)"
  }

  func kind(of id: Int) -> PlanKind {
    [PlanKind.sessions, .coins, .time][id % 3]
  }

  func name(of id: Int) -> String {
    var random = SplitMix64(seed: seed &+ UInt64(id))
    if random.next(below: 3) == 0 {
      return "\(Names.arabicFirst.pick(&random)) \(Names.arabicFirst.pick(&random)) "
        + Names.arabicLast.pick(&random)
    }
    return "\(Names.latinFirst.pick(&random)) \(Names.latinLast.pick(&random))"
  }

  func phone(of id: Int) -> String {
    var random = SplitMix64(seed: seed ^ (UInt64(id) << 20))
    let digits = String(format: "%08llu", random.next(below: 100_000_000))
    return "+20 1\(random.next(below: 3)) \(digits.prefix(4)) \(digits.suffix(4))"
  }

  private func batch(from first: Int, through last: Int, today: CalendarDay) -> ImportBatch {
    var members: [Member] = []
    var plans: [(memberID: Int64, plan: Subscription)] = []
    members.reserveCapacity(last - first + 1)
    plans.reserveCapacity(last - first + 1)
    for id in first...last {
      members.append(
        Member(
          id: Int64(id), fullName: name(of: id), phone: phone(of: id), qrCode: code(for: id),
          branchID: id % 10 == 7 ? 2 : 1))
      let kind = kind(of: id)
      plans.append(
        (
          Int64(id),
          Subscription(
            id: Int64(id), kind: kind, total: kind.isCounted ? Self.planSize : nil,
            remaining: kind.isCounted ? Self.planSize : nil, startDate: today.adding(days: -30),
            endDate: today.adding(days: 365), serviceName: kind == .time ? "Yearly gym" : nil)
        ))
    }
    return ImportBatch(members: members, plans: plans, branchNames: [1: "Main", 2: "Downtown"])
  }

  /// Years of visits, written by SQLite itself (a recursive CTE) with the attendance indexes
  /// (`attendance_counted` among them) dropped and rebuilt once at the end: row by row from
  /// Swift would take many times longer. All end before `end`, today's midnight, so that today
  /// holds only the busy day, however many visits a member has.
  private func addVisits(to database: Database, before end: Date, progress: (String) -> Void)
    throws(BackendError)
  {
    guard visitsPerMember > 0 else { return }
    do {
      let indexes = try database.rows(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'attendance' "
          + "AND sql IS NOT NULL", map: { ($0.text(0), $0.text(1)) })
      try database.execute("PRAGMA cache_size = -262144")
      for (name, _) in indexes { try database.execute("DROP INDEX \(name)") }
      let endMilliseconds = end.storedMilliseconds
      // Visits spread over the two years before today, a day apart at least for up to 730 each.
      let step = max(1, Int64(730 * 86_400_000 / visitsPerMember))
      var first = 1
      while first <= members {
        let last = min(members, first + Self.chunk - 1)
        try database.transaction(.immediate) {
          try database.run(
            """
            WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < ?2 - 1)
            INSERT INTO attendance (customer_id, subscription_id, branch_id, check_in_time, action,
                                    deducted, station)
            SELECT c.id, s.id, c.branch_id,
                   ?1 - (k.n + 1) * ?3 - ((c.id * 7919 + k.n * 104729) % 3600000),
                   CASE s.kind WHEN 'time' THEN 'check_in_only' ELSE 'check_in_with_deduction' END,
                   CASE s.kind WHEN 'time' THEN 0 ELSE 1 END, 'bench'
            FROM customers c JOIN subscriptions s ON s.customer_id = c.id CROSS JOIN k
            WHERE c.id BETWEEN ?4 AND ?5
            """, endMilliseconds, visitsPerMember, step, first, last)
        }
        progress("visits of members \(last)/\(members)")
        first = last + 1
      }
      progress("indexing visits")
      for (_, sql) in indexes { try database.execute(sql) }
      try database.execute("PRAGMA cache_size = -2000")
    } catch let error as SQLiteError {
      throw error.backendError(path: database.path)
    } catch let error as BackendError {
      throw error
    } catch {
      throw .storage("bench data: \(error)")
    }
  }
}
