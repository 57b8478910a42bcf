import CheckInCore
import Testing

@testable import CheckInUI

/// Today's check-ins: at the side of a wide screen, in place of the greeting on a key otherwise.
@Suite struct TodayPanelTests {
  let narrow = Size(width: 80, height: 24)
  let wide = Size(width: 120, height: 40)

  func count(_ text: String, in frame: ScreenBuffer) -> Int {
    frame.lines.map { $0.components(separatedBy: text).count - 1 }.reduce(0, +)
  }

  @Test func aNarrowScreenShowsTheListOnlyWhenAskedFor() {
    let idle = Screens.render(Screens.ready, size: narrow)
    #expect(idle.find("Today ·") == nil)
    #expect(idle.find("Hold the member card under the scanner") != nil)
    let toggled = Screens.render(Screens.todayToggled, size: narrow)
    #expect(toggled.find("Today · 13 check-ins") != nil)
    #expect(toggled.find("Hold the member card") == nil)
  }

  @Test func aWideScreenShowsItAtTheSide() {
    let frame = Screens.render(Screens.ready, size: wide)
    let title = frame.find("Today · 13 check-ins")
    #expect(title?.x == 85)
    #expect(title?.y == 5)
    #expect(frame.find("Hold the member card under the scanner") != nil)
  }

  /// The list is already beside the pane: the Today key must not draw it a second time.
  @Test func aWideScreenNeverShowsTheListTwice() {
    let frame = Screens.render(Screens.todayToggled, size: wide)
    #expect(count("Today · 13 check-ins", in: frame) == 1)
  }

  @Test func newestFirstWithVoidedAndDeductedMarked() throws {
    let frame = Screens.render(Screens.todayToggled, size: narrow)
    let first = try #require(frame.find("18:32 Sara Haddad"))
    #expect(frame.find("18:00 أحمد السيد")?.y == first.y + 1)
    let voided = try #require(frame.find("16:25 Omar Khalil"))
    #expect(frame.lines[voided.y].hasSuffix("voided "))
    #expect(frame.roles(of: "Omar Khalil") == [.muted])
    #expect(frame.lines[first.y + 1].hasSuffix("−1 coin "), "what was deducted, in its unit")
    #expect(frame.lines[first.y + 2].hasSuffix("−1 session "))
    #expect(!frame.lines[first.y].contains("−"), "nothing deducted, no mark")
    let override = try #require(frame.find("14:50 أحمد السيد"))
    #expect(frame.lines[override.y].hasSuffix("override "), "let in by staff")
  }

  @Test func theHistogramCountsPerHour() throws {
    let frame = Screens.render(Screens.todayToggled, size: narrow)
    let axis = try #require(frame.find("6    12    18   23"))
    let bars = frame.text(in: Rect(x: axis.x, y: axis.y - 1, width: 18, height: 1))[0]
    // Fourteen visits every 31'40" back from 18:32: hours 11 to 18, at most two an hour.
    #expect(bars == "     ▄████▄▄█     ")
    #expect(frame.roles(of: "▄████▄▄█") == [.histogram])
    #expect(frame.find("peak 2/h") != nil)
  }

  /// A gym open around the clock: a visit at 02:10 widens the histogram to start at midnight.
  @Test func nightVisitsWidenTheHistogram() throws {
    var entries = Scenes.todayEntries
    entries.append(
      AttendanceEntry(
        id: 1, memberID: 99, memberName: "Night Owl",
        checkedInAt: Scenes.now.addingTimeInterval(-(16 * 3600 + 22 * 60)), action: .checkInOnly,
        deducted: 0, subscriptionID: 1, branchID: 1))
    var state = StationState()
    _ = Station.reduce(
      into: &state, .todayLoaded(.success(Scenes.overview(entries))), Scenes.context())
    _ = Station.reduce(into: &state, .toggleToday, Scenes.context())
    let frame = Screens.render(state, size: narrow)
    let axis = try #require(frame.find("0     6    12    18   23"), "\(frame.lines)")
    let bars = frame.text(in: Rect(x: axis.x, y: axis.y - 1, width: 24, height: 1))[0]
    #expect(Array(bars)[2] != " ", "the 02:00 column: \(bars)")
    #expect(bars.hasSuffix("     ▄████▄▄█     "), "\(bars)")
  }

  /// Names and phones of other members are for staff eyes only.
  @Test func aLockedKioskHidesTheList() {
    let state = Scenes.state([.toggleToday], kiosk: Screens.kiosk)
    let frame = Screens.render(state, size: wide, kiosk: Screens.kiosk)
    #expect(frame.find("Today ·") == nil)
    #expect(frame.find("Sara Haddad") == nil)
  }
}
