import CheckInCore
import Foundation

struct AttendanceBody: Encodable, Sendable {
  let customerID: Int64
  let branchID: Int64
  let action: String
  let subscriptionID: Int64?
  let checkInTime: String

  enum CodingKeys: String, CodingKey {
    case customerID = "customer_id"
    case branchID = "branch_id"
    case action
    case subscriptionID = "subscription_id"
    case checkInTime = "check_in_time"
  }
}

struct UseCoinsBody: Encodable, Sendable {
  let amount: Int
}

/// What a check-in attempt came to, before it becomes a receipt or an error.
enum CheckInAttempt: Sendable {
  case recorded(AttendanceData)
  /// The request never reached the server: safe to send again later.
  case notDelivered(String)
  /// Sent, answer lost: it may be recorded. Never sent again without a person checking.
  case unknown(String)
  case failed(BackendError)
}

extension RemoteBackend {
  /// Records a check-in on the server. Sends the receptionist's choice for servers that honour
  /// it, reads from the answer what the server did, deducts separately only when the answer shows
  /// it didn't and Deduct was chosen — so one confirmation never deducts twice, whichever version
  /// answers. Unreachable: the check-in goes to the outbox.
  func checkIn(_ request: CheckInRequest) async throws(BackendError) -> Receipt {
    let now = clock()
    if let reason = outageReason {
      return try await queue(request, at: now, because: "the server is down (\(reason))")
    }
    switch await attempt(request, at: request.requestedAt) {
    case .recorded(let data):
      noteReachable(true)
      let receipt = await receipt(from: data, for: request, at: now)
      await noteVisit(request.memberID, at: now)
      return receipt
    case .notDelivered(let reason):
      return try await queue(request, at: now, because: reason)
    case .unknown(let reason):
      // Whatever happens to the station's own note of it, the desk must hear that the server
      // may have it: "failed, try again" would invite a second charge.
      let listed = await park(request, at: now, because: reason)
      throw .unknownOutcome(
        "No answer from the server (\(reason)): the check-in may or may not be recorded — "
          + (listed
            ? "listed for review (checkin outbox); don't scan again before checking"
            : "don't scan again before checking on the server"))
    case .failed(let error):
      throw error
    }
  }

  /// One POST to the attendance endpoint.
  func attempt(_ request: CheckInRequest, at time: Date) async -> CheckInAttempt {
    let body = AttendanceBody(
      customerID: request.memberID, branchID: request.policy.branchID,
      action: request.action.rawValue, subscriptionID: request.subscriptionID,
      checkInTime: ServerTime.string(time))
    do {
      let data: AttendanceData = try await client.send(
        "POST", "/api/attendance", body: body, timeout: options.checkInTimeout)
      return .recorded(data)
    } catch {
      // Whether the server answered at all (a 5xx did; a timeout didn't) decides an outage.
      noteFailure(error)
      switch error {
      case .notDelivered(let reason): return .notDelivered(reason)
      case .noAnswer(let reason): return .unknown(reason)
      case .http(let status, _, _) where status >= 500:
        // The server failed while handling it: the visit may be written.
        return .unknown("the server failed (\(status))")
      case .unreadable:
        // A success status whose body can't be read: the visit is most likely written, so a
        // "not checked in" here would invite a rescan and a second deduction.
        return .unknown("the server's answer could not be read")
      case .withdrawn:
        // Stopped before the request was all out: the server can't have it, so it waits in the
        // outbox like any check-in the server never got.
        return .notDelivered("the station stopped before sending it")
      case .cancelled:
        // The station stopped waiting (it is quitting, say), not the server: the request may
        // have reached it all the same.
        return .unknown("the station stopped waiting for the answer")
      default:
        return .failed(checkInError(error, request: request))
      }
    }
  }

  /// The receipt for what the server did, with a separate deduction only where needed.
  func receipt(from data: AttendanceData, for request: CheckInRequest, at now: Date) async
    -> Receipt
  {
    let plans = recentPlans.withLock { $0[request.memberID] } ?? []
    var reading = ServerMapping.reading(data, for: request, plans: plans, now: now)
    if reading.cardWasStale { await forgetCard(of: request.memberID) }
    if reading.deductsSeparately, let planID = request.subscriptionID, let kind = request.kind {
      switch await deductSeparately(planID: planID, kind: kind) {
      case .success(let left):
        reading.receipt.deducted = 1
        reading.receipt.action = .deduct
        reading.receipt.remaining = left
      case .failure(let problem):
        reading.notes.append(problem.message)
      }
    }
    reading.receipt.discrepancy =
      reading.notes.isEmpty ? nil : reading.notes.joined(separator: "; ")
    return reading.receipt
  }

  /// For servers built to the seed: the visit is recorded, the deduction is its own request.
  private func deductSeparately(planID: Int64, kind: PlanKind) async -> Result<
    Int?, DeductionProblem
  > {
    let path =
      kind == .coins
      ? "/api/subscriptions/\(planID)/use-coins" : "/api/subscriptions/\(planID)/deduct-session"
    do {
      let data: DeductionData = try await client.send(
        "POST", path, body: kind == .coins ? UseCoinsBody(amount: 1) : nil,
        timeout: options.checkInTimeout)
      let left =
        kind == .coins
        ? data.remainingCoins ?? data.subscription?.remainingCoins
        : data.remainingSessions ?? data.subscription?.remainingSessions
      return .success(left)
    } catch {
      switch error {
      case .http(404, _, _):
        return .failure(
          DeductionProblem(
            "The server recorded the visit but has no way to deduct: nothing was deducted"))
      case .noAnswer, .unreadable, .cancelled, .http(500...599, _, _):
        // The deduction may have gone through with its answer lost: deducting by hand without
        // checking could charge the member twice.
        let unit = kind == .coins ? "coin" : "session"
        return .failure(
          DeductionProblem(
            "The visit is recorded, but the deduction got no clear answer "
              + "(\(error.backendError.message)): the \(unit) may or may not have been deducted — "
              + "check the plan on the server before deducting by hand"))
      default:
        return .failure(
          DeductionProblem(
            "The visit is recorded but the deduction failed (\(error.backendError.message)) — "
              + "deduct it at the back office"))
      }
    }
  }

  /// A refusal or error from the attendance endpoint, in the station's terms.
  func checkInError(_ failure: APIFailure, request: CheckInRequest) -> BackendError {
    guard case .http(let status, let message, let details) = failure else {
      return failure.backendError
    }
    switch (status, details?.code) {
    case (403, "NO_SUBSCRIPTION"?):
      if details?.hasExpiredSubscription == true {
        return .refused(.expired(endedOn: ServerTime.day(details?.lastSubscriptionEndDate)))
      }
      return .refused(.noSubscription)
    case (403, "FROZEN"?): return .refused(.frozen(reason: details?.freezeReason))
    case (403, "NO_COINS"?): return .refused(.noCoins)
    case (403, "NO_SESSIONS"?): return .refused(.noSessions)
    case (403, nil) where failure.saysAccessDenied: return .refused(.notThisBranch)
    case (404, _) where failure.saysCustomerNotFound:
      // v-aug answers so for another branch's member too.
      return .refused(.notFound(code: request.code ?? "#\(request.memberID)"))
    case (404, _):
      return failure.notAboutTheMember(service: "check-ins", act: "check members in")
        ?? failure.backendError
    case (400, _) where message?.lowercased().contains("inactive") == true:
      return .refused(.inactive)
    default:
      return failure.backendError
    }
  }
}

struct DeductionProblem: Error {
  let message: String

  init(_ message: String) {
    self.message = message
  }
}
