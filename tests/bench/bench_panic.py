"""Panic key to a blank screen from inside the journal editor with unsaved text, in a real
terminal (tmux), at 10 and 10 000 entries.

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

from tests.bench.filled import filled_vault
from tests.e2e.tmux import CAIRN, Terminal, cairn_env
from tests.helpers import PASSPHRASE

RUNS = 15


def _vault(path: Path, entries: int) -> None:
    filled_vault(path, entries, PASSPHRASE).lock()


def measure(entries: int) -> list[float]:
    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch)
        path = home / "private" / "vault.cairn"
        _vault(path, entries)
        term = Terminal(home)
        env = cairn_env(home, path)
        term.start([CAIRN], env)
        times = []
        try:
            for run in range(RUNS):
                term.wait_text("Locked", 30)
                term.type(PASSPHRASE)
                term.keys("Enter")
                if run:  # the words typed before the last panic are offered back; let them go
                    term.wait_text("Unsaved work", 30)
                    term.keys("d")
                term.wait_text("Journal entries", 30)
                term.keys("n")  # panic from inside the journal editor, with unsaved text
                term.wait_text("The facts, in order", 30)
                term.type("Unsaved words")
                term.wait_text("Unsaved words", 30)
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
