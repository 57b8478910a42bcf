import Foundation

extension Date {
  /// Milliseconds since 1970, as both kinds of file store times.
  public var storedMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

  public init(storedMilliseconds: Int64) {
    self.init(timeIntervalSince1970: Double(storedMilliseconds) / 1000)
  }
}
