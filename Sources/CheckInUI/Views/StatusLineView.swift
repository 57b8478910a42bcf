import CheckInCore
import Foundation

/// The bottom line: where the data lives, online or offline, today's count, and the keys that
/// work now.
enum StatusLineView {
  static func draw(_ frame: inout ScreenBuffer, in rect: Rect, state: StationState, info: ViewInfo)
  {
    frame.fill(rect, role: .statusBar)
    var left: String
    switch info.connection {
    case .local:
      left = " ● \(info.storeName)"
    case .online(let queued, let review):
      left = " ● online · \(info.storeName)" + outbox(queued: queued, review: review)
    case .offline(let queued, let review):
      left = " ○ OFFLINE · \(info.storeName)" + outbox(queued: queued, review: review)
    }
    if info.showsPrivateLists {
      left += " · \(state.today.tally?.visits ?? 0) today"
    }
    let used = frame.put(left + "  ", x: rect.x, y: rect.y, role: .statusBar)
    var x = rect.x + used
    let hints = info.keyMap.hints(on: Screen(state.phase), abilities: info.abilities)
    for hint in hints {
      let text = "\(hint.key) \(hint.text)  "
      guard x + frame.measure.columns(of: text) <= rect.maxX else { break }
      x += frame.put(hint.key, x: x, y: rect.y, role: .statusKey)
      x += frame.put(" \(hint.text)  ", x: x, y: rect.y, role: .statusBar)
    }
  }

  /// `· 3 queued · 1 to review`, or nothing when the outbox is empty.
  private static func outbox(queued: Int, review: Int) -> String {
    var text = ""
    if queued > 0 { text += " · \(queued) queued" }
    if review > 0 { text += " · \(review) to review" }
    return text
  }
}
