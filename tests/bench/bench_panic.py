"""Panic key to a blank screen, in a real terminal (tmux), at 10 and 10 000 entries.

    .venv/bin/python -m tests.bench.bench_panic

The clock starts when tmux is told to send F12 and stops when a capture of the pane shows
nothing but blanks, so it includes tmux's own round trips (an upper bound on what a person
sees). A benchmark, not a test: nothing fails on a number.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from tests.e2e.tmux import CAIRN, Terminal
from tests.helpers import PASSPHRASE, new_vault
from tui import journal

RUNS = 15


def _vault(path: Path, entries: int) -> None:
    vault, _ = new_vault(path)
    with vault:
        vault.table(journal.TABLE).insert_multiple(
            {
                "id": f"{n:032x}",
                "created": journal.now(),
                "occurred": journal.now(),
                "text": "An entry of ordinary length. " * 10,
                "phase": None,
                "tags": [],
            }
            for n in range(entries)
        )


def measure(entries: int) -> list[float]:
    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch)
        path = home / "private" / "vault.cairn"
        _vault(path, entries)
        term = Terminal(home)
        env = {
            "HOME": str(home),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "CAIRN_VAULT": str(path),
            "CAIRN_CONFIG": str(home / "none.toml"),
        }
        term.start([CAIRN], env)
        times = []
        try:
            for _ in range(RUNS):
                term.wait_text("Locked", 30)
                term.type(PASSPHRASE)
                term.keys("Enter")
                term.wait_text("Journal entries", 30)
                start = time.perf_counter()
                term.keys("F12")
                term.wait(lambda shown: not shown.strip(), 10, "a blank screen")
                times.append(time.perf_counter() - start)
        finally:
            term.close()
        return times


def main() -> None:
    print("| entries | median | 90th percentile | max | runs |")
    print("| --- | --- | --- | --- | --- |")
    for entries in (10, 10_000):
        ms = sorted(t * 1000 for t in measure(entries))
        p90 = ms[int(len(ms) * 0.9) - 1]
        median = statistics.median(ms)
        print(f"| {entries:,} | {median:.1f} ms | {p90:.1f} ms | {ms[-1]:.1f} ms | {len(ms)} |")


if __name__ == "__main__":
    main()
