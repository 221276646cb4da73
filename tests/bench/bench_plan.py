"""The safety plan: one durable save of a section, and printing the plan (a benchmark, not
a test).

    .venv/bin/python -m tests.bench.bench_plan

Each save rewrites and re-seals the whole vault, so its cost grows with the journal beside
the plan; it is measured with 10 and with 10 000 journal entries in the vault.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from tests.bench.filled import filled_vault
from tui import safety_plan

RUNS = 30


def _median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def main() -> None:
    for entries in (10, 10_000):
        with tempfile.TemporaryDirectory() as folder:
            vault = filled_vault(Path(folder) / "v" / "vault.cairn", entries)
            people = safety_plan.load(vault).section("people")
            saves = []
            for run in range(RUNS):
                changed = replace(people, notes=f"check in at {run}")
                start = time.perf_counter()
                safety_plan.save_section(vault, changed)
                saves.append(time.perf_counter() - start)
            plan = safety_plan.load(vault)
            prints = []
            for _ in range(RUNS):
                start = time.perf_counter()
                safety_plan.to_html(plan, "2026-11-24T18:00:00+00:00")
                prints.append(time.perf_counter() - start)
            vault.lock()
        print(f"{entries} journal entries: one section saved {_median_ms(saves):.1f} ms, "
              f"the plan as HTML {_median_ms(prints):.2f} ms (medians of {RUNS})")  # fmt: skip


if __name__ == "__main__":
    main()
