import Foundation

/// Asks for a password on the controlling terminal with echo off, as `sudo` and `ssh` do, so it
/// is never shown, nor kept in the shell's history.
enum SecretPrompt {
  @Sendable static func ask(_ prompt: String) -> String? {
    let descriptor = open("/dev/tty", O_RDWR | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var original = termios()
    guard tcgetattr(descriptor, &original) == 0 else { return nil }
    var silent = original
    silent.c_lflag &= ~tcflag_t(ECHO)
    silent.c_lflag |= tcflag_t(ECHONL)
    _ = prompt.withCString { write(descriptor, $0, strlen($0)) }
    guard tcsetattr(descriptor, TCSAFLUSH, &silent) == 0 else { return nil }
    defer { tcsetattr(descriptor, TCSAFLUSH, &original) }
    var bytes: [UInt8] = []
    var byte: UInt8 = 0
    while read(descriptor, &byte, 1) == 1 {
      if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
      bytes.append(byte)
      if bytes.count > 4096 { break }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
