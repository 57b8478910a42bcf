import CheckInCore
import CheckInSQLite
import CheckInTerminal
import Foundation

/// `checkin scan CODE`: one scan through the station's state machine, as at the desk.
enum ScanCommand {
  struct Choice {
    var action: CheckInAction?
    var planID: Int64?
  }

  static func run(_ context: CommandContext) async throws(UsageError) -> ExitCode {
    let invocation = context.invocation
    if invocation.has("deduct") && invocation.has("check-in-only") {
      throw UsageError(message: "choose one of --deduct and --check-in-only", command: "scan")
    }
    var choice = Choice()
    if invocation.has("deduct") { choice.action = .deduct }
    if invocation.has("check-in-only") { choice.action = .checkInOnly }
    if let text = invocation.value("plan") {
      choice.planID = try Parse.positiveID(text, what: "--plan")
    }
    let fromInput = invocation.has("stdin")
    let code: String?
    if fromInput {
      try invocation.noArguments()
      code = nil
    } else {
      code = try invocation.single("CODE")
    }

    let station: StationBackend
    do {
      station = try context.openStation()
    } catch {
      return context.fail(error.message)
    }
    let hooks = context.settings.onCheckIn.map { command in
      HookRunner(
        command: command, timeout: context.settings.onCheckInTimeout,
        report: { context.console.warn($0) })
    }
    let environment = StationEnvironment(
      backend: station.backend, announce: { receipt in await hooks?.enqueue(receipt) })
    let settings = station.settings
    var headless = HeadlessStation(
      environment: environment, context: { context.stationContext(settings) })

    var status = ExitCode.success
    if let code {
      status = await scan(code, choice: choice, station: &headless, context: context)
    } else {
      // Every code is a scan with one answer; refusals are normal answers, so only failures
      // change the status.
      // A stop signal ends the input, not the process: the code in hand is answered and the
      // hooks already queued still run.
      StopSignals.install()
      var reader = CodeReader(
        read: context.console.readBytes, stopped: { StopSignals.received != nil })
      while StopSignals.received == nil, let token = reader.next() {
        let result: ExitCode
        switch token {
        case .code(let code):
          result = await scan(code, choice: choice, station: &headless, context: context)
        case .overlong(let bytes):
          result = report(
            refusal: .invalidCode(.tooLong(characters: bytes)), card: nil, context: context)
        }
        if result == .failure { status = .failure }
      }
      // The batch is over and its process leaves: what it wrote is copied back now, once every
      // answer is out, since no other process may know how long the log grew.
      station.local?.checkpointer.checkpointNow()
    }
    // A checkpoint a commit started when the log passed its bound is let finish.
    station.local?.checkpointer.waitForCheckpoint()
    let stop = fromInput ? StopSignals.received : nil
    if let stop {
      // Asked to stop: the same bounded wait as the station's, each hook not run named.
      await hooks?.drainAtExit(console: context.console)
      let name = [SIGHUP: "SIGHUP", SIGINT: "SIGINT"][stop] ?? "SIGTERM"
      context.console.warn("stopped by \(name): the rest of the input was not read")
      return ExitCode(stoppedBy: stop)
    }
    await hooks?.finish()
    return status
  }

  /// Scans `code`, answers the dialog as `choice` says (or by the rules' default), and prints how
  /// it ended.
  static func scan(
    _ code: String, choice: Choice, station: inout HeadlessStation, context: CommandContext
  ) async -> ExitCode {
    if case .failure(let invalid) = ScanParser.parse(code) {
      return report(refusal: .invalidCode(invalid), card: nil, context: context)
    }
    await station.send(.scanned(code))
    if case .member(let dialog) = station.state.phase {
      if let planID = choice.planID {
        if let problem = await pick(planID, dialog: dialog, station: &station, context: context) {
          return problem
        }
      }
      guard case .member(let current) = station.state.phase else { return .failure }
      var action = choice.action ?? current.choice
      if action == .deduct && !current.canDeduct {
        context.console.warn(
          "nothing to deduct on \(current.card.member.firstName)'s \(current.plan.label) — "
            + "checking in without deduction")
        action = .checkInOnly
      }
      await station.send(.choose(action))
    }
    return report(station.state, context: context)
  }

  /// Moves the dialog to plan `planID`; returns a status if that plan can't be used.
  private static func pick(
    _ planID: Int64, dialog: MemberDialog, station: inout HeadlessStation, context: CommandContext
  ) async -> ExitCode? {
    let member = dialog.card.member
    guard let plan = dialog.card.subscriptions.first(where: { $0.id == planID }) else {
      let held = dialog.card.subscriptions.map { String($0.id) }.joined(separator: ", ")
      await station.send(.cancel)
      return context.fail("\(member.fullName) has no plan \(planID) (plans: \(held))")
    }
    guard let index = dialog.plans.firstIndex(where: { $0.id == planID }) else {
      await station.send(.cancel)
      let today = CalendarDay(context.clock(), in: context.timeZone)
      let refusal = Eligibility.unusableReason(plan, today: today) ?? .noSubscription
      return report(refusal: refusal, card: dialog.card, context: context)
    }
    await station.send(.movePlan(index - dialog.planIndex))
    return nil
  }

  static func report(_ state: StationState, context: CommandContext) -> ExitCode {
    switch state.phase {
    case .result(let banner):
      switch banner.outcome {
      case .checkedIn(let receipt):
        context.console.line(
          context.json
            ? Reports.receipt(receipt).rendered
            : TextReports.receipt(receipt, timeZone: context.timeZone))
        return .success
      case .refused(let refusal, _):
        return report(refusal: refusal, card: banner.card, context: context)
      case .alreadyIn(let since, _):
        // Nothing was recorded: for scripts it is the DUPLICATE answer it always was.
        return report(refusal: .duplicate(lastCheckIn: since), card: banner.card, context: context)
      }
    case .loggingIn:
      return context.fail(
        "The server refused the station's login — run `checkin login` and scan again")
    default:
      return context.fail(state.notice?.text ?? "The scan did not finish")
    }
  }

  /// The refusal, and the member's card under it when the member is known: the plan that ran
  /// out and the last visit are what the desk talks about next.
  static func report(refusal: Refusal, card: MemberCard?, context: CommandContext) -> ExitCode {
    let now = context.clock()
    context.console.line(
      context.json
        ? Reports.refusal(refusal, card: card, now: now, timeZone: context.timeZone).rendered
        : TextReports.refusal(refusal, card: card, now: now, timeZone: context.timeZone))
    return .refused
  }
}
