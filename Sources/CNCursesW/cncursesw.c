// _GNU_SOURCE (for wcwidth and pipe2) and NCURSES_WIDECHAR come from Package.swift's cSettings.
#include "cncursesw.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>
#include <poll.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static SCREEN *screen;
static int running;
static int signal_pipe[2] = {-1, -1};
static struct sigaction previous_winch;
static struct termios original_termios;
static int have_termios;
// Escape sequences that put the terminal back, copied at start so a crash handler can write them
// without calling into ncurses (which isn't async-signal-safe).
static char reset_sequence[256];
static size_t reset_length;

static void append_capability(const char *name) {
  char *value = tigetstr((char *)name);
  if (value == NULL || value == (char *)-1) return;
  size_t length = strlen(value);
  if (reset_length + length >= sizeof(reset_sequence)) return;
  memcpy(reset_sequence + reset_length, value, length);
  reset_length += length;
}

static int open_terminal(const char *type) {
  screen = newterm(type, stdout, stdin);
  return screen != NULL;
}

int ckt_start(char *used_term, int used_term_size) {
  if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) return CKT_NOT_A_TERMINAL;

  setlocale(LC_ALL, "");
  if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0) {
    // Without a UTF-8 character locale ncurses drops every non-ASCII character (Arabic names).
    setlocale(LC_CTYPE, "C.UTF-8");
  }
  have_termios = tcgetattr(STDIN_FILENO, &original_termios) == 0;

  const char *wanted = getenv("TERM");
  const char *candidates[] = {wanted, "xterm-256color", "xterm", "vt100"};
  const char *chosen = NULL;
  for (size_t index = 0; index < sizeof(candidates) / sizeof(candidates[0]); index++) {
    if (candidates[index] == NULL || candidates[index][0] == '\0') continue;
    if (open_terminal(candidates[index])) {
      chosen = candidates[index];
      break;
    }
  }
  if (chosen == NULL) return CKT_UNKNOWN_TERMINAL;
  if (used_term != NULL && used_term_size > 0) {
    strncpy(used_term, chosen, (size_t)used_term_size - 1);
    used_term[used_term_size - 1] = '\0';
  }
  char *move = tigetstr("cup");
  if (move == NULL || move == (char *)-1) {
    endwin();
    delscreen(screen);
    screen = NULL;
    return CKT_DUMB_TERMINAL;
  }

  reset_length = 0;
  append_capability("sgr0");
  append_capability("cnorm");
  append_capability("rmcup");

  raw();  // Ctrl-C and Ctrl-Z arrive as keys: a kiosk decides what they do
  noecho();
  nonl();
  // Escape sequences arrive as bytes: the station decodes them itself (KeyDecoder), because
  // terminfo doesn't know what PuTTY, the Linux console or SCO mode send, and ncurses would
  // type an unknown sequence's tail as text.
  keypad(stdscr, FALSE);
  nodelay(stdscr, TRUE);
  curs_set(0);
  if (has_colors()) {
    start_color();
    use_default_colors();
  }
  running = 1;
  return CKT_OK;
}

void ckt_stop(void) {
  if (!running) return;
  running = 0;
  endwin();
  if (screen != NULL) {
    delscreen(screen);
    screen = NULL;
  }
  if (have_termios) tcsetattr(STDIN_FILENO, TCSANOW, &original_termios);
}

int ckt_lines(void) { return LINES; }
int ckt_cols(void) { return COLS; }
int ckt_colors(void) { return has_colors() ? COLORS : 0; }
int ckt_color_pairs(void) { return has_colors() ? COLOR_PAIRS : 0; }

int ckt_define_pair(int pair, int foreground, int background) {
  if (!has_colors()) return ERR;
  return init_extended_pair(pair, foreground, background);
}

int ckt_put(int y, int x, const wchar_t *scalars, int count, int attributes, int pair) {
  wchar_t text[CCHARW_MAX + 1];
  int length = count < CCHARW_MAX ? count : CCHARW_MAX;
  for (int index = 0; index < length; index++) text[index] = scalars[index];
  text[length] = L'\0';
  attr_t attr = A_NORMAL;
  if (attributes & CKT_BOLD) attr |= A_BOLD;
  if (attributes & CKT_DIM) attr |= A_DIM;
  if (attributes & CKT_UNDERLINE) attr |= A_UNDERLINE;
  if (attributes & CKT_REVERSE) attr |= A_REVERSE;
  cchar_t cell;
  int extended_pair = pair;
  if (setcchar(&cell, text, attr, 0, &extended_pair) == ERR) return ERR;
  return mvadd_wch(y, x, &cell);
}

void ckt_flush(int full) {
  if (full) clearok(curscr, TRUE);
  wnoutrefresh(stdscr);
  doupdate();
}

// With keypad mode off, the only key code ncurses still reports is the resize it learned of
// from SIGWINCH; every other key arrives as the bytes the terminal sent.
static int translate_key(wint_t code) {
  return code == KEY_RESIZE ? CKT_KEY_RESIZE : CKT_KEY_OTHER;
}

int ckt_read_key(uint32_t *value) {
  wint_t code = 0;
  int kind = wget_wch(stdscr, &code);
  if (kind == ERR) return CKT_NONE;
  if (kind == KEY_CODE_YES) {
    *value = (uint32_t)translate_key(code);
    return CKT_KEY;
  }
  *value = (uint32_t)code;
  return CKT_CHARACTER;
}

void ckt_beep(void) { beep(); }

int ckt_wcwidth(uint32_t scalar) { return wcwidth((wchar_t)scalar); }

static void forward_signal(int number) {
  int saved = errno;
  unsigned char byte = (unsigned char)number;
  if (signal_pipe[1] >= 0) {
    ssize_t ignored = write(signal_pipe[1], &byte, 1);
    (void)ignored;
  }
  errno = saved;
}

static void on_winch(int number) {
  // ncurses' handler sets the flag that makes the next read report KEY_RESIZE.
  if (previous_winch.sa_handler != SIG_IGN && previous_winch.sa_handler != SIG_DFL &&
      previous_winch.sa_handler != NULL) {
    previous_winch.sa_handler(number);
  }
  forward_signal(number);
}

static void on_fatal(int number) {
  if (running) {
    if (reset_length > 0) {
      ssize_t ignored = write(STDOUT_FILENO, reset_sequence, reset_length);
      (void)ignored;
    }
    if (have_termios) tcsetattr(STDIN_FILENO, TCSANOW, &original_termios);
  }
  signal(number, SIG_DFL);
  raise(number);
}

int ckt_install_signals(void) {
  if (signal_pipe[0] < 0) {
    if (pipe2(signal_pipe, O_NONBLOCK | O_CLOEXEC) != 0) return -1;
  }
  struct sigaction action;
  memset(&action, 0, sizeof(action));
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;

  action.sa_handler = forward_signal;
  sigaction(SIGINT, &action, NULL);
  sigaction(SIGTERM, &action, NULL);
  sigaction(SIGHUP, &action, NULL);

  action.sa_handler = on_winch;
  sigaction(SIGWINCH, &action, &previous_winch);

  action.sa_handler = on_fatal;
  action.sa_flags = SA_RESETHAND;
  sigaction(SIGSEGV, &action, NULL);
  sigaction(SIGBUS, &action, NULL);
  sigaction(SIGILL, &action, NULL);
  sigaction(SIGTRAP, &action, NULL);
  sigaction(SIGABRT, &action, NULL);
  sigaction(SIGFPE, &action, NULL);
  return signal_pipe[0];
}

// Read by other threads than the handler's: an atomic, lock-free on every platform we build for.
static _Atomic int stop_signal = 0;
static int stop_pipe[2] = {-1, -1};

// The signal may land on any thread, not the one blocked reading: the pipe wakes that one's poll.
static void record_stop(int number) {
  int saved = errno;
  int none = 0;
  // The first signal is the one answered; a second ends the process at once, for whoever can't
  // wait for the hooks (as a shell reports a signal's end: 128 + its number).
  if (!atomic_compare_exchange_strong(&stop_signal, &none, number)) _exit(128 + number);
  if (stop_pipe[1] >= 0) {
    char byte = 1;
    ssize_t ignored = write(stop_pipe[1], &byte, 1);
    (void)ignored;
  }
  errno = saved;
}

void ckt_install_stop_signals(void) {
  if (stop_pipe[0] < 0 && pipe2(stop_pipe, O_NONBLOCK | O_CLOEXEC) != 0) {
    stop_pipe[0] = stop_pipe[1] = -1;
  }
  struct sigaction action;
  memset(&action, 0, sizeof(action));
  sigemptyset(&action.sa_mask);
  // Restarted: other system calls go on undisturbed; ckt_read_input learns of it from the pipe.
  action.sa_flags = SA_RESTART;
  action.sa_handler = record_stop;
  sigaction(SIGINT, &action, NULL);
  sigaction(SIGTERM, &action, NULL);
  sigaction(SIGHUP, &action, NULL);
}

int ckt_stop_signal(void) { return atomic_load(&stop_signal); }

long ckt_read_input(void *buffer, unsigned long size) {
  for (;;) {
    if (atomic_load(&stop_signal)) return -2;
    struct pollfd fds[2];
    fds[0].fd = STDIN_FILENO;
    fds[0].events = POLLIN;
    fds[0].revents = 0;
    fds[1].fd = stop_pipe[0];  // poll ignores a negative descriptor
    fds[1].events = POLLIN;
    fds[1].revents = 0;
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (atomic_load(&stop_signal)) return -2;
    if (fds[0].revents & POLLNVAL) return -1;
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      ssize_t count = read(STDIN_FILENO, buffer, size);
      if (count < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      return (long)count;
    }
  }
}

int ckt_take_signal(void) {
  unsigned char byte = 0;
  if (signal_pipe[0] < 0) return 0;
  ssize_t count = read(signal_pipe[0], &byte, 1);
  return count == 1 ? (int)byte : 0;
}

int ckt_wait(int signal_fd, int wake_fd, int timeout_ms) {
  struct pollfd fds[3];
  fds[0].fd = STDIN_FILENO;
  fds[0].events = POLLIN;
  fds[1].fd = signal_fd;  // poll ignores negative descriptors
  fds[1].events = POLLIN;
  fds[2].fd = wake_fd;
  fds[2].events = POLLIN;
  int count = poll(fds, 3, timeout_ms);
  if (count <= 0) return 0;
  int mask = 0;
  if (fds[0].revents & POLLIN) mask |= 1;
  if (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)) mask |= 4;
  if (fds[1].revents & POLLIN) mask |= 2;
  if (fds[2].revents & POLLIN) mask |= 8;
  return mask;
}
