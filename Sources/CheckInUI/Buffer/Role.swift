/// What a cell shows, for the theme to colour: views name a role, never a colour.
public enum Role: String, CaseIterable, Codable, Hashable, Sendable {
  case normal
  case title
  case label
  case value
  case muted
  case border
  case scanField = "scan_field"
  case good
  case warning
  case danger
  case selection
  case key
  case statusBar = "status_bar"
  case statusKey = "status_key"
  case bannerGood = "banner_good"
  case bannerRefused = "banner_refused"
  case bannerStaff = "banner_staff"
  /// A calm outcome: the member is in already, nothing was recorded.
  case bannerInfo = "banner_info"
  case alertBirthday = "alert_birthday"
  case alertNotes = "alert_notes"
  case alertEnding = "alert_ending"
  case alertLowBalance = "alert_low_balance"
  case barFilled = "bar_filled"
  case barEmpty = "bar_empty"
  case histogram
}

extension Role {
  /// For roles added after theme files were first written: the older role whose style a theme
  /// without one borrows, so a gym's own theme keeps working after an upgrade.
  public var olderStandIn: Role? {
    switch self {
    case .bannerInfo: .selection
    default: nil
    }
  }
}
