import CheckInCore
import Foundation
import Testing

@testable import CheckInUI

/// Random interleavings of scanner bursts (every suffix, every length) and a person's keys (in
/// several terminals' encodings) at random times, on every screen, with a store that answers
/// late, while the window is now and then too small. Whatever happens, the station keeps its
/// promises:
///
/// - no visit is recorded for a member after another code started arriving;
/// - no key acts while the screen isn't drawn;
/// - every recorded visit's banner reaches the screen.
@Suite struct DoorInterleavingTests {
  static let cards = [Scenes.sara, Scenes.omar, Scenes.lina, Scenes.wang, Scenes.mariam]
  static let codes = ["GYM-1", "GYM-2", "GYM-3", "GYM-13", "5", "1", "2", "13", "GYM-99", "x!"]
  static let suffixes = ["\r", "\n", "\r\n", "\t", ""]
  /// What a person presses: digits, Enter, Esc, Space, arrows and function keys as different
  /// terminals send them, the undo and help keys.
  static let keys = [
    "1", "2", "5", "\r", "\u{1B}", " ", "\u{1B}[D", "\u{1B}OC", "\u{1B}[B", "\u{1B}[11~",
    "\u{1B}[[A", "\u{1B}OP", "\u{1B}[20~", "\u{15}", "\u{7F}", "\t",
  ]

  @Test(arguments: 0..<30)
  func promisesHold(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed) &* 7919 &+ 17)
    let kiosk = seed % 3 == 0 ? KioskLock(unlockCode: "4321") : nil
    let desk = FakeDesk(cards: Self.cards, kiosk: kiosk)
    var time = 1.0
    /// When printable keys last arrived: a check-in asked for after a lookup that came before
    /// them would be a visit recorded for the wrong member.
    var printableTimes: [Double] = []
    var lookUpTimes: [RequestID: (at: Double, memberID: Int64?)] = [:]
    var smallSince: Double?
    var answeredWhileSmall: Set<Int64> = []

    for _ in 0..<50 {
      time += Double(random.next(below: 2500)) / 1000
      desk.latency = Double(random.next(below: 600)) / 1000
      let before = desk.performed.count
      switch random.next(below: 10) {
      case 0...3:
        let code = Self.codes[Int(random.next(below: UInt64(Self.codes.count)))]
        let suffix = Self.suffixes[Int(random.next(below: UInt64(Self.suffixes.count)))]
        // 0–60 ms between characters: fast scanners and slow ones (some wait 50 ms).
        let step = Double(random.next(below: 60)) / 1000
        // Keys on a hidden screen change nothing, so they can't be the next code either.
        if smallSince == nil {
          for index in 0..<code.count { printableTimes.append(time + Double(index) * step) }
        }
        desk.scan(code, suffix: suffix, at: time, step: step)
      case 4...7:
        let key = Self.keys[Int(random.next(below: UInt64(Self.keys.count)))]
        if smallSince == nil, key.count == 1, key.first?.isNumber == true {
          printableTimes.append(time)
        }
        desk.send(key, at: time)
      case 8:
        let small = smallSince == nil
        desk.resize(
          to: small ? Size(width: 50, height: 12) : Size(width: 80, height: 24), at: time)
        smallSince = small ? time : nil
      default:
        desk.advance(to: time + 1)
        time += 1
      }
      let new = desk.performed[before...]
      if smallSince != nil {
        // Answers to requests made before the window shrank may still act (a kiosk's lookup),
        // but no key may start anything: Esc only cancels.
        let byKeys = new.filter(\.byKey).map(\.effect).filter {
          if case .cancel = $0 { false } else { true }
        }
        #expect(byKeys.isEmpty, "seed \(seed): keys acted on a hidden screen: \(byKeys)")
      }
      for (at, effect, _) in new {
        switch effect {
        case .lookUp(let id, let payload):
          lookUpTimes[id] = (at, Self.memberID(payload))
        case .checkIn(_, let request):
          // The lookup that found this member, the latest one before the check-in.
          let found = lookUpTimes.values.filter { $0.memberID == request.memberID && $0.at <= at }
            .map(\.at).max()
          if let found {
            let between = printableTimes.filter { $0 > found && $0 <= at }
            #expect(
              between.isEmpty,
              "seed \(seed): member \(request.memberID) checked in at \(at) after keys at \(between)"
            )
          }
          if smallSince != nil { answeredWhileSmall.insert(request.memberID) }
        default:
          break
        }
      }
    }
    desk.advance(to: time + 10)
    let shown = desk.terminal.linesSeen
    for visit in desk.store.visits where !answeredWhileSmall.contains(visit.memberID) {
      // The banner's detail line: the member and what was recorded.
      let name = desk.store.cards[visit.memberID]?.member.fullName ?? "?"
      let detail = "\(name) · " + (visit.action == .deduct ? "Deduct " : "Check-In Only")
      #expect(
        shown.contains { $0.contains(detail) },
        "seed \(seed): the banner of visit \(visit.attendanceID) was never drawn")
    }
  }

  static func memberID(_ payload: ScanPayload) -> Int64? {
    switch payload {
    case .idForm(_, let memberID), .member(let memberID): memberID
    case .code(let code): ScanParser.plainID(in: code)
    }
  }

}
