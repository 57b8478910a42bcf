import CheckInCore
import Foundation

/// The middle of the screen: what it shows depends on what the station is doing.
enum BodyView {
  /// `todayAtSide`: today's list already stands beside the body, so `F3` has nothing to add.
  static func draw(
    _ frame: inout ScreenBuffer, in rect: Rect, state: StationState, info: ViewInfo,
    todayAtSide: Bool
  ) {
    switch state.phase {
    case .ready:
      if state.showsToday && info.showsPrivateLists && !todayAtSide {
        TodayPanelView.draw(&frame, in: rect, today: state.today, info: info)
      } else {
        IdleView.draw(&frame, in: rect, state: state, info: info)
      }
    case .lookingUp(let lookUp):
      PromptView.busy(
        &frame, in: rect, text: "Looking up \(lookUp.payload.displayText)", info: info)
    case .member(let dialog):
      let (pane, dialogArea) = split(
        rect, card: dialog.card, dialogHeight: DialogView.height, info: info)
      MemberPaneView.draw(
        &frame, in: pane, card: dialog.card, selected: dialog.planIndex,
        plans: dialog.plans, info: info)
      DialogView.draw(&frame, in: dialogArea, dialog: dialog, info: info)
    case .submitting(let submission):
      let (pane, dialogArea) = split(
        rect, card: submission.card, dialogHeight: DialogView.height, info: info)
      MemberPaneView.draw(
        &frame, in: pane, card: submission.card, selected: nil,
        plans: submission.plan.map { [$0] } ?? [], info: info)
      PromptView.busy(&frame, in: dialogArea, text: "Recording the check-in", info: info)
    case .undoing(_, let target):
      PromptView.busy(
        &frame, in: rect, text: "Voiding \(target.memberName)'s check-in", info: info)
    case .result(let banner):
      ResultBannerView.draw(&frame, in: rect, banner: banner, info: info)
    case .searching(let panel):
      SearchPanelView.draw(&frame, in: rect, panel: panel, info: info)
    case .confirmingUndo(let prompt):
      PromptView.undo(&frame, in: rect, prompt: prompt, info: info)
    case .overriding(let prompt):
      PromptView.override(&frame, in: rect, prompt: prompt, info: info)
    case .unlocking(let prompt):
      PromptView.unlock(&frame, in: rect, prompt: prompt)
    case .loggingIn(let prompt):
      PromptView.login(&frame, in: rect, prompt: prompt, info: info)
    }
  }

  /// The member pane above, the dialog right under the card's last line: on a tall terminal the
  /// choice stays beside the facts it is about, not at the foot of the screen.
  private static func split(_ rect: Rect, card: MemberCard, dialogHeight: Int, info: ViewInfo)
    -> (Rect, Rect)
  {
    let cardRows = MemberPaneView.naturalHeight(card, today: info.today) + 1
    let paneHeight = min(rect.height - dialogHeight, cardRows)
    let pane = Rect(x: rect.x, y: rect.y, width: rect.width, height: paneHeight)
    let dialog = Rect(x: rect.x, y: pane.maxY, width: rect.width, height: dialogHeight)
    return (pane, dialog)
  }
}

/// The scan field waits: a greeting, and how the last check-in at this station ended.
enum IdleView {
  static func draw(_ frame: inout ScreenBuffer, in rect: Rect, state: StationState, info: ViewInfo)
  {
    // An invitation readable from the door, when there is room for it.
    let word = BlockFont.render("SCAN")
    let big = rect.height >= BlockFont.height + 6
    var y = rect.y + max(0, (rect.height - (big ? BlockFont.height + 4 : 3)) / 2)
    if big {
      for row in word {
        frame.putCentered(row, in: rect, y: y, role: .title)
        y += 1
      }
      y += 1
    }
    frame.putCentered("Hold the member card under the scanner", in: rect, y: y, role: .normal)
    if let receipt = state.lastCheckIn {
      let time = ClockText.hoursMinutes(receipt.checkedInAt, in: info.timeZone)
      frame.putCentered(
        "Last: \(ResultText.summary(of: receipt)) at \(time)", in: rect, y: y + 2, role: .muted)
    }
  }
}
