import Foundation
import Testing

@testable import CheckInUI

/// `wrap` must return whatever the width: a character wider than the whole line can't fit, and
/// waiting for it to fit never ends. Run in a child process with a watchdog, so a hang fails
/// this test instead of stopping the suite.
@Suite struct TextWrapTerminationTests {
  @Test func aWideCharacterInAOneColumnLineEnds() async {
    await #expect(processExitsWith: .success) {
      alarm(3)  // The call takes microseconds; SIGALRM ends a child that loops.
      let lines = TextWidth.unicode.wrap("王", to: 1)
      exit(lines.count <= 2 ? 0 : 1)
    }
  }

}
