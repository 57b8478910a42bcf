import Foundation
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// One HTTP/1.1 exchange over a plain TCP connection of its own, for an `http://` server — which
/// the station accepts only on this machine: an on-box server, an `ssh -L` tunnel, the stand-in.
///
/// Why not URLSession: FoundationNetworking watches a new connection's socket for writing while
/// it connects and never stops watching once libcurl only wants to read, so a dispatch thread
/// spins until the answer comes — as much CPU as the server takes time. The deployed servers
/// close every connection, so every request would pay it. Here the thread sleeps in `poll`.
/// (`https` still goes through URLSession: TLS is only there.)
final class PlainHTTPTransfer: Sendable {
  private let wake: (read: Int32, write: Int32)
  private let cancelled = Atomic<Bool>(false)

  private init?() {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { return nil }
    for fd in fds {
      _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }
    wake = (fds[0], fds[1])
  }

  deinit {
    close(wake.read)
    close(wake.write)
  }

  /// Sends `request` and waits at most `timeout` for the whole answer: its body and status.
  static func run(_ request: URLRequest, timeout: TimeInterval) async throws(APIFailure) -> (
    Data, Int
  ) {
    guard let transfer = PlainHTTPTransfer() else { throw .notDelivered("no file descriptors") }
    let deadline = ContinuousClock.now + .seconds(timeout)
    let outcome = await withTaskCancellationHandler {
      await withCheckedContinuation {
        (continuation: CheckedContinuation<Result<(Data, Int), APIFailure>, Never>) in
        // A thread of its own, asleep in poll(): a blocking wait must not hold one of Swift's
        // few cooperative threads.
        let thread = Thread {
          continuation.resume(returning: transfer.perform(request, until: deadline))
        }
        thread.name = "checkin.http"
        thread.start()
      }
    } onCancel: {
      transfer.cancel()
    }
    return try outcome.get()
  }

  private func cancel() {
    cancelled.store(true, ordering: .releasing)
    var byte: UInt8 = 1
    _ = write(wake.write, &byte, 1)
  }

  private func perform(_ request: URLRequest, until deadline: ContinuousClock.Instant) -> Result<
    (Data, Int), APIFailure
  > {
    guard let url = request.url, let host = url.host else {
      return .failure(.notDelivered("bad request address"))
    }
    // Cancelled before anything was sent: nothing is, and the server surely has nothing.
    if cancelled.load(ordering: .acquiring) { return .failure(.withdrawn) }
    let socket: Int32
    switch connect(host: host, port: url.port ?? 80, until: deadline) {
    case .success(let connected): socket = connected
    case .failure(let failure): return .failure(failure)
    }
    defer { close(socket) }
    if let failure = send(Self.bytes(of: request, url: url), on: socket, until: deadline) {
      return .failure(failure)
    }
    return receive(on: socket, until: deadline)
  }

  // MARK: Connecting

  private func connect(host: String, port: Int, until deadline: ContinuousClock.Instant)
    -> Result<Int32, APIFailure>
  {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    hints.ai_flags = AI_NUMERICSERV
    var found: UnsafeMutablePointer<addrinfo>?
    let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
    guard getaddrinfo(bare, String(port), &hints, &found) == 0, let first = found else {
      return .failure(.notDelivered("server name not found"))
    }
    defer { freeaddrinfo(first) }
    var failure = APIFailure.notDelivered("connection refused")
    var next: UnsafeMutablePointer<addrinfo>? = first
    while let address = next {
      next = address.pointee.ai_next
      let socket = Glibc.socket(
        address.pointee.ai_family,
        Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
          | Int32(SOCK_NONBLOCK.rawValue), 0)
      guard socket >= 0 else { continue }
      var outcome = Glibc.connect(socket, address.pointee.ai_addr, address.pointee.ai_addrlen)
      if outcome != 0 && errno == EINPROGRESS {
        switch wait(for: Int16(POLLOUT), on: socket, until: deadline) {
        case .ready:
          var error: Int32 = 0
          var length = socklen_t(MemoryLayout<Int32>.size)
          getsockopt(socket, SOL_SOCKET, SO_ERROR, &error, &length)
          outcome = error == 0 ? 0 : -1
        case .timedOut:
          close(socket)
          return .failure(.notDelivered("timed out connecting"))
        case .cancelled:
          close(socket)
          return .failure(.withdrawn)
        }
      }
      if outcome == 0 {
        var on: Int32 = 1
        setsockopt(
          socket, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        return .success(socket)
      }
      close(socket)
      failure = .notDelivered("connection refused")
    }
    return .failure(failure)
  }

  // MARK: Sending

  /// The request as HTTP/1.1 bytes, closing the connection after the answer (the deployed
  /// servers do anyway).
  private static func bytes(of request: URLRequest, url: URL) -> [UInt8] {
    let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
    var target = components?.percentEncodedPath ?? "/"
    if target.isEmpty { target = "/" }
    if let query = components?.percentEncodedQuery { target += "?" + query }
    let body = request.httpBody ?? Data()
    var head = "\(request.httpMethod ?? "GET") \(target) HTTP/1.1\r\n"
    let host = url.host ?? ""
    let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    head += "Host: \(bracketed)\(url.port.map { ":\($0)" } ?? "")\r\n"
    head += "Connection: close\r\nAccept: */*\r\nUser-Agent: checkin\r\n"
    for (name, value) in request.allHTTPHeaderFields ?? [:]
    where !["host", "connection", "content-length"].contains(name.lowercased()) {
      head += "\(name): \(value)\r\n"
    }
    if !body.isEmpty || request.httpMethod == "POST" { head += "Content-Length: \(body.count)\r\n" }
    head += "\r\n"
    return Array(head.utf8) + Array(body)
  }

  /// Sends every byte, or says why not. A request cut short can't have been acted on: the
  /// server never had all of it.
  private func send(_ bytes: [UInt8], on socket: Int32, until deadline: ContinuousClock.Instant)
    -> APIFailure?
  {
    var offset = 0
    while offset < bytes.count {
      // Until the last byte is out the server can't act on it: a cancel here is "not sent".
      if cancelled.load(ordering: .acquiring) { return .withdrawn }
      let sent = bytes[offset...].withUnsafeBytes { buffer in
        Glibc.send(socket, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
      }
      if sent > 0 {
        offset += sent
        continue
      }
      guard sent < 0 && (errno == EAGAIN || errno == EINTR) else {
        return .notDelivered("connection lost")
      }
      switch wait(for: Int16(POLLOUT), on: socket, until: deadline) {
      case .ready: continue
      case .timedOut: return .notDelivered("timed out sending")
      case .cancelled: return .withdrawn
      }
    }
    return nil
  }

  // MARK: Receiving

  private func receive(on socket: Int32, until deadline: ContinuousClock.Instant) -> Result<
    (Data, Int), APIFailure
  > {
    var answer = AnswerReader()
    var buffer = [UInt8](repeating: 0, count: 16_384)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(socket, $0.baseAddress, $0.count) }
      if count > 0 {
        switch answer.take(buffer[0..<count]) {
        case .needMore: continue
        case .done(let body, let status): return .success((body, status))
        case .unreadable(let why): return .failure(.unreadable(why))
        }
      }
      if count == 0 {
        // The server closed: the end of an answer without a length, or an answer cut short.
        if let (body, status) = answer.finishedByClose() { return .success((body, status)) }
        return .failure(.noAnswer("connection lost"))
      }
      guard errno == EAGAIN || errno == EINTR else { return .failure(.noAnswer("connection lost")) }
      switch wait(for: Int16(POLLIN), on: socket, until: deadline) {
      case .ready: continue
      case .timedOut: return .failure(.noAnswer("timed out"))
      case .cancelled: return .failure(.cancelled)
      }
    }
  }

  // MARK: Waiting

  private enum Wait {
    case ready
    case timedOut
    case cancelled
  }

  /// Sleeps until `socket` is ready for `events`, the deadline passes, or the transfer is
  /// cancelled (a byte on the wake pipe).
  private func wait(for events: Int16, on socket: Int32, until deadline: ContinuousClock.Instant)
    -> Wait
  {
    while true {
      if cancelled.load(ordering: .acquiring) { return .cancelled }
      let left = deadline - ContinuousClock.now
      guard left > .zero else { return .timedOut }
      let milliseconds = Int32(
        min(
          Int64(Int32.max),
          left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1))
      var fds = [
        pollfd(fd: socket, events: events, revents: 0),
        pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&fds, 2, milliseconds)
      if ready < 0 && errno != EINTR { return .ready }  // let the read or write say what failed
      if fds[1].revents != 0 { return .cancelled }
      if fds[0].revents != 0 { return .ready }
    }
  }
}
