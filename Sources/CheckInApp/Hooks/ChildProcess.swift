import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a shell command in a process group of its own, feeds it input, and stops the whole group
/// if it outlives its time limit.
enum ChildProcess {
  enum Outcome: Equatable, Sendable {
    case exited(Int32)
    case killedBySignal(Int32)
    case timedOut
    case couldNotStart(String)
  }

  static func run(shellCommand: String, input: String, timeout: TimeInterval) async -> Outcome {
    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else { return .couldNotStart("no pipe: errno \(errno)") }
    let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
    // Neither end may leak into other programs; the child gets the read end as its stdin through
    // dup2, which clears the flag on the copy. (glibc's pipe2 isn't visible to Swift.)
    _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
    _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)

    guard let pid = spawn(shellCommand, stdinFrom: readEnd) else {
      close(readEnd)
      close(writeEnd)
      return .couldNotStart("posix_spawn failed: errno \(errno)")
    }
    close(readEnd)
    // The timeout counts from here, writing the receipt included: a hook that never reads a
    // receipt too big for the pipe must not hold the station.
    let deadline = Date().addingTimeInterval(timeout)
    _ = fcntl(writeEnd, F_SETFL, fcntl(writeEnd, F_GETFL) | O_NONBLOCK)
    await writeAll(input, to: writeEnd, until: deadline)
    close(writeEnd)
    return await wait(for: pid, until: deadline)
  }

  private static func spawn(_ command: String, stdinFrom readEnd: Int32) -> pid_t? {
    var actions = posix_spawn_file_actions_t()
    var attributes = posix_spawnattr_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawnattr_init(&attributes)
    defer {
      posix_spawn_file_actions_destroy(&actions)
      posix_spawnattr_destroy(&attributes)
    }
    posix_spawn_file_actions_adddup2(&actions, readEnd, 0)
    // The hook's output would land in --json output or on the station's screen.
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    // A group of its own lets a timeout stop the shell and everything it started.
    posix_spawnattr_setpgroup(&attributes, 0)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGPIPE)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

    let words: [String] = ["/bin/sh", "-c", command]
    let arguments: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) }
    let environment: [UnsafeMutablePointer<CChar>?] = ProcessInfo.processInfo.environment.map {
      strdup("\($0.key)=\($0.value)")
    }
    defer {
      for pointer in arguments + environment { free(pointer) }
    }
    var pid: pid_t = 0
    let status = posix_spawn(
      &pid, "/bin/sh", &actions, &attributes, arguments + [nil], environment + [nil])
    return status == 0 ? pid : nil
  }

  private static func writeAll(_ text: String, to descriptor: Int32, until deadline: Date) async {
    let bytes = Array(text.utf8)
    var offset = 0
    var pause: UInt64 = 1_000_000
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if written > 0 {
        offset += written
        continue
      }
      // The pipe is full and the hook isn't reading yet: wait for it, but not past the deadline.
      // Anything else (it closed its input) is the hook's business.
      guard written < 0 && (errno == EAGAIN || errno == EINTR), Date() < deadline else { return }
      try? await Task.sleep(nanoseconds: pause)
      pause = min(pause * 2, 50_000_000)
    }
  }

  private static func wait(for pid: pid_t, until deadline: Date) async -> Outcome {
    var pause: UInt64 = 2_000_000
    while true {
      if let outcome = reap(pid) { return outcome }
      if Date() >= deadline { break }
      try? await Task.sleep(nanoseconds: pause)
      pause = min(pause * 2, 50_000_000)
    }
    kill(-pid, SIGTERM)
    for _ in 0..<20 {
      if reap(pid) != nil { return .timedOut }
      try? await Task.sleep(nanoseconds: 10_000_000)
    }
    kill(-pid, SIGKILL)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return .timedOut
  }

  private static func reap(_ pid: pid_t) -> Outcome? {
    var status: Int32 = 0
    let result = waitpid(pid, &status, WNOHANG)
    guard result == pid else { return result < 0 ? .exited(-1) : nil }
    let signal = status & 0x7F
    return signal == 0 ? .exited((status >> 8) & 0xFF) : .killedBySignal(signal)
  }
}
