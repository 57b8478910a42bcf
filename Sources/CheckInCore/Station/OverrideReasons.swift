/// The reasons a desk most often lets a refused member in for, offered as a pick list so the
/// override report groups them; any other reason is typed.
public enum OverrideReasons {
  public static let standard = ["Forgot card", "Trial visit", "Day pass", "Paid at the desk"]
}
