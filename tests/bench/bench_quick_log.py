"""`cairn log` in a real terminal (tmux), with the default key derivation: how long the
machine takes at each step of logging an entry from the shell (a benchmark, not a test).

    .venv/bin/python -m tests.bench.bench_quick_log

Steps: start until the lock screen is ready; Enter after the passphrase until the note
field is ready; Ctrl+S until the shell prompt is back (saved, locked, screen cleared). The
person's own typing comes on top of these.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from tests.e2e.tmux import CAIRN, Terminal, cairn_env
from tests.helpers import PASSPHRASE
from tui.vault import DEFAULT_KDF, Vault

RUNS = 7


def main() -> None:
    steps: dict[str, list[float]] = {"start": [], "unlock": [], "save": []}
    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch)
        path = home / "private" / "vault.cairn"
        Vault.create(path, PASSPHRASE, DEFAULT_KDF)[0].lock()
        env = cairn_env(home, path)
        for run in range(RUNS):
            term = Terminal(home)
            try:
                start = time.perf_counter()
                term.start([CAIRN, "log"], env)
                term.wait_text("Locked", 30)
                steps["start"].append(time.perf_counter() - start)
                term.type(PASSPHRASE)
                start = time.perf_counter()
                term.keys("Enter")
                term.wait_text("Ctrl+S saves", 30)
                steps["unlock"].append(time.perf_counter() - start)
                term.type(f"Logged from the shell, run {run}.")
                term.wait_text(f"run {run}.", 30)
                start = time.perf_counter()
                term.keys("C-s")
                term.exit_code(30)
                steps["save"].append(time.perf_counter() - start)
            finally:
                term.close()
    print("| step | median | range | runs |")
    print("| --- | --- | --- | --- |")
    for name, times in steps.items():
        ms = sorted(t * 1000 for t in times)
        median = statistics.median(ms)
        print(f"| {name} | {median:.0f} ms | {ms[0]:.0f} to {ms[-1]:.0f} ms | {len(ms)} |")


if __name__ == "__main__":
    main()
