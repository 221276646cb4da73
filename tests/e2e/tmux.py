"""A real terminal for the tests: tmux on a private socket, no user config, no fixed sleeps."""

from __future__ import annotations

import shlex
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path

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

    def start(self, command: list[str], env: Mapping[str, str]) -> None:
        """Run ``command`` in a new pane; when it ends the pane prints its exit code and stays."""
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        line = f"env {exports} {shlex.join(command)}; echo {EXIT_MARK}$?; exec sleep 3600"
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

    def settled(self, seconds: float = 20) -> str:
        """The styled screen once two captures a moment apart agree (a frame may be mid-draw)."""
        deadline = time.monotonic() + seconds
        shown = self.styled_screen()
        while True:
            time.sleep(0.1)  # the interval between the two captures compared, not a wait
            again = self.styled_screen()
            if again == shown:
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"the screen kept changing for {seconds}s:\n{again}")
            shown = again

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
