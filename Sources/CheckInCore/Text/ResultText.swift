/// Words outcomes for the banner, the notice line and the command line.
public enum ResultText {
  /// "Sara checked in — 7 sessions left".
  public static func summary(of receipt: Receipt) -> String {
    "\(receipt.memberName) checked in — \(balance(of: receipt))"
  }

  /// What the check-in did to the plan: "1 session deducted, 7 left", "no deduction".
  public static func balance(of receipt: Receipt) -> String {
    guard let kind = receipt.kind, kind.isCounted else {
      return receipt.deducted > 0 ? "\(receipt.deducted) deducted" : "no deduction (time plan)"
    }
    let left = receipt.remaining.map { "\($0) \(kind.unit($0)) left" }
    if receipt.deducted > 0 {
      let used = "\(receipt.deducted) \(kind.unit(receipt.deducted)) deducted"
      return left.map { "\(used), \($0)" } ?? used
    }
    return left.map { "nothing deducted, \($0)" } ?? "nothing deducted"
  }

  /// "Voided Sara Haddad's check-in #41 — 1 session given back, 8 left".
  public static func summary(of voided: VoidReceipt) -> String {
    var text = "Voided \(voided.memberName)'s check-in #\(voided.attendanceID)"
    if voided.restored > 0, let kind = voided.kind {
      text += " — \(voided.restored) \(kind.unit(voided.restored)) given back"
      if let remaining = voided.remaining { text += ", \(remaining) left" }
    }
    return text
  }
}
