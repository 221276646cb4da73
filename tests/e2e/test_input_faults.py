"""Whatever the terminal sends, in a real tmux pane, with the installed ``cairn``: bytes that
are not UTF-8, a bracketed paste full of escape and control characters, SIGINT and SIGTSTP
from outside. The app keeps running or takes the panic path; nothing typed is lost; no
traceback is ever printed; a suspended Cairn never shows decrypted text again after the idle
time. And another program of the same account cannot read its memory."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.e2e.conftest import CAIRN
from tests.e2e.tmux import Terminal, app_pid, unlock
from tests.helpers import PASSPHRASE, new_vault
from tui import journal
from tui.vault import Vault

CANARY = "CANARY-typed-before"
pytestmark = pytest.mark.slow


def _vault(env: dict[str, str]) -> Path:
    path = Path(env["CAIRN_VAULT"])
    new_vault(path)[0].lock()
    return path


def _editor(term: Terminal, env: dict[str, str], command: list[str] | None = None) -> None:
    term.start(command or [CAIRN], env)
    unlock(term)
    term.keys("n")
    term.wait_text("The facts, in order")  # the field has focus


def _send_bytes(term: Terminal, raw: bytes) -> None:
    """Bytes exactly as a terminal would send them, not as key names."""
    term._tmux("send-keys", "-t", term.session, "-H", *(f"{byte:02x}" for byte in raw))


def _saved_texts(path: Path) -> list[str]:
    with Vault.open(path, PASSPHRASE) as vault:
        return [entry.text for entry in journal.entries(vault)]


def _no_traceback(term: Terminal) -> None:
    shown = term.scrollback()
    assert "Traceback" not in shown and "Error" not in shown, shown


def test_bytes_that_are_not_utf8_are_kept_as_typed(term: Terminal, app_env: dict[str, str]) -> None:
    path = _vault(app_env)
    _editor(term, app_env)
    term.type("before ")
    # A Latin-1 terminal typing "é", then a stray 0xFF byte.
    _send_bytes(term, b"caf\xe9 \xff after")
    term.wait_text("after")
    term.keys("C-s")
    term.wait_text("Saved.")
    term.keys("C-q")
    assert term.exit_code() == 0
    _no_traceback(term)
    assert _saved_texts(path) == ["before café ÿ after"]


def test_keys_in_one_burst_act_in_the_order_they_were_typed(
    term: Terminal, app_env: dict[str, str]
) -> None:
    path = _vault(app_env)
    _editor(term, app_env)
    term.type("short line")
    term.wait_text("short line")
    # End, back three, "ab", two backspaces, "XY", End, "!": all read at once by Cairn.
    term.burst(("End", "Left", "Left", "Left"), "ab", ("BSpace", "BSpace"), "XY", ("End",), "!")
    term.wait_text("!")
    term.keys("C-s")
    term.wait_text("Saved.")
    term.keys("C-q")
    assert term.exit_code() == 0
    assert _saved_texts(path) == ["short lXYine!"]


def test_tab_in_a_burst_moves_the_words_after_it_to_the_next_field(
    term: Terminal, app_env: dict[str, str]
) -> None:
    from datetime import datetime

    path = _vault(app_env)
    _editor(term, app_env)
    # The facts, Tab to "When it happened", clear it, a time: all read at once.
    # Yesterday: "today 07:05" is in the future, and refused, from midnight to 07:05.
    term.burst("He took the keys.", ("Tab", "C-u"), "yesterday 07:05", ("C-s",))
    term.wait_text("Saved.")
    term.keys("C-q")
    assert term.exit_code() == 0
    with Vault.open(path, PASSPHRASE) as vault:
        (entry,) = journal.entries(vault)
    moment = datetime.fromisoformat(entry.occurred)
    assert (entry.text, moment.hour, moment.minute) == ("He took the keys.", 7, 5)


def test_a_paste_with_escapes_and_controls_is_text_not_keys(
    term: Terminal, app_env: dict[str, str]
) -> None:
    path = _vault(app_env)
    _editor(term, app_env)
    pasted = "red \x1b[31mtext\x1b[0m, ctrl-q \x11, ctrl-c \x03, esc alone \x1b and the end"
    _send_bytes(term, b"\x1b[200~" + pasted.encode() + b"\x1b[201~")
    term.wait_text("and the end")  # still running: nothing pasted acted as a key
    shown = term.screen()
    assert "␛[31mtext" in shown and "␑" in shown  # drawn as symbols, never obeyed
    term.keys("C-s")
    term.wait_text("Saved.")
    term.keys("C-q")
    assert term.exit_code() == 0
    _no_traceback(term)
    assert _saved_texts(path) == [pasted]


def test_sigint_from_outside_seals_the_draft_like_quitting(
    term: Terminal, app_env: dict[str, str]
) -> None:
    path = _vault(app_env)
    _editor(term, app_env)
    term.type(CANARY)
    term.wait_text(CANARY)
    os.kill(app_pid(term), signal.SIGINT)
    assert term.exit_code() == 0
    _no_traceback(term)
    assert CANARY not in term.scrollback()
    assert path.with_name(path.name + ".draft").exists()
    with Vault.open(path, PASSPHRASE) as vault:
        draft = vault.open_draft()
    assert draft is not None and CANARY in str(draft["items"])


def _state(pid: int) -> str:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]


@pytest.mark.parametrize(
    "alternate_screen", [True, False], ids=["alternate-screen", "no-alternate"]
)
def test_suspending_blanks_and_coming_back_after_the_idle_time_locks(
    term: Terminal, app_env: dict[str, str], alternate_screen: bool
) -> None:
    settings = Path(app_env["CAIRN_CONFIG"])
    settings.write_text("idle_minutes = 0.1\n")  # six seconds
    path = _vault(app_env)
    term.start([CAIRN], app_env, alternate_screen=alternate_screen)
    unlock(term)
    term.keys("n")
    term.wait_text("The facts, in order")
    term.type(CANARY)
    term.wait_text(CANARY)
    pid = app_pid(term)
    os.kill(pid, signal.SIGTSTP)
    term.wait(lambda s: CANARY not in s, seconds=10, what="the screen wiped before stopping")
    deadline = time.monotonic() + 10
    while _state(pid) != "T":  # stopped
        assert time.monotonic() < deadline, "Cairn did not stop"
        time.sleep(0.05)  # polling interval of a deadline wait
    stopped = time.monotonic()
    while time.monotonic() - stopped < 7:  # longer than the idle time, stopped throughout
        assert _state(pid) == "T" and CANARY not in term.screen()
        time.sleep(0.2)  # polling interval: the condition is re-checked until the time passes
    os.kill(pid, signal.SIGCONT)
    # Watched without a gap until the lock screen: the text must never be drawn again, not
    # even for a moment before an idle check would lock.
    deadline = time.monotonic() + 20
    while "Locked" not in (shown := term.screen()):
        assert CANARY not in shown, "decrypted text was drawn again after the idle time"
        assert time.monotonic() < deadline, f"no lock screen after coming back:\n{shown}"
    assert CANARY not in term.scrollback()
    unlock(term)
    term.wait_text("Unsaved work")  # what was typed was sealed on the way to the lock
    term.keys("r")
    term.wait_text(CANARY)
    term.keys("C-s")
    term.wait_text("Saved.")
    term.keys("C-q")
    assert term.exit_code() == 0
    assert _saved_texts(path) == [CANARY]


@pytest.mark.skipif(os.geteuid() != 0, reason="dropping capabilities with setpriv needs root")
def test_another_program_of_the_same_account_cannot_read_its_memory(
    term: Terminal, app_env: dict[str, str]
) -> None:
    """Both run as the same account without capabilities (as an ordinary user's programs
    do): a plain program of that account can read a dumpable process's environment and
    memory, but not Cairn's."""
    without_caps = ["setpriv", "--bounding-set", "-all", "--inh-caps", "-all"]
    _vault(app_env)
    term.start([*without_caps, CAIRN], app_env)
    unlock(term)
    pid = app_pid(term)
    control = subprocess.Popen([*without_caps, "sleep", "30"])
    try:
        # setpriv drops its capabilities before it runs sleep, and a process whose
        # capabilities changed is not dumpable until its next exec: wait for that exec (a
        # loaded machine showed the gap).
        term.wait(
            lambda _: Path(f"/proc/{control.pid}/comm").read_text().strip() == "sleep",
            what="the control process to be sleep",
        )
        readable = subprocess.run(
            [*without_caps, "cat", f"/proc/{control.pid}/environ"], capture_output=True
        )
        assert readable.returncode == 0  # the check itself can see an ordinary process
        for what in ("environ", "mem"):
            refused = subprocess.run(
                [*without_caps, "cat", f"/proc/{pid}/{what}"], capture_output=True
            )
            assert refused.returncode != 0 and b"Permission denied" in refused.stderr
    finally:
        control.kill()
        control.wait()
    term.keys("F12")  # and the panic relaunch is hardened again
    term.wait_text("Locked")
    again = subprocess.run([*without_caps, "cat", f"/proc/{pid}/environ"], capture_output=True)
    assert again.returncode != 0
