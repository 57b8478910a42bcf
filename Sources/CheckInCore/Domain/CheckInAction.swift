/// The receptionist's choice in the dialog.
public enum CheckInAction: String, Hashable, Sendable, CaseIterable {
  /// Record the visit and deduct nothing.
  case checkInOnly = "check_in_only"
  /// Record the visit and deduct one session or coin.
  case deduct = "check_in_with_deduction"

  /// The label on the dialog's button.
  public var title: String {
    switch self {
    case .checkInOnly: "Check-In Only"
    case .deduct: "Deduct Session"
    }
  }
}
