/// One search hit: enough to pick the right member from a list.
public struct MemberSummary: Hashable, Sendable {
  public var id: Int64
  public var fullName: String
  public var phone: String?
  public var qrCode: String?
  public var branchID: Int64
  public var isActive: Bool
  public var branchName: String?
  /// The member's plans, where the store has them at hand (the local one always); `nil` when
  /// fetching them would cost a request per hit (the server).
  public var plans: [Subscription]?
  /// The server's own word on whether the member holds an active plan, when plans are unknown.
  public var hasActivePlan: Bool?

  public init(
    id: Int64, fullName: String, phone: String?, qrCode: String?, branchID: Int64, isActive: Bool,
    branchName: String? = nil, plans: [Subscription]? = nil, hasActivePlan: Bool? = nil
  ) {
    self.id = id
    self.fullName = fullName
    self.phone = phone
    self.qrCode = qrCode
    self.branchID = branchID
    self.isActive = isActive
    self.branchName = branchName
    self.plans = plans
    self.hasActivePlan = hasActivePlan
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
