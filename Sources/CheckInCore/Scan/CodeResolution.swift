/// Decides when a plain id form may stand in for a member's stored code.
///
/// A gym that regenerates a member's code (because the old one was shared or copied) retires every
/// earlier code of that member. Only members still on an id-shaped code, or with no stored code at
/// all, may be found by their number.
public enum CodeResolution {
  /// Whether the member with `memberID` and `storedCode` may be let in on the plain id form
  /// `scanned`, given that `scanned` didn't match any stored code exactly.
  public static func idFallbackAccepts(storedCode: String?, memberID: Int64) -> Bool {
    guard let storedCode else { return true }
    return ScanParser.plainID(in: storedCode) == memberID
  }
}
