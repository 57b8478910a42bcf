import CheckInCore
import CheckInSQLite
import Foundation

/// `checkin show CODE`: the member card a scan would show, without checking in.
enum ShowCommand {
  static func run(_ context: CommandContext) async throws(UsageError) -> ExitCode {
    let code = try context.invocation.single("CODE")
    let payload: ScanPayload
    switch ScanParser.parse(code) {
    case .success(let parsed): payload = parsed
    case .failure(let invalid):
      return ScanCommand.report(refusal: .invalidCode(invalid), card: nil, context: context)
    }
    let opened: StationBackend
    do throws(BackendError) {
      opened = try context.openStation()
    } catch {
      return context.fail(error.message)
    }
    let backend = opened.backend
    let station = context.stationContext(opened.settings)
    do throws(BackendError) {
      let card = try await backend.lookUp(payload, station.policy)
      let verdict = Eligibility.evaluate(
        card, policy: station.policy, now: station.now, timeZone: station.timeZone)
      context.console.line(
        context.json
          ? Reports.card(card, verdict: verdict, now: station.now, timeZone: context.timeZone)
            .rendered
          : TextReports.card(card, verdict: verdict, now: station.now, timeZone: context.timeZone))
      return .success
    } catch .refused(let refusal) {
      return ScanCommand.report(refusal: refusal, card: nil, context: context)
    } catch .unauthorized {
      return context.fail("The server refused the station's login — run `checkin login`")
    } catch {
      return context.fail(error.message)
    }
  }
}
