import CheckInCore
import Foundation

/// The station's input path without a terminal: what the terminal sent (with the time it was
/// read) is decoded into keys, told apart as typing or a scanner's burst, mapped by screen, and
/// reduced. Pure and synchronous, so a test can feed it real byte sequences at exact times.
public struct StationDriver: Sendable {
  /// What the caller must do after an input or an event.
  public struct Reaction: Hashable, Sendable {
    public var effects: [StationEffect] = []
    public var quit = false
    public var redraw = false

    public init(effects: [StationEffect] = []) {
      self.effects = effects
    }

    mutating func merge(_ other: Reaction) {
      effects += other.effects
      quit = quit || other.quit
      redraw = redraw || other.redraw
    }
  }

  public private(set) var state = StationState()
  public let keyMap: KeyMap
  /// The context every event is reduced in, but for its time.
  public let setup: StationContext
  private var decoder = KeyDecoder()
  private var assembler: ScanBurstAssembler

  public init(setup: StationContext, keyMap: KeyMap = KeyMap(), notice: Notice? = nil) {
    self.setup = setup
    self.keyMap = keyMap
    // A kiosk has only the scanner: a code of any length that simply stops is a scan, and since
    // no person types there, a slow scanner's keys (up to a quarter second apart, or split by
    // a slow link) still belong to one code.
    assembler =
      setup.kiosk == nil
      ? ScanBurstAssembler()
      : ScanBurstAssembler(gap: 0.25, minimumUnterminatedLength: 1)
    state.notice = notice
  }

  public func context(at now: Date) -> StationContext {
    var context = setup
    context.now = now
    return context
  }

  public func abilities(at now: Date) -> DeskAbilities {
    state.abilities(context(at: now))
  }

  /// When pending input must be looked at again if nothing else arrives (a lone Esc, the end of
  /// a burst), on the monotonic clock.
  public var inputDeadline: Double? {
    [decoder.deadline, assembler.deadline].compactMap { $0 }.min()
  }

  /// When the clock next changes something by itself (a held banner, a kiosk's countdown).
  public func clockDeadline(at now: Date) -> Date? {
    Station.nextDeadline(state, context(at: now))
  }

  /// Scalars the terminal sent, read at `time` on the monotonic clock (`now` on the wall clock).
  public mutating func read(_ scalars: [Unicode.Scalar], at time: Double, now: Date) -> Reaction {
    var reaction = expire(at: time, now: now)
    for scalar in scalars {
      for key in decoder.feed(scalar, at: time) {
        reaction.merge(press(key, at: time, now: now))
      }
    }
    return reaction
  }

  /// Lets input deadlines pass: a lone Esc becomes Esc, a burst that stopped ends.
  public mutating func expire(at time: Double, now: Date) -> Reaction {
    var reaction = Reaction()
    for key in decoder.flush(at: time) { reaction.merge(press(key, at: time, now: now)) }
    for output in assembler.flushIfStale(at: time) { reaction.merge(route(output, now: now)) }
    return reaction
  }

  /// The terminal is now `size`: whether the station fits decides whether keys act.
  public mutating func resize(to size: Size, now: Date) -> Reaction {
    var reaction = Reaction()
    reaction.effects = reduce(.resized(fits: StationView.fits(size)), now: now)
    reaction.redraw = true
    return reaction
  }

  /// An event from outside the keyboard: an effect's answer, or the clock.
  public mutating func send(_ event: StationEvent, now: Date) -> [StationEffect] {
    reduce(event, now: now)
  }

  private mutating func reduce(_ event: StationEvent, now: Date) -> [StationEffect] {
    Station.reduce(into: &state, event, context(at: now))
  }

  private mutating func press(_ key: KeyEvent, at time: Double, now: Date) -> Reaction {
    let screen = Screen(state.phase)
    var hold: Int?
    if screen.holdsTyping {
      hold = Self.promptScanLength
    } else if focusedText.isEmpty
      && keyMap.isCommand(key, on: screen, abilities: abilities(at: now))
    {
      hold = 1
    }
    var reaction = Reaction()
    for output in assembler.feed(key, at: time, hold: hold) {
      reaction.merge(route(output, now: now))
    }
    return reaction
  }

  private mutating func route(_ output: ScanBurstAssembler.Output, now: Date) -> Reaction {
    var reaction = Reaction()
    switch output {
    case .text(let text):
      reaction.effects = reduce(.typed(text), now: now)
    case .scan(let text):
      reaction.effects = reduce(.burst(text, terminated: true), now: now)
    case .unterminatedScan(let text):
      reaction.effects = reduce(.burst(text, terminated: false), now: now)
    case .key(let key):
      let intent = keyMap.intent(
        for: key, on: Screen(state.phase), fieldEmpty: focusedText.isEmpty,
        abilities: abilities(at: now))
      switch intent {
      case .station(let event)?: reaction.effects = reduce(event, now: now)
      case .quit?: reaction.quit = true
      case .redraw?: reaction.redraw = true
      case nil: break
      }
    }
    return reaction
  }

  /// In a text prompt, held keys and Enter are a member's card only from this many on: fewer
  /// are a person's last key and Enter pressed together.
  static let promptScanLength = 3

  /// The text field that has the focus, which decides whether `q`, `/` or `?` are typed.
  var focusedText: String {
    switch state.phase {
    case .searching(let panel): panel.query
    case .overriding(let prompt): prompt.reason
    case .unlocking(let prompt): prompt.typed
    case .loggingIn(let prompt): prompt.password
    default: state.scanText
    }
  }
}
