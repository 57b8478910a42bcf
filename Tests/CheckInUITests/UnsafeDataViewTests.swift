import CheckInCore
import Testing

@testable import CheckInUI

/// A member record carrying terminal controls is drawn, never obeyed: each view draws through
/// `ScreenBuffer.put`, which applies `TerminalText`'s rule.
@Suite struct UnsafeDataViewTests {
  static let card = MemberCard(
    member: Member(
      id: 7, fullName: "Nour\u{1B}[2J \u{202E}ruoN\u{9B}31m", phone: "+20\u{1B}[H 100",
      qrCode: "GYM-7", branchID: 1, branchName: "Main", notes: "knee\n\u{1B}]0;owned\u{07}"),
    subscriptions: Scenes.sara.subscriptions)

  @Test(arguments: Screens.sizes)
  func theMemberPaneShowsNoControls(size: Size) {
    let frame = Screens.render(Scenes.dialog(Self.card), size: size)
    for cell in frame.cells {
      let unsafe = cell.text.unicodeScalars.filter(TerminalText.isUnsafe)
      #expect(unsafe.isEmpty, "a cell holds \(unsafe.map { String($0.value, radix: 16) })")
    }
    #expect(frame.find("Nour�[2J") != nil, "the name is drawn, its control marked")
  }
}
