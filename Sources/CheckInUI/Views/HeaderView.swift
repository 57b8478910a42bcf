import CheckInCore
import Foundation

/// The top line: the station, its branch, and the clock.
enum HeaderView {
  static func draw(_ frame: inout ScreenBuffer, in rect: Rect, info: ViewInfo) {
    frame.fill(rect, role: .statusBar)
    let clock = ClockText.hoursMinutesSeconds(info.now, in: info.timeZone)
    let right = "\(info.today)  \(clock) "
    let rightWidth = frame.measure.columns(of: right)
    var left = " CheckIn Station · \(info.stationName) · \(info.branchName)"
    if info.isKiosk { left += info.staffUnlocked ? " · kiosk (staff)" : " · kiosk" }
    let fitted = frame.measure.truncate(left, to: rect.width - rightWidth - 1)
    frame.put(fitted, x: rect.x, y: rect.y, role: .statusBar)
    frame.put(right, x: rect.maxX - rightWidth, y: rect.y, role: .statusBar)
  }
}
