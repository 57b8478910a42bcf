import CheckInCore
import Foundation
import Testing

@testable import CheckInApp

/// The hook queue at the program's end: queued hooks run, or each one that can't is said.
@Suite struct HookQueueTests {
  /// What the fake hook process saw, and a door each run waits behind until the test opens it.
  actor Bench {
    private(set) var inputs: [Int64] = []
    private(set) var reports: [String] = []
    private var held = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var startWaiters: [CheckedContinuation<Void, Never>] = []

    func hold() { held = true }

    func release() {
      held = false
      for waiter in waiters { waiter.resume() }
      waiters = []
    }

    func ran(_ input: String) async {
      let id = (try? JSON.object(input).int("attendance_id")) ?? -1
      inputs.append(Int64(id))
      for waiter in startWaiters { waiter.resume() }
      startWaiters = []
      if held { await withCheckedContinuation { waiters.append($0) } }
    }

    func untilStarted(_ count: Int) async {
      while inputs.count < count { await withCheckedContinuation { startWaiters.append($0) } }
    }

    func said(_ text: String) { reports.append(text) }
  }

  private func receipt(_ id: Int64) -> Receipt {
    Receipt(
      attendanceID: id, memberID: 1, memberName: "Sara", action: .deduct, deducted: 1,
      remaining: 3, subscriptionID: 11, kind: .sessions, checkedInAt: Date(timeIntervalSince1970: 0)
    )
  }

  private func runner(_ bench: Bench) -> HookRunner {
    HookRunner(
      command: "door", timeout: 5, report: { text in Task { await bench.said(text) } },
      run: { _, input, _ in
        await bench.ran(input)
        return .exited(0)
      })
  }

  @Test func queuedHooksRunInOrderBeforeTheEnd() async {
    let bench = Bench()
    let hooks = runner(bench)
    for id in Int64(1)...20 { await hooks.enqueue(receipt(id)) }
    let notRun = await hooks.finish(until: { try? await Task.sleep(for: .seconds(3600)) })
    #expect(notRun.isEmpty)
    #expect(await bench.inputs == Array(1...20))
    #expect(await hooks.pending == 0)
  }

  @Test func hooksStillWaitingAtTheLimitAreEachReported() async throws {
    let bench = Bench()
    await bench.hold()
    let hooks = runner(bench)
    for id in Int64(1)...4 { await hooks.enqueue(receipt(id)) }
    await bench.untilStarted(1)
    #expect(await hooks.pending == 4)
    let finishing = Task { await hooks.finish(until: {}) }
    // The limit has passed; the running hook may still finish within its own timeout.
    while await hooks.pending > 1 { await Task.yield() }
    await bench.release()
    let notRun = await finishing.value
    #expect(notRun == [2, 3, 4])
    #expect(await bench.inputs == [1], "no hook starts after the limit")
    await hooks.enqueue(receipt(5))
    while await bench.reports.count < 4 { await Task.yield() }
    let reports = await bench.reports
    for id in 2...5 {
      #expect(
        reports.contains { $0.contains("check-in \(id) was not run") && $0.contains("stands") },
        "\(reports)")
    }
  }
}
