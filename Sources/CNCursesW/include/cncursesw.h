#ifndef CHECKIN_CNCURSESW_H
#define CHECKIN_CNCURSESW_H

// The station's whole use of ncurses and of POSIX signals, behind plain C functions: the
// attributes, key codes and globals ncurses exposes as macros and mutable globals can't be used
// from Swift directly, and signal handlers must not run Swift code.

#include <stdint.h>
#include <wchar.h>

/// Result of `ckt_start`.
enum {
  CKT_OK = 0,
  CKT_NOT_A_TERMINAL = 1,  // stdin or stdout is not a terminal
  CKT_UNKNOWN_TERMINAL = 2,  // no terminfo entry for TERM, nor for the fallbacks
  CKT_DUMB_TERMINAL = 3,  // the terminal can't move the cursor
};

/// Attribute bits for `ckt_put`.
enum {
  CKT_BOLD = 1,
  CKT_DIM = 2,
  CKT_UNDERLINE = 4,
  CKT_REVERSE = 8,
};

/// What `ckt_read_key` found.
enum {
  CKT_NONE = 0,  // nothing waiting
  CKT_CHARACTER = 1,  // `*value` is a Unicode scalar
  CKT_KEY = 2,  // `*value` is one of the CKT_KEY_* codes below
};

/// The key codes `ckt_read_key` reports (keypad mode is off: keys come as characters, and the
/// station decodes escape sequences itself).
enum {
  CKT_KEY_RESIZE = 1,  // the window changed size
  CKT_KEY_OTHER,
};

/// Sets a UTF-8 character locale, opens the terminal full-screen (falling back to a generic
/// terminal type when TERM has no terminfo entry), and saves what is needed to restore it even
/// from a crash. `used_term` receives the terminal type actually used.
int ckt_start(char *used_term, int used_term_size);

/// Restores the terminal. Safe to call more than once.
void ckt_stop(void);

int ckt_lines(void);
int ckt_cols(void);
int ckt_colors(void);
int ckt_color_pairs(void);

/// Defines colour pair `pair` (1...) as foreground and background colour numbers (-1: default).
int ckt_define_pair(int pair, int foreground, int background);

/// Puts one grapheme (`count` scalars, at most 5) at row `y`, column `x`.
int ckt_put(int y, int x, const wchar_t *scalars, int count, int attributes, int pair);

/// Flushes what was put to the terminal. `full` redraws everything (after a resize).
void ckt_flush(int full);

/// Reads one key without waiting. Returns CKT_NONE, CKT_CHARACTER or CKT_KEY.
int ckt_read_key(uint32_t *value);

void ckt_beep(void);

/// Display columns of a Unicode scalar in the current locale (-1 for non-printable).
int ckt_wcwidth(uint32_t scalar);

/// Installs handlers that turn SIGINT, SIGTERM, SIGHUP and SIGWINCH into bytes on a pipe (the
/// signal number), keeping ncurses' own SIGWINCH handling, and restore the terminal on fatal
/// signals. Returns the pipe's read end, or -1.
int ckt_install_signals(void);

/// The next signal number waiting on the pipe, or 0.
int ckt_take_signal(void);

/// For a command reading standard input to its end (`scan --stdin`): SIGINT, SIGTERM and SIGHUP
/// then record themselves and wake `ckt_read_input` instead of ending the process, so the
/// command can finish the code in hand and the hooks already queued.
void ckt_install_stop_signals(void);

/// The signal that asked the command to stop, or 0.
int ckt_stop_signal(void);

/// Reads standard input once it has bytes, its end, or an error — or returns -2 as soon as a stop
/// signal (above) arrives. Otherwise as read(2): the count, 0 at the end, -1 on an error.
long ckt_read_input(void *buffer, unsigned long size);

/// Waits until the terminal has input, a signal arrived, `wake_fd` became readable, or
/// `timeout_ms` passed. Returns a bit mask: 1 input, 2 signal, 4 the terminal hung up, 8 wake.
int ckt_wait(int signal_fd, int wake_fd, int timeout_ms);

#endif
