import Foundation
import Testing

@testable import CheckInApp

/// `checkin completions`: made from the option table, so bash offers exactly what the program
/// takes — commands, then each command's options and the global ones.
@Suite struct CompletionsTests {
  private func complete(_ words: [String], script: String) throws -> [String] {
    let quoted = words.map { "'\($0)'" }.joined(separator: " ")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [
      "-c",
      script + "\nCOMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); _checkin; "
        + "printf '%s\\n' \"${COMPREPLY[@]}\"",
    ]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = try output.fileHandleForReading.readToEnd() ?? Data()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  @Test func bashCompletesCommandsAndTheirOptions() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["completions", "bash"])
    #expect(result.status == 0)
    let script = result.out
    #expect(try complete(["checkin", "sc"], script: script) == ["scan"])
    #expect(
      try Set(complete(["checkin", "scan", "--de"], script: script)) == ["--deduct", "--demo"])
    // A value after an option is not the command.
    #expect(try complete(["checkin", "--db", "/tmp/x", "sh"], script: script) == ["show"])
    let all = try complete(["checkin", ""], script: script)
    #expect(Set(all) == Set(OptionTable.commands.map(\.name)))
  }

  @Test func fishAndZshAreOffered() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let fish = await sandbox.run(["completions", "fish"])
    #expect(fish.out.contains("complete -c checkin -f -n __fish_use_subcommand -a scan"))
    #expect(fish.out.contains("-l deduct"))
    let zsh = await sandbox.run(["completions", "zsh"])
    #expect(zsh.out.hasPrefix("autoload -U +X bashcompinit"))
    let other = await sandbox.run(["completions", "tcsh"])
    #expect(other.status == 2)
  }
}
