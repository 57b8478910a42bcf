import CheckInCore

extension LocalStore {
  /// Where a file records which `SearchText.foldVersion` folded its stored names. Files from
  /// before it was recorded were folded by version 1.
  static let foldVersionKey = "search_fold"

  /// Marks a file just created as folded by this program, so it never pays `refoldNames`.
  func recordFoldVersion() throws {
    try database.run(
      "INSERT INTO station_meta (key, value) VALUES (?, ?) "
        + "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      Self.foldVersionKey, String(SearchText.foldVersion))
  }

  /// Folds every stored name again when the file was folded by an older program, so that a query
  /// folded by this one finds them. Runs once per file, in one transaction: a station that opens
  /// the file meanwhile waits for the lock and then finds the work done.
  func refoldNamesIfStale() throws {
    guard !database.isReadOnly, try storedFoldVersion() < SearchText.foldVersion else { return }
    try database.transaction(.immediate) {
      guard try storedFoldVersion() < SearchText.foldVersion else { return }
      try refoldNames()
      try recordFoldVersion()
    }
  }

  private func storedFoldVersion() throws -> Int {
    let value = try database.first(
      "SELECT value FROM station_meta WHERE key = ?", Self.foldVersionKey
    ) { $0.text(0) }
    return value.flatMap { Int($0) } ?? 1
  }

  /// Pages through the members by id, so memory stays flat at a million names, and writes only
  /// the names that fold differently; the update trigger moves each in the name index.
  private func refoldNames() throws {
    let pageSize = 1000
    var after: Int64 = .min
    while true {
      let page = try database.rows(
        "SELECT id, full_name, search_name FROM customers WHERE id > ? ORDER BY id LIMIT ?",
        after, pageSize
      ) { (id: $0.int64(0), fullName: $0.text(1), searchName: $0.text(2)) }
      for row in page {
        let folded = SearchText.normalized(row.fullName)
        // Bytes, not `==`: Swift calls canonically equivalent strings equal, the index does not.
        if !folded.utf8.elementsEqual(row.searchName.utf8) {
          try database.run("UPDATE customers SET search_name = ? WHERE id = ?", folded, row.id)
        }
      }
      guard let last = page.last, page.count == pageSize else { return }
      after = last.id
    }
  }
}
