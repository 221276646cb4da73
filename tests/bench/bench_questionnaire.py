"""The questionnaire: one answer kept durably (what the person waits for between two
statements), and the summary's reflection and chart over many kept runs (a benchmark, not a
test).

    .venv/bin/python -m tests.bench.bench_questionnaire

Each answer rewrites and re-seals the whole vault, so its cost grows with the journal beside
it; it is measured with 10 and with 10 000 journal entries in the vault.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from tests.bench.filled import filled_vault
from tui import questionnaire as q

RUNS = 30
KEPT_RUNS = 50


def _median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def main() -> None:
    shipped = q.questionnaires()[0]
    for entries in (10, 10_000):
        with tempfile.TemporaryDirectory() as folder:
            vault = filled_vault(Path(folder) / "v" / "vault.cairn", entries)
            run = q.Run.begin(shipped)
            answers = []
            for n in range(RUNS):
                item = shipped.items[n % len(shipped.items)]
                run = run.answered(item.key, n % 5, position=n + 1)
                start = time.perf_counter()
                q.keep_unfinished(vault, run)
                answers.append(time.perf_counter() - start)
            vault.lock()
        print(f"{entries} journal entries: one answer kept {_median_ms(answers):.1f} ms "
              f"(median of {RUNS})")  # fmt: skip
    kept = [{item.key: (n + i) % 5 for i, item in enumerate(shipped.items)} for n in range(KEPT_RUNS)]  # fmt: skip
    summaries = []
    for _ in range(RUNS):
        start = time.perf_counter()
        q.reflect(shipped, kept[-1])
        q.levels_over_time(shipped, kept)
        summaries.append(time.perf_counter() - start)
    print(f"the reflection and the chart over {KEPT_RUNS} kept runs: "
          f"{_median_ms(summaries):.2f} ms (median of {RUNS})")  # fmt: skip


if __name__ == "__main__":
    main()
