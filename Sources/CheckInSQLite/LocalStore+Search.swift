import CheckInCore
import Foundation

extension LocalStore {
  /// Members whose name (any word, by prefix), phone (start or end) or code (prefix) matches
  /// `query`, or whose id it is. Every part is an index range scan that stops at `limit`, so a
  /// keystroke costs the same with a thousand members or a million.
  public func search(_ query: String, limit: Int) throws(BackendError) -> SearchPage {
    try guarded {
      let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
      let limit = max(1, limit)
      let wanted = limit + 1  // one more than shown tells whether the list was cut
      var ids: [Int64] = []
      var seen: Set<Int64> = []
      func add(_ found: [Int64]) {
        for id in found where ids.count < wanted && seen.insert(id).inserted { ids.append(id) }
      }
      let digits = SearchText.digits(trimmed)
      let isNumber = !digits.isEmpty && trimmed.allSatisfy { $0.isNumber || "+-() ".contains($0) }
      // A leading zero makes it part of a phone number, not a member number.
      if isNumber, digits.count <= 18, !digits.hasPrefix("0"), let id = Int64(digits) {
        add(try database.rows("SELECT id FROM customers WHERE id = ?", id, map: { $0.int64(0) }))
      }
      if !trimmed.contains(" ") && trimmed.count >= 2 {
        add(try codePrefix(trimmed, limit: wanted))
      }
      if isNumber && digits.count >= 3 {
        add(try phoneMatches(digits, limit: wanted))
      }
      let words = SearchText.words(trimmed)
      if !isNumber && !words.isEmpty {
        add(try nameMatches(words, limit: wanted))
      }
      let hits = try summaries(ids.prefix(limit))
      return SearchPage(query: query, hits: hits, hasMore: ids.count > limit)
    }
  }

  private func codePrefix(_ prefix: String, limit: Int) throws -> [Int64] {
    try database.rows(
      "SELECT id FROM customers WHERE qr_code >= ?1 AND qr_code < ?1 || char(1114111) LIMIT ?2",
      prefix, limit, map: { $0.int64(0) })
  }

  /// Numbers are matched from the start, in every form the record may hold them (so `0101…`,
  /// `+20 101…` and `20101…` find each other as they are typed), and from the end (the last
  /// digits, read off a card).
  private func phoneMatches(_ digits: String, limit: Int) throws -> [Int64] {
    let national = PhoneDigits.national(digits, countryCode: phoneCountryCode)
    var prefixes = [digits]
    // Too few national digits would match a whole country's numbers.
    if national.count >= 2 {
      prefixes += PhoneDigits.storedPrefixes(national: national, countryCode: phoneCountryCode)
    }
    var found: [Int64] = []
    for prefix in Set(prefixes).sorted() {
      found += try database.rows(
        "SELECT id FROM customers WHERE phone_digits >= ?1 AND phone_digits < ?1 || ':' LIMIT ?2",
        prefix, limit, map: { $0.int64(0) })
    }
    let ends = try database.rows(
      "SELECT id FROM customers WHERE phone_reverse >= ?1 AND phone_reverse < ?1 || ':' LIMIT ?2",
      String(digits.reversed()), limit, map: { $0.int64(0) })
    return found + ends
  }

  private func nameMatches(_ words: [String], limit: Int) throws -> [Int64] {
    // Each word is a quoted prefix term; quoting keeps FTS5 from reading the query's punctuation
    // as operators (there is none after folding, but the quotes make that a guarantee).
    let match = words.prefix(8).map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"*" }
      .joined(separator: " ")
    return try database.rows(
      "SELECT rowid FROM customer_names WHERE customer_names MATCH ? LIMIT ?", match, limit,
      map: { $0.int64(0) })
  }

  /// Each hit with its branch and plans, so the list says where the member stands: a few indexed
  /// reads per hit, for a page of twenty at most.
  private func summaries(_ ids: ArraySlice<Int64>) throws -> [MemberSummary] {
    var result: [MemberSummary] = []
    for id in ids {
      let summary = try database.first(
        """
        SELECT c.id, c.full_name, c.phone, c.qr_code, c.branch_id, c.is_active, b.name
        FROM customers c LEFT JOIN branches b ON b.id = c.branch_id WHERE c.id = ?
        """,
        id
      ) { row in
        MemberSummary(
          id: row.int64(0), fullName: row.text(1), phone: row.optionalText(2),
          qrCode: row.optionalText(3), branchID: row.int64(4), isActive: row.bool(5),
          branchName: row.optionalText(6))
      }
      guard var summary else { continue }
      summary.plans = try subscriptions(memberID: id)
      result.append(summary)
    }
    return result
  }
}
