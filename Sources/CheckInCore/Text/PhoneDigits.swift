/// Phone numbers as the desk types them and as the records hold them: `0101 234 5678` (national,
/// with the trunk zero), `+20 101 234 5678` and `0020…` (international), `20101…` (international
/// without the plus). Each reduces to one national number, so any form finds any other.
public enum PhoneDigits {
  /// The national significant digits of `digits` (ASCII digits only): the international prefix,
  /// the country code and the trunk zero removed.
  public static func national(_ digits: String, countryCode: String) -> String {
    var rest = Substring(digits)
    if rest.hasPrefix("00") { rest = rest.dropFirst(2) }
    if !countryCode.isEmpty, rest.hasPrefix(countryCode) {
      rest = rest.dropFirst(countryCode.count)
    }
    while rest.hasPrefix("0") { rest = rest.dropFirst() }
    return String(rest)
  }

  /// The digit strings a stored number starting with the national digits `national` may begin
  /// with, in each form a record may hold it.
  public static func storedPrefixes(national: String, countryCode: String) -> [String] {
    guard !national.isEmpty else { return [] }
    var forms = [national, "0" + national]
    if !countryCode.isEmpty { forms += [countryCode + national, "00" + countryCode + national] }
    return forms
  }
}
