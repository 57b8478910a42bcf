/// What a scan asks the store to find, decided before any lookup.
public enum ScanPayload: Hashable, Sendable {
  /// A code that may only match a member's stored code exactly: regenerated codes with a random
  /// suffix (`GYM-115-9F3A0C1B`) and any shape the station doesn't know.
  case code(String)
  /// A plain id form (`customer_id:115`, `GYM-115`, `CUST-115`, `115`): an exact stored-code match
  /// first, then the member with that id — if the gym allows it and no newer code retired it.
  case idForm(code: String, memberID: Int64)
  /// A member picked from search results: no code involved.
  case member(Int64)

  /// The text as scanned, or `#id` for a member picked from a list.
  public var displayText: String {
    switch self {
    case .code(let code), .idForm(let code, _): code
    case .member(let id): "#\(id)"
    }
  }
}
