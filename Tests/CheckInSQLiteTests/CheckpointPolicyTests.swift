import CheckInSQLite
import Testing

/// When the write-ahead log is copied back: never because a commit happened, only once the desk
/// is idle or the log is past its bound.
@Suite struct CheckpointPolicyTests {
  private let policy = CheckpointPolicy(
    idleAfter: .seconds(1), idlePages: 1000, quietAfter: .seconds(60), limitPages: 4096)

  @Test func aBusyDeskWaitsWhateverItsLogHolds() {
    let wal = WALProgress(frames: 4000, copied: 0)
    #expect(policy.reason(for: wal, sinceLastCommit: .zero) == nil)
    #expect(policy.reason(for: wal, sinceLastCommit: .milliseconds(999)) == nil)
  }

  @Test func anIdleDeskCopiesALongLogBack() {
    let wal = WALProgress(frames: 1000, copied: 0)
    #expect(policy.reason(for: wal, sinceLastCommit: .seconds(1)) == .idle)
  }

  @Test func anIdleDeskLeavesAShortLogForLater() {
    // Copying back after every scan would make each next scan start the log over, an extra sync.
    let wal = WALProgress(frames: 1500, copied: 600)
    #expect(wal.uncopied == 900)
    #expect(policy.reason(for: wal, sinceLastCommit: .seconds(30)) == nil)
  }

  @Test func aQuietDeskCopiesWhateverIsLeft() {
    let wal = WALProgress(frames: 12, copied: 4)
    #expect(policy.reason(for: wal, sinceLastCommit: .seconds(60)) == .quiet)
  }

  @Test func pagesPastTheBoundAreCopiedAtOnceHoweverBusyTheDesk() {
    #expect(
      policy.reason(for: WALProgress(frames: 4096, copied: 0), sinceLastCommit: .zero)
        == .overLimit)
    #expect(
      policy.reason(for: WALProgress(frames: 9000, copied: 4904), sinceLastCommit: .zero)
        == .overLimit)
  }

  @Test func aLongLogMostlyCopiedWaitsForThePauseThatLetsItStartOver() {
    // Scans went on while the last checkpoint ran: chasing them would sync beside every scan.
    let wal = WALProgress(frames: 5000, copied: 4990)
    #expect(policy.reason(for: wal, sinceLastCommit: .zero) == nil)
    #expect(policy.reason(for: wal, sinceLastCommit: .seconds(60)) == .quiet)
  }

  @Test func aLogAllCopiedBackNeedsNothing() {
    let wal = WALProgress(frames: 9000, copied: 9000)
    #expect(policy.reason(for: wal, sinceLastCommit: .zero) == nil)
    #expect(policy.reason(for: wal, sinceLastCommit: .seconds(3600)) == nil)
  }

  @Test func aShorterLogAfterACommitWasStartedOver() {
    var wal = WALProgress(frames: 900, copied: 900)
    wal.committed(frames: 6)
    #expect(wal == WALProgress(frames: 6, copied: 0))
    wal.committed(frames: 14)
    #expect(wal.uncopied == 14)
  }

  @Test func commitsDuringACheckpointStayUncopied() {
    var wal = WALProgress(frames: 100, copied: 0)
    // The checkpoint saw 100 frames and copied them; meanwhile commits brought the log to 130.
    wal.committed(frames: 130)
    wal.checkpointed(frames: 100, copied: 100)
    #expect(wal == WALProgress(frames: 130, copied: 100))
    // Another process's commits, unseen here, made the log longer than this process knew.
    wal.checkpointed(frames: 400, copied: 390)
    #expect(wal == WALProgress(frames: 400, copied: 390))
  }
}
