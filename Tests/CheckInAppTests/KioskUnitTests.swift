import Foundation
import Testing

@testable import CheckInApp

/// `checkin kiosk-unit`: the systemd unit that keeps the kiosk running at boot.
@Suite struct KioskUnitTests {
  /// The unit's `key=value` lines by section.
  private func sections(_ unit: String) -> [String: [String: [String]]] {
    var result: [String: [String: [String]]] = [:]
    var section = ""
    for line in unit.split(separator: "\n").map(String.init) {
      if line.hasPrefix("#") || line.isEmpty { continue }
      if line.hasPrefix("[") {
        section = String(line.dropFirst().dropLast())
        continue
      }
      let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
      #expect(parts.count == 2, "not key=value: \(line)")
      result[section, default: [:]][parts[0], default: []].append(parts.last ?? "")
    }
    return result
  }

  @Test func theDefaultUnitRunsThisBinaryInATerminalThatDrawsArabicAndRestarts() throws {
    let unit = KioskUnitCommand.render(
      .init(user: "front", binary: "/opt/gym bin/checkin", config: "/etc/checkin/kiosk.conf"))
    let parsed = sections(unit)
    let service = try #require(parsed["Service"])
    #expect(service["User"] == ["front"])
    #expect(service["Restart"] == ["always"])
    let start = try #require(service["ExecStart"]?.first)
    #expect(start.hasPrefix("/usr/bin/cage -s -- /usr/bin/foot "))
    #expect(start.hasSuffix("\"/opt/gym bin/checkin\" --kiosk --config /etc/checkin/kiosk.conf"))
    let stopWait = try #require(service["TimeoutStopSec"]?.first.flatMap { Int($0) })
    #expect(stopWait > HookRunner.drainSeconds + 5, "systemd waits out the queued hooks")
    #expect(service["KillMode"] == ["mixed"], "SIGTERM for the station, not its running hook")
    #expect(parsed["Install"]?["WantedBy"] == ["multi-user.target"])
    #expect(parsed["Unit"]?["Conflicts"] == ["getty@tty1.service"])
  }

  @Test func theConsoleUnitRunsOnTheTTY() throws {
    let unit = KioskUnitCommand.render(.init(binary: "/usr/local/bin/checkin", console: true))
    let service = try #require(sections(unit)["Service"])
    #expect(service["User"] == ["kiosk"])
    #expect(service["StandardInput"] == ["tty"])
    #expect(service["ExecStart"] == ["/usr/local/bin/checkin --kiosk"])
    #expect(unit.contains("no Arabic letters"))
  }

  @Test func theCommandPrintsTheRunningBinarysPath() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = await sandbox.run(["kiosk-unit", "--user", "desk"])
    #expect(result.status == 0, "\(result)")
    let own = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    #expect(result.out.contains(" \(own) --kiosk"), "\(result.out)")
    let refused = await sandbox.run(["kiosk-unit", "--user", "a b"])
    #expect(refused.status == 2)
    let config = await sandbox.run(["kiosk-unit", "--config", "/dev/null"])
    #expect(config.status == 2 && config.err.contains("--kiosk-config"), "\(config)")
  }

  @Test func pathsMeanThemselvesToSystemd() {
    #expect(KioskUnitCommand.quoted("/usr/local/bin/checkin") == "/usr/local/bin/checkin")
    #expect(KioskUnitCommand.quoted("/opt/gym bin/checkin") == "\"/opt/gym bin/checkin\"")
    #expect(KioskUnitCommand.quoted("/srv/100%/$HOME") == "\"/srv/100%%/$$HOME\"")
    #expect(KioskUnitCommand.quoted("/a\\b") == "\"/a\\\\b\"")
  }
}
