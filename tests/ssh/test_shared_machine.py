"""Cairn over a real SSH connection on a machine another person also uses.

As the first account, through `ssh` in tmux: make a vault, write a journal entry and a
safety plan holding canary strings, press the panic key, unlock again, then lose the
connection in the middle of an edit and get the draft back. Meanwhile and afterwards, as the
second account: the first account's vault and settings folders cannot be listed or read, no
file it can read holds a canary, and `ps` shows Cairn's name, never the passphrase or a
canary. As root: the passphrase is in no process's command line or environment.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.e2e.tmux import Terminal, create_vault
from tests.ssh.conftest import SharedMachine

pytestmark = pytest.mark.slow

# Made at run time, so that no file on the machine (this one included) holds them before.
PASSPHRASE = f"quiet river {secrets.token_hex(4)} dawn"
JOURNAL = f"JOURNAL{secrets.token_hex(6)}"
PLAN = f"PLAN{secrets.token_hex(6)}"
DRAFT = f"DRAFT{secrets.token_hex(6)}"
SECRETS = (PASSPHRASE, JOURNAL, PLAN, DRAFT)


def _connect(machine: SharedMachine, sockets: Path) -> Terminal:
    term = Terminal(sockets)
    term.start(machine.ssh(str(machine.cairn)), {"TERM": "xterm-256color", "LANG": "C.UTF-8"})
    return term


def _unlock(term: Terminal) -> None:
    term.wait_text("Locked", 60)
    term.type(PASSPHRASE)
    term.keys("Enter")


def _cairn_processes(account: str) -> list[int]:
    found = subprocess.run(
        ["pgrep", "-u", account, "-f", "bin/cairn"], capture_output=True, text=True, check=False
    )
    return [int(pid) for pid in found.stdout.split()]


def _every_process_line_and_environment() -> list[bytes]:
    seen = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            for part in ("cmdline", "environ"):
                try:
                    seen.append((entry / part).read_bytes())
                except OSError:
                    continue  # the process ended meanwhile
    return seen


def _wait(condition: object, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {seconds}s for {what}")
        time.sleep(0.05)  # polling a deadline, not a fixed wait


def test_a_second_person_on_the_machine_finds_nothing_and_nothing_is_lost(
    machine: SharedMachine, tmp_path: Path
) -> None:
    first = machine.first
    # Settings written with an editor under the usual umask (022): open to everyone at first.
    settings = first.home / ".config" / "cairn" / "settings.toml"
    subprocess.run(
        ["/usr/sbin/runuser", "-u", first.name, "--", "sh", "-c",
         f"umask 022; mkdir -p {settings.parent}; echo 'idle_minutes = 30' > {settings}"],
        check=True,
    )  # fmt: skip
    sockets = tmp_path / "sockets"
    sockets.mkdir(mode=0o700)

    # -- as the first account, over SSH ----------------------------------------------------
    term = _connect(machine, sockets)
    try:
        create_vault(term, PASSPHRASE)
        term.wait_text("Only your account can open")
        term.keys("Enter")
        term.wait_text("No journal entries yet")

        term.keys("n")
        term.wait_text("The facts, in order")
        term.type(JOURNAL)
        term.keys("C-s")
        term.wait_text("Saved.")
        term.keys("Escape")
        term.wait_text("Journal entries: 1")

        term.keys("s")
        term.wait_text("What are you planning for?")
        term.keys("2")
        term.wait_text("that matter most for this plan")
        term.keys("Enter")
        term.wait_text("Space checks")  # only the section shows it (the plan lists "Not started")
        term.keys("Space")  # the first checklist item, saved at once
        term.wait(lambda s: "[x]" in s, what="the first item checked")
        term.keys("Tab", "a")
        term.wait_text("Add a person")
        term.type_then(f"{PLAN}\r555-0100", "C-s")
        term.wait(lambda s: PLAN in s and "Add a person" not in s, what="the person saved")

        # While Cairn runs: the passphrase is in no process's command line or environment
        # (read as root, so every process counts), and `ps` as the second account shows the
        # program's name and nothing typed.
        assert _cairn_processes(first.name)
        for seen in _every_process_line_and_environment():
            assert PASSPHRASE.encode() not in seen
        listing = machine.as_second("ps", "-eo", "user:32,args").stdout
        cairn_lines = [
            line
            for line in listing.splitlines()
            if line.split()[0] == first.name and str(machine.cairn) in line
        ]
        assert cairn_lines, listing
        assert all(line.split()[-1] == str(machine.cairn) for line in cairn_lines), cairn_lines
        for secret in SECRETS:
            assert secret not in listing

        term.keys("F12")
        term.wait(lambda s: PLAN not in s and "Locked" not in s, 10, "a blank screen")
        _unlock(term)
        term.wait_text("Hide now")
        term.wait_text("Journal entries: 1")

        # The connection drops in the middle of an edit.
        term.keys("n")
        term.wait_text("The facts, in order")
        term.type(DRAFT)
        term.wait_text(DRAFT)
        shell = term.pane_pid()
        client = int(Path(f"/proc/{shell}/task/{shell}/children").read_text().split()[0])
        os.kill(client, signal.SIGKILL)  # the ssh client, as when a laptop lid closes
        _wait(lambda: not _cairn_processes(first.name), 30, "Cairn to close after the hang-up")
    finally:
        term.close()

    again = _connect(machine, sockets)
    try:
        _unlock(again)
        again.wait_text("Unsaved work", 60)
        again.keys("r")
        again.wait_text(DRAFT)
        again.keys("C-s")
        again.wait_text("Saved.")
        again.keys("C-q")
        assert again.exit_code(60) == 0
    finally:
        again.close()
    _wait(lambda: not _cairn_processes(first.name), 30, "Cairn to close")

    # -- as the second account ---------------------------------------------------------------
    vault_folder = first.home / ".local" / "share" / "cairn"
    assert (vault_folder / "vault.cairn").exists()
    for folder in (vault_folder, settings.parent):
        denied = machine.as_second("ls", "-a", str(folder))
        assert denied.returncode != 0 and "Permission denied" in denied.stderr, folder
    for file in (vault_folder / "vault.cairn", settings):
        assert machine.as_second("cat", str(file)).returncode != 0, file
    # Every file the second account can read, anywhere on the machine.
    searched = machine.as_second(
        "grep", "-rlsF", "--devices=skip", "--exclude-dir=proc", "--exclude-dir=sys",
        *(arg for secret in SECRETS for arg in ("-e", secret)), "/",
    )  # fmt: skip
    assert searched.stdout == "", f"found in: {searched.stdout}"
    assert searched.returncode in (1, 2)  # 1: no match; 2: some files could not be read
