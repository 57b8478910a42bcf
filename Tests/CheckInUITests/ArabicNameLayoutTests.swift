import CheckInCore
import Testing

@testable import CheckInUI

/// مريم حسن with two plans, the picker open: an Arabic name must not shift anything after it.
@Suite struct ArabicNameLayoutTests {
  @Test(arguments: Screens.sizes)
  func memberWithTwoPlans(size: Size) {
    let frame = Screens.render(Scenes.dialog(Scenes.mariam), size: size)
    Snapshot.expect(frame, named: "member-mariam")
    LayoutChecks.expectMemberNumberAfterName(frame, card: Scenes.mariam)
    LayoutChecks.expectPlanDetailsAligned(frame, plans: 2)
    LayoutChecks.expectBoxIntact(frame)
    #expect(frame.find("Monthly gym (plan 1 of 2)") != nil, "the picker names the plan")
    if size.width >= 100 { LayoutChecks.expectTodayPanelIntact(frame) }
  }

  /// Arabic letters with their vowel marks take one column each: the marks add none.
  @Test func vowelMarksTakeNoColumns() {
    let name = "مُحَمَّد علي"
    var card = Scenes.sara
    card.member.fullName = name
    let frame = Screens.render(Scenes.dialog(card), size: Size(width: 80, height: 24))
    #expect(TextWidth.unicode.columns(of: name) == 8)
    LayoutChecks.expectMemberNumberAfterName(frame, card: card)
  }
}
