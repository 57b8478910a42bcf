import CheckInCore
import Foundation

/// Draws the whole station: header, scan field, the body for the current screen, the day's list
/// at the side when there is room, and the status line. A pure function of its inputs.
public enum StationView {
  /// Below this the station shows a message instead of a layout that can't fit.
  public static let minimumSize = Size(width: 60, height: 16)
  /// From this width on, today's list stands beside the member pane.
  static let sidePanelWidth = 100

  /// Whether the station can be drawn at `size`; below it, keys change nothing.
  public static func fits(_ size: Size) -> Bool {
    size.width >= minimumSize.width && size.height >= minimumSize.height
  }

  public static func render(
    _ state: StationState, _ info: ViewInfo, size: Size, measure: TextWidth = .unicode
  ) -> ScreenBuffer {
    var frame = ScreenBuffer(size: size, measure: measure)
    guard fits(size) else {
      drawTooSmall(&frame)
      return frame
    }
    let bounds = frame.bounds
    let (header, afterHeader) = bounds.splitTop(1)
    HeaderView.draw(&frame, in: header, info: info)
    let (scanArea, afterScan) = afterHeader.splitTop(4)
    ScanFieldView.draw(&frame, in: scanArea, state: state, info: info)
    let body = Rect(x: 0, y: afterScan.y, width: size.width, height: afterScan.height - 1)
    let status = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)

    var main = body
    let sidePanel = size.width >= sidePanelWidth && info.showsPrivateLists
    if sidePanel {
      let split = body.splitRight(size.width >= 120 ? 36 : 30)
      main = Rect(
        x: split.left.x, y: split.left.y, width: split.left.width - 1, height: body.height)
      for y in body.y..<body.maxY { frame.put("│", x: split.right.x - 1, y: y, role: .border) }
      TodayPanelView.draw(
        &frame, in: split.right.inset(dx: 1, dy: 0), today: state.today, info: info)
    }
    BodyView.draw(
      &frame, in: main.inset(dx: 1, dy: 0), state: state, info: info, todayAtSide: sidePanel)
    StatusLineView.draw(&frame, in: status, state: state, info: info)
    if state.showsHelp {
      HelpOverlayView.draw(&frame, in: bounds, screen: Screen(state.phase), info: info)
    }
    return frame
  }

  private static func drawTooSmall(_ frame: inout ScreenBuffer) {
    let size = frame.size
    let lines = [
      "Terminal too small (\(size))",
      "The station needs at least \(minimumSize)",
      "Enlarge the window",
    ]
    let top = max(0, (size.height - lines.count) / 2)
    for (offset, line) in lines.enumerated() {
      frame.putCentered(
        line, in: frame.bounds, y: top + offset, role: offset == 0 ? .warning : .normal)
    }
  }
}
