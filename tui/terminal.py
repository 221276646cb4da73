"""Terminal hygiene: a neutral title, and clearing the screen together with its scrollback.

These write straight to the terminal, outside Textual, because they must also work when the
app is going away (panic, exit, a crash).
"""

from __future__ import annotations

import contextlib
import os
import sys
import termios
from typing import Any

# Home, clear the screen, clear the scrollback (xterm's E3, honoured by tmux and most
# terminals), then reset the scroll region.
CLEAR_ALL = "\x1b[H\x1b[2J\x1b[3J"


def title_sequence(title: str) -> str:
    # OSC 0 sets both the icon name and the window title; tmux passes it on as the pane title.
    return f"\x1b]0;{title}\x07"


class TerminalState:
    """The terminal modes from before the app started, so a relaunch leaves them intact."""

    def __init__(self) -> None:
        self._fd: int | None = None
        self._saved: list[Any] | None = None
        with contextlib.suppress(OSError, ValueError, termios.error):
            fd = sys.__stdin__.fileno() if sys.__stdin__ else -1
            if fd >= 0 and os.isatty(fd):
                self._fd, self._saved = fd, termios.tcgetattr(fd)

    def restore(self) -> None:
        if self._fd is not None and self._saved is not None:
            with contextlib.suppress(OSError, termios.error):
                termios.tcsetattr(self._fd, termios.TCSANOW, self._saved)


def write_now(text: str) -> None:
    """Write to the real terminal at once; silently do nothing when it has gone away."""
    stream = sys.__stdout__
    if stream is None:
        return
    with contextlib.suppress(OSError, ValueError):
        if os.isatty(stream.fileno()):
            os.write(stream.fileno(), text.encode("utf-8"))


def leave_clean(title: str) -> None:
    """The last thing Cairn does in a terminal: leave nothing of itself on screen."""
    write_now("\x1b[?1049l" + CLEAR_ALL + title_sequence(title) + "\x1b[?25h")
