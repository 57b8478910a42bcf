import Foundation

/// Formats times the way a desk reads them, without a locale-dependent formatter.
public enum ClockText {
  /// `17:05` in `timeZone`.
  public static func hoursMinutes(_ date: Date, in timeZone: TimeZone) -> String {
    let (hour, minute, _) = parts(date, in: timeZone)
    return "\(twoDigits(hour)):\(twoDigits(minute))"
  }

  /// `17:05:09` in `timeZone`.
  public static func hoursMinutesSeconds(_ date: Date, in timeZone: TimeZone) -> String {
    let (hour, minute, second) = parts(date, in: timeZone)
    return "\(twoDigits(hour)):\(twoDigits(minute)):\(twoDigits(second))"
  }

  /// `2026-11-24 17:05` in `timeZone`.
  public static func dayAndTime(_ date: Date, in timeZone: TimeZone) -> String {
    "\(CalendarDay(date, in: timeZone)) \(hoursMinutes(date, in: timeZone))"
  }

  /// The hour of the day (0–23) `date` falls in.
  public static func hour(_ date: Date, in timeZone: TimeZone) -> Int {
    parts(date, in: timeZone).0
  }

  private static func parts(_ date: Date, in timeZone: TimeZone) -> (Int, Int, Int) {
    let offset = timeZone.secondsFromGMT(for: date)
    let seconds = Int((date.timeIntervalSince1970 + Double(offset)).rounded(.down))
    let secondOfDay = ((seconds % 86_400) + 86_400) % 86_400
    return (secondOfDay / 3600, (secondOfDay % 3600) / 60, secondOfDay % 60)
  }

  private static func twoDigits(_ value: Int) -> String {
    value < 10 ? "0\(value)" : String(value)
  }

  /// How long ago `then` was, roughly, for "card from 3 h ago": seconds under a minute, then
  /// minutes, hours, days.
  public static func age(from then: Date, to now: Date) -> String {
    let seconds = max(0, Int(now.timeIntervalSince(then)))
    switch seconds {
    case ..<60: return "\(seconds) s"
    case ..<3600: return "\(seconds / 60) min"
    case ..<86_400: return "\(seconds / 3600) h"
    default: return "\(seconds / 86_400) d"
    }
  }
}
