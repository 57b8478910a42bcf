/// The receptionist's choice in the dialog.
public enum CheckInAction: String, Hashable, Sendable, CaseIterable {
  /// Record the visit and deduct nothing.
  case checkInOnly = "check_in_only"
  /// Record the visit and deduct one session or coin.
  case deduct = "check_in_with_deduction"

  /// The label on the dialog's button, in the plan's unit: a coin plan deducts a coin.
  public func title(for kind: PlanKind?) -> String {
    switch (self, kind) {
    case (.checkInOnly, _): "Check-In Only"
    case (.deduct, .coins?): "Deduct Coin"
    case (.deduct, _): "Deduct Session"
    }
  }
}
