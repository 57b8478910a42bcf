import CheckInCore
import Testing

@testable import CheckInUI

/// 王伟 and a plan named in Chinese: two columns a character, and nothing shifts after them.
@Suite struct CJKNameLayoutTests {
  @Test(arguments: Screens.sizes)
  func memberWithChinesePlan(size: Size) {
    let frame = Screens.render(Scenes.dialog(Scenes.wang), size: size)
    Snapshot.expect(frame, named: "member-wang")
    LayoutChecks.expectMemberNumberAfterName(frame, card: Scenes.wang)
    LayoutChecks.expectPlanDetailsAligned(frame, plans: 2)
    LayoutChecks.expectBoxIntact(frame)
    #expect(frame.find("私人教练课程十…") != nil, "a long plan name is cut by width, with …")
    if size.width >= 100 { LayoutChecks.expectTodayPanelIntact(frame) }
  }

  /// The today list holds 王伟 on several rows: the separator and the marks stay put.
  @Test func todayListWithChineseNames() {
    let frame = Screens.render(Screens.ready, size: Size(width: 120, height: 40))
    #expect(frame.find("16:57 王伟") != nil)
    LayoutChecks.expectTodayPanelIntact(frame)
  }
}
