import CheckInCore
import Foundation

/// The backend's times: naive UTC ISO strings (`2026-11-24T20:33:38.043512`, no `Z`), and dates
/// that are sometimes `2026-12-31`, sometimes `2026-12-31T00:00:00`.
enum ServerTime {
  static func instant(_ text: String?) -> Date? {
    guard let text, text.count >= 19 else { return nil }
    let chars = Array(text.utf8)
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        guard index < chars.count, chars[index] >= 48, chars[index] <= 57 else { return nil }
        value = value * 10 + Int(chars[index] - 48)
      }
      return value
    }
    guard let day = CalendarDay(iso: text.prefix(10)), let hour = number(11..<13),
      let minute = number(14..<16), let second = number(17..<19), hour < 24, minute < 60,
      second < 61
    else { return nil }
    var fraction = 0.0
    if chars.count > 20, chars[19] == UInt8(ascii: ".") {
      var scale = 0.1
      for index in 20..<chars.count where chars[index] >= 48 && chars[index] <= 57 {
        fraction += Double(chars[index] - 48) * scale
        scale /= 10
      }
    }
    let seconds = Double(day.ordinal) * 86_400 + Double(hour * 3600 + minute * 60 + second)
    return Date(timeIntervalSince1970: seconds + fraction)
  }

  static func day(_ text: String?) -> CalendarDay? {
    guard let text, text.count >= 10 else { return nil }
    return CalendarDay(iso: text.prefix(10))
  }

  /// `2026-11-24T20:33:38` in UTC, as the backend writes times.
  static func string(_ date: Date) -> String {
    let day = CalendarDay(date, in: .gmt)
    return "\(day)T\(ClockText.hoursMinutesSeconds(date, in: .gmt))"
  }
}
