import Foundation

/// A date without a time of day, as plans start and end: "valid until 2026-12-31" means the whole day.
///
/// Plans are sold in days, not instants, so comparing them with `Date` would make a plan expire at
/// midnight UTC instead of at the end of the member's local day.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// Creates a day if the three numbers name a real date (no 31 February).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
      day <= CalendarDay.daysIn(month: month, year: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses the `YYYY-MM-DD` form used in the database, CSV files and the backend's API.
  public init?(iso text: some StringProtocol) {
    // Read the ten bytes directly: imports parse millions of these.
    var digits: [Int] = []
    digits.reserveCapacity(8)
    var count = 0
    for byte in text.utf8 {
      count += 1
      if count > 10 { return nil }
      if count == 5 || count == 8 {
        if byte != UInt8(ascii: "-") { return nil }
      } else if byte >= 48 && byte <= 57 {
        digits.append(Int(byte - 48))
      } else {
        return nil
      }
    }
    guard count == 10 else { return nil }
    let year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
    self.init(year: year, month: digits[4] * 10 + digits[5], day: digits[6] * 10 + digits[7])
  }

  /// The local day `date` falls on in `timeZone`.
  public init(_ date: Date, in timeZone: TimeZone) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    // A Gregorian calendar always yields these three components.
    self.year = parts.year ?? 1970
    self.month = parts.month ?? 1
    self.day = parts.day ?? 1
  }

  public var description: String {
    let y = String(year)
    let m = month < 10 ? "0\(month)" : String(month)
    let d = day < 10 ? "0\(day)" : String(day)
    return "\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(m)-\(d)"
  }

  /// Days since 1970-01-01, for day arithmetic that needs no calendar object.
  public var ordinal: Int {
    // Howard Hinnant's days-from-civil algorithm, valid for the proleptic Gregorian calendar.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let shiftedMonth = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The day `count` days after this one (before it when negative).
  public func adding(days count: Int) -> CalendarDay {
    CalendarDay(ordinal: ordinal + count)
  }

  /// Whole days from this day to `other`; negative when `other` is earlier.
  public func days(until other: CalendarDay) -> Int {
    other.ordinal - ordinal
  }

  /// The instant this day starts in `timeZone`.
  public func start(in timeZone: TimeZone) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = DateComponents(year: year, month: month, day: day)
    return calendar.date(from: parts) ?? Date(timeIntervalSince1970: Double(ordinal) * 86_400)
  }

  public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  private init(ordinal: Int) {
    // The inverse of `ordinal` (civil-from-days).
    let z = ordinal + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    self.month = month
    self.day = day
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2:
      let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return leap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}

extension Character {
  /// True for the ten ASCII digits only; `isNumber` also accepts Arabic-Indic digits and fractions.
  var isASCIIDigitCharacter: Bool {
    guard let ascii = asciiValue else { return false }
    return ascii >= 48 && ascii <= 57
  }
}
