/// A gym member as the desk sees them.
public struct Member: Hashable, Sendable {
  public var id: Int64
  public var fullName: String
  public var phone: String?
  /// The code printed on the member's card or phone; `nil` when none is stored, in which case the
  /// member's card carries `customer_id:<id>`.
  public var qrCode: String?
  public var branchID: Int64
  public var branchName: String?
  public var isActive: Bool
  public var dateOfBirth: CalendarDay?
  /// Notes the staff keep about the member ("knee injury", "pays at the desk").
  public var notes: String?

  public init(
    id: Int64, fullName: String, phone: String? = nil, qrCode: String? = nil, branchID: Int64,
    branchName: String? = nil, isActive: Bool = true, dateOfBirth: CalendarDay? = nil,
    notes: String? = nil
  ) {
    self.id = id
    self.fullName = fullName
    self.phone = phone
    self.qrCode = qrCode
    self.branchID = branchID
    self.branchName = branchName
    self.isActive = isActive
    self.dateOfBirth = dateOfBirth
    self.notes = notes
  }

  /// The code to show for the member: the stored one, or the default every member has.
  public var displayCode: String { qrCode ?? "customer_id:\(id)" }

  /// The first word of the name, for greetings on the result banner.
  public var firstName: String {
    fullName.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? fullName
  }
}
