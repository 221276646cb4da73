"""A program in a pseudo-terminal of a chosen size, with every byte it writes counted.

The benchmarks use it to time what a person would see (start to a prompt, panic to a blank
screen) and to count what typing costs on the wire (bytes per character, which is what makes
an editor lag over a slow SSH link). No terminal emulator sits in between: the bytes are
exactly those the program wrote, and a key is exactly the bytes a terminal would send.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

KEYS = {
    "enter": b"\r",
    "escape": b"\x1b",
    "f12": b"\x1b[24~",
    "backspace": b"\x7f",
}


class ProgramEnded(RuntimeError):
    pass


class PtyProgram:
    def __init__(
        self,
        argv: Sequence[str],
        env: Mapping[str, str],
        *,
        cols: int = 80,
        rows: int = 24,
        cwd: Path | None = None,
    ) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

        def become_terminal_owner() -> None:
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            list(argv),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=dict(env),
            cwd=cwd,
            close_fds=True,
            preexec_fn=become_terminal_owner,
        )
        os.close(slave)
        self.output = bytearray()

    # -- reading ---------------------------------------------------------------------------

    def _read(self, timeout: float) -> bool:
        """Read what is waiting (up to ``timeout`` seconds for the first byte); False if none."""
        ready, _, _ = select.select([self.master], [], [], max(timeout, 0))
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # EIO: the program closed the terminal
            chunk = b""
        if not chunk:
            raise ProgramEnded(self.output[-400:].decode("utf-8", "replace"))
        self.output += chunk
        return True

    def wait_for(
        self, done: Callable[[bytes], bool] | bytes, timeout: float = 30, since: int = 0
    ) -> float:
        """Read until ``done`` holds for the output after offset ``since``; return the time
        the byte that made it hold was read (perf_counter)."""
        check = done if callable(done) else (lambda out, text=done: text in out)
        deadline = time.perf_counter() + timeout
        while not check(bytes(self.output[since:])):
            left = deadline - time.perf_counter()
            if left <= 0:
                tail = self.output[-400:].decode("utf-8", "replace")
                raise TimeoutError(f"waited {timeout} s; the last output was {tail!r}")
            self._read(left)
        return time.perf_counter()

    def settle(self, quiet: float = 0.25, timeout: float = 10) -> int:
        """Read until nothing more arrives for ``quiet`` seconds; return the bytes read."""
        before = len(self.output)
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if not self._read(quiet):
                return len(self.output) - before
        raise TimeoutError(f"the program kept writing for {timeout} s")

    def wait_for_hidden_input(self, timeout: float = 30) -> None:
        """Wait until the program has turned echo off (a password prompt is ready: typing
        sooner would be thrown away, since getpass flushes pending input)."""
        deadline = time.perf_counter() + timeout
        while termios.tcgetattr(self.master)[3] & termios.ECHO:
            if time.perf_counter() > deadline:
                raise TimeoutError("the program never asked for hidden input")
            self._read(0.001)

    # -- writing ---------------------------------------------------------------------------

    def send(self, data: bytes | str) -> None:
        os.write(self.master, data.encode("utf-8") if isinstance(data, str) else data)

    def key(self, name: str) -> None:
        self.send(KEYS[name])

    def close(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)
        os.close(self.master)
