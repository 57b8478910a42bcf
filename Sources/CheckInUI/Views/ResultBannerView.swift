import CheckInCore
import Foundation

/// The outcome, big enough to read from two metres: a word in block letters on the theme's good or
/// danger colour, the member's name and what is left, then back to the scan field by itself.
enum ResultBannerView {
  static func draw(
    _ frame: inout ScreenBuffer, in rect: Rect, banner: ResultBanner, info: ViewInfo
  ) {
    let word: String
    let role: Role
    var lines: [(String, Role)] = []
    switch banner.outcome {
    case .checkedIn(let receipt) where receipt.isQueued:
      word = "ACCEPTED"
      role = .bannerStaff
      let name = banner.card?.member.firstName ?? receipt.memberName
      lines.append(("\(name) — accepted offline, nothing deducted yet", role))
      lines.append(
        (
          "The server can't be reached: queued (#\(receipt.attendanceID)), sent when it is back",
          role
        ))
    case .checkedIn(let receipt):
      word = receipt.discrepancy == nil ? "WELCOME" : "CHECK!"
      role = receipt.discrepancy == nil ? .bannerGood : .bannerStaff
      let name = banner.card?.member.firstName ?? receipt.memberName
      lines.append(("\(name) — \(ResultText.balance(of: receipt))", role))
      var detail =
        "\(receipt.memberName) · \(receipt.action.title) · check-in #\(receipt.attendanceID)"
      if let reason = receipt.overrideReason { detail += " · staff override: \(reason)" }
      lines.append((detail, role))
      if let note = receipt.discrepancy { lines.append(("! " + note, role)) }
    case .refused(let refusal, let name):
      word = refusal.needsStaff ? "SEE DESK" : "REFUSED"
      role = refusal.needsStaff ? .bannerStaff : .bannerRefused
      lines.append((refusal.message(name: name, timeZone: info.timeZone), role))
      if info.abilities.allows(.override), let keys = info.keyMap.label(for: .override) {
        lines.append(("\(keys): let them in anyway (staff override)", role))
      } else if info.isKiosk {
        lines.append(("Please see the desk", role))
      }
    }
    frame.fill(rect, role: role)
    let remaining = max(
      0, Int((info.timing.result - info.now.timeIntervalSince(banner.shownAt)).rounded(.up)))
    // A kiosk's member has only the scanner: no key to name.
    lines.append(
      ("Back to the scan field in \(remaining) s" + (info.isKiosk ? "" : " · Esc now"), role))

    let big = BlockFont.render(word)
    let fitsBig =
      BlockFont.width(of: word) <= rect.width - 2
      && rect.height >= BlockFont.height + lines.count + 3
    let height = (fitsBig ? BlockFont.height + 1 : 2) + lines.count
    var y = rect.y + max(0, (rect.height - height) / 2)
    if fitsBig {
      for row in big {
        frame.putCentered(row, in: rect, y: y, role: role)
        y += 1
      }
    } else {
      frame.putCentered(word, in: rect, y: y, role: role)
      y += 1
    }
    y += 1
    for (text, lineRole) in lines where y < rect.maxY {
      frame.putCentered(text, in: rect, y: y, role: lineRole)
      y += 1
    }
  }
}
