import Foundation
import Testing

@testable import CheckInApp

extension ProcessTests {
  @Suite("ChildProcess")
  struct ChildProcessTests {
    init() { ProcessTests.ignoreBrokenPipes() }

    @Test func theInputArrivesOnStandardInput() async throws {
      let sandbox = try Sandbox()
      defer { sandbox.remove() }
      let input = "{\"attendance_id\":1,\"customer_name\":\"أحمد\"}\n"
      let outcome = await ChildProcess.run(
        shellCommand: "cat > '\(sandbox.path("input.json"))'", input: input, timeout: 10)
      #expect(outcome == .exited(0))
      #expect(sandbox.read("input.json") == input)
    }

    /// A hook that never reads a receipt bigger than the pipe holds: the timeout still ends it
    /// (it counts from before the receipt is written), instead of the station waiting forever.
    @Test func aHookThatNeverReadsABigReceiptIsStoppedAtItsTimeout() async {
      let receipt = String(repeating: "x", count: 1_000_000)
      let outcome = await ChildProcess.run(shellCommand: "sleep 30", input: receipt, timeout: 0.5)
      #expect(outcome == .timedOut)
    }

    @Test func theExitStatusIsReported() async {
      #expect(await ChildProcess.run(shellCommand: "exit 7", input: "", timeout: 10) == .exited(7))
      #expect(await ChildProcess.run(shellCommand: "true", input: "x\n", timeout: 10) == .exited(0))
    }

    @Test func aSignalIsReported() async {
      let outcome = await ChildProcess.run(shellCommand: "kill -KILL $$", input: "", timeout: 10)
      #expect(outcome == .killedBySignal(SIGKILL))
    }

    @Test func outputGoesNowhere() async throws {
      let sandbox = try Sandbox()
      defer { sandbox.remove() }
      // Writing to stdout and stderr must neither fail nor reach the program's own streams.
      let outcome = await ChildProcess.run(
        shellCommand: "echo out; echo err >&2; cat; echo done > '\(sandbox.path("done"))'",
        input: "in\n", timeout: 10)
      #expect(outcome == .exited(0))
      #expect(sandbox.read("done") == "done\n")
    }

    @Test func aSlowCommandIsStopped() async {
      let clock = ContinuousClock()
      let started = clock.now
      let outcome = await ChildProcess.run(shellCommand: "sleep 30", input: "", timeout: 0.5)
      print("`sleep 30` with a 0.5 s limit returned after \(clock.now - started)")
      // Had it waited for `sleep` to finish, the outcome would be `.exited(0)`.
      #expect(outcome == .timedOut)
    }

    @Test func theWholeProcessGroupIsStopped() async throws {
      let sandbox = try Sandbox()
      defer { sandbox.remove() }
      let shellFile = sandbox.path("shell.pid")
      let childFile = sandbox.path("child.pid")
      let outcome = await ChildProcess.run(
        shellCommand: "echo $$ > '\(shellFile)'; sleep 30 & echo $! > '\(childFile)'; wait",
        input: "", timeout: 2)
      #expect(outcome == .timedOut)
      for file in [shellFile, childFile] {
        let text = try #require(sandbox.read((file as NSString).lastPathComponent))
        let pid = try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(await ProcessTests.waitUntilEnded(pid), "process \(pid) from \(file) still runs")
      }
    }

    @Test func aCommandIgnoringSIGTERMIsKilled() async throws {
      let sandbox = try Sandbox()
      defer { sandbox.remove() }
      let childFile = sandbox.path("child.pid")
      let outcome = await ChildProcess.run(
        shellCommand: "trap '' TERM; sleep 30 & echo $! > '\(childFile)'; wait; sleep 30",
        input: "", timeout: 2)
      #expect(outcome == .timedOut)
      let text = try #require(sandbox.read("child.pid"))
      let pid = try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)))
      #expect(await ProcessTests.waitUntilEnded(pid), "process \(pid) still runs")
    }
  }
}
