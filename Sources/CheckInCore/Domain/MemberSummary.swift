/// One search hit: enough to pick the right member from a list.
public struct MemberSummary: Hashable, Sendable {
  public var id: Int64
  public var fullName: String
  public var phone: String?
  public var qrCode: String?
  public var branchID: Int64
  public var isActive: Bool

  public init(
    id: Int64, fullName: String, phone: String?, qrCode: String?, branchID: Int64, isActive: Bool
  ) {
    self.id = id
    self.fullName = fullName
    self.phone = phone
    self.qrCode = qrCode
    self.branchID = branchID
    self.isActive = isActive
  }
}

/// A page of search hits; `hasMore` says the list was cut at the limit.
public struct SearchPage: Hashable, Sendable {
  public var query: String
  public var hits: [MemberSummary]
  public var hasMore: Bool

  public init(query: String, hits: [MemberSummary], hasMore: Bool) {
    self.query = query
    self.hits = hits
    self.hasMore = hasMore
  }
}
