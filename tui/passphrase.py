"""Passphrase intake: from the terminal without echo, or from a file descriptor.

Never from argv or the environment, where other users (``ps``, ``/proc``) could see it.
"""

from __future__ import annotations

import os
import termios

from .words import Told, say

MAX_LINE_BYTES = 4096


class IntakeProblem(Told):
    """The passphrase could not be read, or is not acceptable; ``str()`` is one sentence."""


class PassphraseSource:
    """Where secrets come from for one command: the terminal, or lines on descriptor ``fd``."""

    def __init__(self, fd: int | None) -> None:
        self.fd = fd

    def existing(self, prompt: str | None = None) -> str:
        secret = self._read(prompt or say("passphrase.ask"))
        if not secret:
            raise IntakeProblem("passphrase.empty")
        return secret

    def new(self, prompt: str | None = None) -> str:
        first = self._read(prompt or say("passphrase.ask_new"))
        if not first:
            raise IntakeProblem("passphrase.new_empty")
        second = self._read(say("passphrase.ask_again"))
        from .passphrase_policy import new_passphrase_problem  # only where one is set

        problem = new_passphrase_problem(first, second)
        if problem is not None:
            raise IntakeProblem(problem)
        return first

    def _read(self, prompt: str) -> str:
        raw = _read_fd_line(self.fd) if self.fd is not None else _read_terminal(prompt)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            raise IntakeProblem("passphrase.not_utf8") from None


def _read_fd_line(fd: int) -> bytes:
    """One line, read a byte at a time so nothing after it is consumed (the rest of the
    descriptor may be the entry text, as in ``cairn log --passphrase-fd 0``)."""
    line = bytearray()
    while True:
        try:
            byte = os.read(fd, 1)
        except OSError:
            raise IntakeProblem("passphrase.fd_unreadable", fd=fd) from None
        if not byte:
            if not line:
                raise IntakeProblem("passphrase.fd_ended", fd=fd)
            break
        if byte == b"\n":
            break
        line += byte
        if len(line) > MAX_LINE_BYTES:
            raise IntakeProblem("passphrase.fd_line_long", fd=fd)
    return bytes(line.rstrip(b"\r"))


def _read_terminal(prompt: str) -> bytes:
    try:
        tty = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError:
        raise IntakeProblem("passphrase.no_terminal") from None
    try:
        saved = termios.tcgetattr(tty)
        quiet = list(saved)
        quiet[3] &= ~termios.ECHO  # lflags: no echo, keep line editing
        os.write(tty, prompt.encode("utf-8"))
        termios.tcsetattr(tty, termios.TCSAFLUSH, quiet)
        try:
            return _read_fd_line(tty)
        finally:
            termios.tcsetattr(tty, termios.TCSAFLUSH, saved)
            os.write(tty, b"\n")
    finally:
        os.close(tty)
