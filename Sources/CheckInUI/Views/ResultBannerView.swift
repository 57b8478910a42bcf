import CheckInCore
import Foundation

/// The outcome, big enough to read from two metres: a word in block letters on the outcome's
/// colour, then back to the scan field by itself. On a refusal or a second scan the banner is a
/// band over the member's card, so the reason and the facts behind it are on one screen.
enum ResultBannerView {
  /// Letter sizes tried, largest first; 0 is the word as plain text.
  private static let scales = [2, 1, 0]

  static func draw(
    _ frame: inout ScreenBuffer, in rect: Rect, banner: ResultBanner, info: ViewInfo
  ) {
    let message = BannerMessage(banner, info: info)
    if message.keepsCard, let card = banner.card {
      drawOverCard(&frame, in: rect, message: message, card: card, info: info)
      return
    }
    frame.fill(rect, role: message.role)
    let scale =
      scales.first {
        message.fits(scale: $0, in: rect) && message.height(scale: $0) + 2 <= rect.height
      } ?? 0
    drawBand(&frame, in: rect, message: message, scale: scale)
  }

  /// The band on top, a blank row, then the card. The card keeps all its rows if it can; the
  /// letters shrink first, since the desk needs the facts and the member reads a smaller word.
  private static func drawOverCard(
    _ frame: inout ScreenBuffer, in rect: Rect, message: BannerMessage, card: MemberCard,
    info: ViewInfo
  ) {
    let cardRows = MemberPaneView.naturalHeight(card, today: info.today)
    let layouts = [(2, cardRows), (1, cardRows), (1, min(cardRows, 4)), (0, cardRows), (0, 3)]
    let (scale, _) =
      layouts.first { scale, rows in
        message.fits(scale: scale, in: rect)
          && message.height(scale: scale) + 2 + 1 + rows <= rect.height
      } ?? (0, 0)
    let bandHeight = min(rect.height, message.height(scale: scale) + 2)
    let band = Rect(x: rect.x, y: rect.y, width: rect.width, height: bandHeight)
    frame.fill(band, role: message.role)
    drawBand(&frame, in: band, message: message, scale: scale)
    let paneTop = band.maxY + 1
    guard paneTop < rect.maxY else { return }
    MemberPaneView.draw(
      &frame, in: Rect(x: rect.x, y: paneTop, width: rect.width, height: rect.maxY - paneTop),
      card: card, selected: nil, plans: [], info: info)
  }

  /// The word and the lines, centred in `rect`.
  private static func drawBand(
    _ frame: inout ScreenBuffer, in rect: Rect, message: BannerMessage, scale: Int
  ) {
    var y = rect.y + max(0, (rect.height - message.height(scale: scale)) / 2)
    if scale > 0 {
      for row in BlockFont.render(message.word, scale: scale) {
        frame.putCentered(row, in: rect, y: y, role: message.role)
        y += 1
      }
    } else {
      frame.putCentered(message.word, in: rect, y: y, role: message.role)
      y += 1
    }
    y += 1
    for text in message.lines where y < rect.maxY {
      frame.putCentered(text, in: rect, y: y, role: message.role)
      y += 1
    }
  }
}
