"""Vault benchmarks (not tests; nothing fails on a number).

    .venv/bin/python -m tests.bench.bench_vault

Prints the unlock time with the default key derivation and the time of one durable,
encrypted save (the entry and its link in the record chain, in one write) at several vault
sizes (median and spread over repeated saves).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from tui import journal
from tui.vault import DEFAULT_KDF, Vault

from .filled import filled_vault

PASSPHRASE = "benchmark passphrase"
ENTRY = "A factual entry of ordinary length. " * 8  # about 290 characters


def unlock_times(folder: Path, runs: int = 7) -> list[float]:
    """Seconds for each of ``runs`` unlocks of a vault made with the default Argon2id."""
    path = folder / "default" / "vault.cairn"
    Vault.create(path, PASSPHRASE, DEFAULT_KDF)[0].lock()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        Vault.open(path, PASSPHRASE).lock()
        times.append(time.perf_counter() - start)
    return times


def _saves(folder: Path, size: int, runs: int = 21) -> list[float]:
    path = folder / f"size-{size}" / "vault.cairn"
    with filled_vault(path, size) as vault:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            journal.add_entry(vault, ENTRY)
            times.append(time.perf_counter() - start)
    return times


def _row(label: str, times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    return (
        f"| {label} | {statistics.median(ms):.1f} ms | {ms[0]:.1f} to {ms[-1]:.1f} ms | {len(ms)} |"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        print("| what | median | range | runs |")
        print("| --- | --- | --- | --- |")
        print(_row("unlock, default Argon2id (64 MiB, 3 passes, 1 lane)", unlock_times(folder)))
        for size in (10, 1_000, 10_000):
            print(_row(f"one save at {size:,} entries", _saves(folder, size)))


if __name__ == "__main__":
    main()
