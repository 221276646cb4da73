"""Passphrase intake: from the terminal without echo, or from a file descriptor.

Never from argv or the environment, where other users (``ps``, ``/proc``) could see it.
"""

from __future__ import annotations

import os
import termios

MAX_LINE_BYTES = 4096


class IntakeProblem(Exception):
    """The passphrase could not be read, or is not acceptable; ``str()`` is one sentence."""


class PassphraseSource:
    """Where secrets come from for one command: the terminal, or lines on descriptor ``fd``."""

    def __init__(self, fd: int | None) -> None:
        self.fd = fd

    def existing(self, prompt: str = "Passphrase: ") -> str:
        secret = self._read(prompt)
        if not secret:
            raise IntakeProblem("The passphrase is empty.")
        return secret

    def new(self, prompt: str = "New passphrase: ") -> str:
        first = self._read(prompt)
        if not first:
            raise IntakeProblem("The new passphrase is empty.")
        second = self._read("The same passphrase again: ")
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
            raise IntakeProblem("The passphrase is not valid UTF-8 text.") from None


def _read_fd_line(fd: int) -> bytes:
    """One line, read a byte at a time so nothing after it is consumed (the rest of the
    descriptor may be the entry text, as in ``cairn log --passphrase-fd 0``)."""
    line = bytearray()
    while True:
        try:
            byte = os.read(fd, 1)
        except OSError:
            raise IntakeProblem(f"File descriptor {fd} cannot be read.") from None
        if not byte:
            if not line:
                raise IntakeProblem(f"File descriptor {fd} ended before a passphrase was read.")
            break
        if byte == b"\n":
            break
        line += byte
        if len(line) > MAX_LINE_BYTES:
            raise IntakeProblem(f"The line on file descriptor {fd} is too long to be a passphrase.")
    return bytes(line.rstrip(b"\r"))


def _read_terminal(prompt: str) -> bytes:
    try:
        tty = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError:
        raise IntakeProblem(
            "There is no terminal to ask for the passphrase; give it on a file descriptor "
            "with --passphrase-fd N."
        ) from None
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
