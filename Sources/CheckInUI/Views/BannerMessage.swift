import CheckInCore
import Foundation

/// What a result banner says: the word in big letters, its colour, and the lines under it.
struct BannerMessage {
  var word: String
  var role: Role
  var lines: [String]
  /// Whether the member's card stays under the banner: on a refusal or a second scan the desk
  /// talks to the member about their plans, so the facts stay on screen with the reason.
  var keepsCard: Bool

  init(_ banner: ResultBanner, info: ViewInfo) {
    keepsCard = false
    switch banner.outcome {
    case .checkedIn(let receipt) where receipt.isQueued:
      word = "ACCEPTED"
      role = .bannerStaff
      let name = banner.card?.member.firstName ?? receipt.memberName
      lines = [
        "\(name) — accepted offline, nothing deducted yet",
        "The server can't be reached: queued (#\(receipt.attendanceID)), sent when it is back",
      ]
    case .checkedIn(let receipt):
      word = receipt.discrepancy == nil ? "WELCOME" : "CHECK!"
      role = receipt.discrepancy == nil ? .bannerGood : .bannerStaff
      let name = banner.card?.member.firstName ?? receipt.memberName
      lines = ["\(name) — \(ResultText.balance(of: receipt))"]
      // The database's id would read like a visit count: the action and the plan say enough.
      var detail = "\(receipt.memberName) · \(receipt.action.title(for: receipt.kind))"
      if let reason = receipt.overrideReason { detail += " · staff override: \(reason)" }
      lines.append(detail)
      if let note = receipt.discrepancy { lines.append("! " + note) }
    case .alreadyIn(let since, let name):
      word = "ALREADY IN"
      role = .bannerInfo
      keepsCard = banner.card != nil
      let who = banner.card?.member.firstName ?? name ?? "This member"
      let time = ClockText.hoursMinutes(since, in: info.timeZone)
      lines = ["\(who) is already in: checked in at \(time) — nothing recorded"]
    case .refused(let refusal, let name):
      word = refusal.needsStaff ? "SEE DESK" : "REFUSED"
      role = refusal.needsStaff ? .bannerStaff : .bannerRefused
      keepsCard = banner.card != nil
      lines = [refusal.message(name: name, timeZone: info.timeZone)]
      if info.abilities.allows(.override), let keys = info.keyMap.label(for: .override) {
        lines.append("\(keys): let them in anyway (staff override)")
      } else if info.isKiosk {
        lines.append("Please see the desk")
      }
    }
    let remaining = max(
      0, Int((info.timing.result - info.now.timeIntervalSince(banner.shownAt)).rounded(.up)))
    // A kiosk's member has only the scanner: no key to name.
    lines.append("Back to the scan field in \(remaining) s" + (info.isKiosk ? "" : " · Esc now"))
  }

  /// Rows the word and lines take with the word at `scale` (0: the word as plain text).
  func height(scale: Int) -> Int {
    (scale > 0 ? BlockFont.height * scale + 1 : 2) + lines.count
  }

  /// Whether the word at `scale` fits `area` with a column of margin each side. Letters twice as
  /// big are for big screens only (a wall display at 200×60): on an ordinary terminal they would
  /// crowd out the lines under them.
  func fits(scale: Int, in area: Rect) -> Bool {
    if scale >= 2 && (area.width < 120 || area.height < 30) { return false }
    return scale == 0 || BlockFont.width(of: word, scale: scale) <= area.width - 2
  }
}
