"""The app on a disk that is really full or read-only (a small tmpfs): unlocking, home, the
journal and the plan still show; saving says in one sentence why it cannot, and the text
stays in the editor."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import TextArea

from tests.app.conftest import MakeApp, Relaunches
from tests.app.helpers import screen_name, screen_text, unlock, wait_for
from tests.helpers import fingerprint, new_vault
from tests.tmpfs import NEEDS_ROOT, SmallDisk, small_disk
from tui import journal

pytestmark = NEEDS_ROOT


@pytest.fixture
def disk_vault(tmp_path: Path) -> Iterator[tuple[SmallDisk, Path]]:
    with small_disk(tmp_path / "disk") as disk:
        path = disk.mount_point / "private" / "vault.cairn"
        vault, _ = new_vault(path)
        journal.add_entry(vault, "Written while there was room.")
        vault.lock()
        yield disk, path


@pytest.mark.parametrize("fault", ["full", "read-only"])
async def test_reading_works_and_saving_says_why_not(
    make_app: MakeApp, disk_vault: tuple[SmallDisk, Path], fault: str
) -> None:
    disk, path = disk_vault
    disk.fill() if fault == "full" else disk.read_only()
    before = fingerprint(path)
    try:
        app = make_app(path=path)
        async with app.run_test(size=(80, 24)) as pilot:
            await unlock(pilot)
            assert "Journal entries: 1" in screen_text(app)
            await pilot.press("j")
            await wait_for(pilot, lambda: screen_name(pilot) == "JournalScreen")
            await pilot.press("escape")
            await wait_for(pilot, lambda: screen_name(pilot) == "HomeScreen")
            await pilot.press("s")
            await wait_for(pilot, lambda: screen_name(pilot) == "ModeScreen")  # first visit
            await pilot.press("escape")
            await wait_for(pilot, lambda: screen_name(pilot) == "SafetyPlanScreen")
            await pilot.press("escape")
            await wait_for(pilot, lambda: screen_name(pilot) == "HomeScreen")
            await pilot.press("n")
            await wait_for(pilot, lambda: screen_name(pilot) == "EntryScreen")
            await pilot.press(*"The door was locked.", "ctrl+s")
            reason = "disk is full" if fault == "full" else "open for reading only"
            await wait_for(pilot, lambda: reason in screen_text(app))
            assert app.screen.query_one("#field-text", TextArea).text == "The door was locked."
    finally:
        if fault == "read-only":
            disk.read_only(False)
    assert fingerprint(path) == before


async def test_panic_on_a_full_disk_hands_the_work_to_the_fresh_process(
    make_app: MakeApp, disk_vault: tuple[SmallDisk, Path], relaunches: Relaunches
) -> None:
    disk, path = disk_vault
    disk.fill()
    app = make_app(path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await pilot.press("n")
        await wait_for(pilot, lambda: screen_name(pilot) == "EntryScreen")
        await pilot.press(*"CANARY typed on a full disk")
        await pilot.press("f12")
        assert app.session.vault is None
    assert not path.with_name(path.name + ".draft").exists()  # the disk could not take it
    handed = relaunches.handed[-1]
    assert handed is not None and b"CANARY" not in handed  # sealed, never plaintext
    disk.free()
    app = make_app(path=path)
    app.session.handed_draft = handed  # what tui/handoff.py carries across execv
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await wait_for(pilot, lambda: screen_name(pilot) == "DraftOfferScreen")
        await pilot.press("r")
        await wait_for(pilot, lambda: screen_name(pilot) == "EntryScreen")
        text = app.screen.query_one("#field-text", TextArea).text
        assert text == "CANARY typed on a full disk"
