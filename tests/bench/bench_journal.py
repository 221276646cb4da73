"""Journal list and search at 10 000 entries (a benchmark, not a test).

    .venv/bin/python -m tests.bench.bench_journal

Domain timings: reading every entry, building the search index, and one search. Screen
timings, headless through Textual's Pilot at 100x30: opening the journal screen until the
list and its count are drawn, and one search keystroke until the new count is drawn.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.bench.filled import filled_vault
from tui import journal
from tui.config import Settings
from tui.journal import store
from tui.session import Session

SIZE = int(os.environ.get("CAIRN_BENCH_ENTRIES", "10000"))
KEY = os.environ.get("CAIRN_BENCH_KEY", "k")  # with few entries, "z" surely changes the count


def _row(label: str, times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    return (
        f"| {label} | {statistics.median(ms):.1f} ms | {ms[0]:.1f} to {ms[-1]:.1f} ms | {len(ms)} |"
    )


def _time(work: Callable[[], Any], runs: int = 9) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return times


def _cold(vault: Any) -> None:
    store._read.clear()  # as after a save
    journal.entries(vault)


def _listed(screen: Any) -> bool:
    found = screen.query("#journal-count")
    return bool(found) and "entries" in str(found.first().render())


async def _screen_times(session: Session, runs: int = 7) -> tuple[list[float], list[float]]:
    from textual.widgets import Static

    from screens.home import HomeScreen
    from screens.journal import JournalScreen
    from tui.app import CairnApp

    class Bench(CairnApp):
        def first_screen(self) -> Any:
            return HomeScreen(self.session)

    app = Bench(session, relaunch=lambda *_: None)
    opens, keys = [], []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for _ in range(runs):
            start = time.perf_counter()
            app.push_screen(JournalScreen(session))
            while not _listed(app.screen):
                await asyncio.sleep(0)
            await pilot.pause()
            opens.append(time.perf_counter() - start)
            count = app.screen.query_one("#journal-count", Static)
            before = str(count.render())
            start = time.perf_counter()
            await pilot.press(KEY)
            deadline = time.perf_counter() + 5
            while str(count.render()) == before and time.perf_counter() < deadline:
                await asyncio.sleep(0)
            keys.append(time.perf_counter() - start)
            app.pop_screen()
            await pilot.pause()
    return opens, keys


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        vault = filled_vault(Path(scratch) / "bench" / "vault.cairn", SIZE)
        with vault:
            everything = journal.entries(vault)
            index = journal.JournalIndex(everything)
            print("| what | median | range | runs |")
            print("| --- | --- | --- | --- |")
            print(_row(f"read all {SIZE:,} entries, first time", _time(lambda: _cold(vault))))
            print(_row("read them again, no change since", _time(lambda: journal.entries(vault))))
            print(_row("build the search index", _time(lambda: journal.JournalIndex(everything))))
            print(
                _row("one search ('keys')", _time(lambda: index.find(journal.Filter(words="keys"))))
            )
            session = Session(settings=Settings(), vault_path=vault.path, vault=vault)
            opens, keys = asyncio.run(_screen_times(session))
            print(_row("open the journal screen, list drawn (Pilot)", opens))
            print(_row("one search keystroke, new count drawn (Pilot)", keys))


if __name__ == "__main__":
    main()
