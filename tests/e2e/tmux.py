"""A real terminal for the tests: tmux on a private socket, no user config, no fixed sleeps."""

from __future__ import annotations

import fcntl
import os
import shlex
import struct
import subprocess
import sys
import termios
import time
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path

from tests.helpers import PASSPHRASE

CAIRN = str(Path(sys.executable).with_name("cairn"))
EXIT_MARK = "CAIRN-EXIT:"


def cairn_env(home: Path, vault: Path) -> dict[str, str]:
    """A private HOME, a chosen vault and no settings file: Cairn as a new user runs it."""
    return {
        "HOME": str(home),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "CAIRN_VAULT": str(vault),
        "CAIRN_CONFIG": str(home / "none.toml"),
    }


class Terminal:
    def __init__(self, socket_dir: Path, width: int = 80, height: int = 24) -> None:
        self.socket = str(socket_dir / f"tmux-{uuid.uuid4().hex[:8]}")
        self.width, self.height = width, height
        self.session = "t"

    def _tmux(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["tmux", "-S", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=20,
        )
        if check and done.returncode != 0:
            raise RuntimeError(f"tmux {args[0]} failed: {done.stderr.strip()}")
        return done.stdout

    def start(
        self, command: list[str], env: Mapping[str, str], *, alternate_screen: bool = True
    ) -> None:
        """Run ``command`` in a new pane; when it ends the pane prints its exit code and stays.
        Without ``alternate_screen`` the pane behaves like a terminal that has none: what a
        full-screen program drew stays in the pane when it leaves."""
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        line = f"env {exports} {shlex.join(command)}; echo {EXIT_MARK}$?; exec sleep 3600"
        if not alternate_screen:  # a window option, set for the server before the pane starts
            self._tmux("new-session", "-d", "-s", "setup", "sleep", "3600")
            self._tmux("set-window-option", "-g", "alternate-screen", "off")
        self._tmux(
            "new-session",
            "-d",
            "-s",
            self.session,
            "-x",
            str(self.width),
            "-y",
            str(self.height),
            "sh",
            "-c",
            line,
        )
        self._tmux("set-option", "-t", self.session, "history-limit", "5000")

    def keys(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", self.session, *keys)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", self.session, "-l", text)

    def type_then(self, text: str, key: str) -> None:
        """Text and a key in one burst, as a fast typist or a paste over SSH delivers them."""
        self._tmux(
            "send-keys", "-t", self.session, "-l", text, ";", "send-keys", "-t", self.session, key
        )

    def burst(self, *parts: str | tuple[str, ...]) -> None:
        """Text (a string) and keys (a tuple of key names) in one tmux command, so the program
        reads them together, as a fast typist or a paste over SSH delivers them."""
        args: list[str] = []
        for part in parts:
            if args:
                args.append(";")
            if isinstance(part, str):
                args += ["send-keys", "-t", self.session, "-l", part]
            else:
                args += ["send-keys", "-t", self.session, *part]
        self._tmux(*args)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.session)

    def scrollback(self) -> str:
        """Everything the pane holds, history included."""
        return self._tmux("capture-pane", "-p", "-S", "-", "-E", "-", "-t", self.session)

    def wait(self, condition: Callable[[str], bool], seconds: float = 20, what: str = "") -> str:
        deadline = time.monotonic() + seconds
        while True:
            shown = self.screen()
            if condition(shown):
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"waited {seconds}s for {what or 'a condition'}; screen:\n{shown}"
                )
            time.sleep(0.01)  # polling interval of a deadline wait, not a fixed wait

    def wait_text(self, text: str, seconds: float = 20) -> str:
        return self.wait(lambda shown: text in shown, seconds, repr(text))

    def exit_code(self, seconds: float = 20) -> int:
        shown = self.wait(lambda s: EXIT_MARK in s, seconds, "the program to end")
        return int(shown.split(EXIT_MARK, 1)[1].split()[0])

    def styled_screen(self) -> str:
        """The screen with colours and attributes as escape sequences (a cursor drawn in
        reverse video, a highlighted line) so that two screens differing only in style differ."""
        return self._tmux("capture-pane", "-p", "-e", "-t", self.session)

    def forget_screen(self) -> None:
        """Reset tmux's copy of the screen to blank, telling the program nothing: whatever is
        shown afterwards was drawn after this."""
        self._tmux("send-keys", "-R", "-t", self.session)

    def resize(self, width: int, height: int) -> None:
        self._tmux("resize-window", "-t", self.session, "-x", str(width), "-y", str(height))

    def settled(self, seconds: float = 30) -> str:
        """The styled screen once everything has caught up: the program in the pane and the
        tmux server are both asleep (so every key sent was read and handled, and everything
        drawn was taken in by tmux), and two captures a moment apart agree. Under load a
        half-drawn frame can stay unchanged for a while; a sleeping program cannot be half
        way through drawing one."""
        deadline = time.monotonic() + seconds
        shown = self.styled_screen() if self.quiet() else None
        while True:
            time.sleep(0.1)  # the interval between the two captures compared, not a wait
            again = self.styled_screen() if self.quiet() else None
            if again is not None and again == shown and self.quiet():
                return again
            if time.monotonic() > deadline:
                raise AssertionError(f"the screen did not settle in {seconds}s:\n{again}")
            shown = again

    def quiet(self) -> bool:
        """No key waits unread in the pane's terminal, and every thread of the pane's
        processes and of the tmux server is asleep."""
        tty = self._tmux("display-message", "-p", "-t", self.session, "#{pane_tty}").strip()
        fd = os.open(tty, os.O_RDONLY | os.O_NOCTTY | os.O_NONBLOCK)
        try:
            unread = struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0" * 4))[0]
        finally:
            os.close(fd)
        if unread:
            return False
        server = int(self._tmux("display-message", "-p", "-t", self.session, "#{pid}").strip())
        pending = [self.pane_pid(), server]
        while pending:
            pid = pending.pop()
            tasks = Path(f"/proc/{pid}/task")
            try:
                for task in tasks.iterdir():
                    state = (task / "stat").read_text().rsplit(")", 1)[1].split()[0]
                    if state not in ("S", "T", "Z"):  # running, or waiting on the disk
                        return False
                    pending.extend(int(c) for c in (task / "children").read_text().split())
            except (FileNotFoundError, ProcessLookupError):
                continue  # it ended while being looked at
        return True

    def pane_pid(self) -> int:
        return int(self._tmux("display-message", "-p", "-t", self.session, "#{pane_pid}").strip())

    def title(self) -> str:
        return self._tmux("display-message", "-p", "-t", self.session, "#{pane_title}").strip()

    def kill_session(self) -> None:
        self._tmux("kill-session", "-t", self.session, check=False)

    def close(self) -> None:
        self._tmux("kill-server", check=False)


def create_vault(term: Terminal, passphrase: str) -> str:
    """From the welcome screen of a first start, make a vault with ``passphrase`` and confirm
    its recovery code; returns the code. Ends on the privacy check shown once after."""
    term.wait_text("Before you start", 60)
    term.keys("Enter")
    term.wait_text("Four or more unrelated words")  # shown once the field has focus
    term.type(passphrase)
    term.wait_text("Strong enough")
    term.keys("Enter")
    term.wait_text("Type the same passphrase once more")
    term.type(passphrase)
    term.keys("Enter")
    shown = term.wait_text("Type the last four characters", 60)
    code = next(w for line in shown.splitlines() for w in line.split() if w.count("-") == 7)
    term.type(code[-4:])
    term.keys("Enter")
    term.wait_text("Privacy check")
    return code


def unlock(term: Terminal, passphrase: str = PASSPHRASE) -> None:
    """At the lock screen: type the passphrase and wait for the first screen after it."""
    term.wait_text("Locked")
    term.type(passphrase)
    term.keys("Enter")
    term.wait(
        lambda s: "Hide now" in s and "Locked" not in s, what="the first screen after unlocking"
    )


def app_pid(term: Terminal) -> int:
    """The app's pid: the child of the pane's shell."""
    shell = term.pane_pid()
    children = Path(f"/proc/{shell}/task/{shell}/children").read_text().split()
    assert children, "the app is not running"
    return int(children[0])
