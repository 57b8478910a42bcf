extension KeyDecoder {
  /// The escape sequences the station knows, by what follows ESC, from every terminal family at
  /// once: terminfo describes only what TERM claims, and TERM is often wrong (PuTTY says `xterm`).
  ///
  /// Keys pressed with Shift, Ctrl or Alt are left out on purpose, so they are dropped as unknown
  /// keys: xterm's `ESC [1;2P` and `ESC [15;5~`, rxvt's `ESC [11^`, SCO's `ESC [Y`…. Reporting
  /// them as the plain key would let Ctrl-F5 do what F5 does, and the families disagree too much
  /// (rxvt's Shift-F1 is `ESC [23~`, F11 elsewhere) for a modifier ever to mean the same key.
  /// rxvt's Shift forms (`ESC [17$`) end in `$`, an intermediate byte by ECMA-48, so they wait
  /// for their deadline before being dropped. Insert (`ESC [2~`) is left out as well: no
  /// `KeyEvent` stands for it.
  static let sequences: [String: KeyEvent] = {
    var table: [String: KeyEvent] = [:]
    func add(_ finals: String, after prefix: String) {
      for (offset, final) in finals.enumerated() {
        table[prefix + String(final)] = .function(offset + 1)
      }
    }
    // ESC [ n ~, DEC style: PuTTY's default and VT400 modes, rxvt (F1–F5); xterm, VTE, tmux,
    // the Linux console and VT220 (F5 or F6 up). 16 and 22 are skipped, as on DEC keyboards.
    for (offset, code) in [11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 24].enumerated() {
      table["[\(code)~"] = .function(offset + 1)
    }
    // xterm, VTE and tmux F1–F4, and VT100 PF1–PF4; PuTTY's VT100+ mode carries on to F12, as
    // its manual says ("ESC OP through to ESC O["), skipping no letter.
    add("PQRSTUVWXYZ[", after: "O")
    // The Linux console and PuTTY's Linux mode: F1–F5.
    add("ABCDE", after: "[[")
    // PuTTY's SCO mode: F1–F12. SCO's Shift-F3 is `ESC [[`, which waits for a Linux key and is
    // dropped; being a modified key, it would have been dropped anyway.
    add("MNOPQRSTUVWX", after: "[")
    // Cursor keys, in normal (`ESC [`) and application (`ESC O`) cursor mode.
    for (final, key) in zip("ABCDHF", [KeyEvent.up, .down, .right, .left, .home, .end]) {
      table["[" + String(final)] = key
      table["O" + String(final)] = key
    }
    // Home and End as VT220 (`1`, `4`) and rxvt (`7`, `8`) send them.
    for (code, key) in [(1, KeyEvent.home), (4, .end), (7, .home), (8, .end)] {
      table["[\(code)~"] = key
    }
    table["[3~"] = .delete
    table["[5~"] = .pageUp
    table["[6~"] = .pageDown
    table["[Z"] = .backTab
    // The keypad in application mode: Enter, digits and operators, so a member number typed
    // there isn't lost. Its `=` (`ESC O X`) loses to PuTTY VT100+'s F9.
    table["OM"] = .enter
    for (final, character) in zip("pqrstuvwxyjklmno", "0123456789*+,-./") {
      table["O" + String(final)] = .character(character)
    }
    return table
  }()
}
