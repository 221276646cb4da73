"""Back up now, the sealed bundle from the report screen, and the app opened read-only."""

from __future__ import annotations

import os
from pathlib import Path

import pyrage
from textual.widgets import Input, Select

from tests.app.conftest import MakeApp
from tests.app.helpers import screen_name, screen_text, unlock, wait_for
from tests.helpers import PASSPHRASE
from tui import backup, journal
from tui.app import CairnApp
from tui.config import Settings
from tui.session import Session
from tui.vault import Vault


async def test_back_up_now_copies_checks_and_says_where(
    make_app: MakeApp, existing_vault: Path, tmp_path: Path
) -> None:
    with Vault.open(existing_vault, PASSPHRASE) as vault:
        journal.add_entry(vault, "He took the car.")
    stick = tmp_path / "stick"
    stick.mkdir()
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await unlock(pilot)
        await pilot.press("b")
        await wait_for(pilot, lambda: screen_name(pilot) == "BackupScreen")
        assert "No backup has been made from this vault yet." in screen_text(app)
        app.screen.query_one(Input).value = str(stick)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "read back and checked" in screen_text(app))
        assert "Copies kept there: 1" in screen_text(app)
        assert "The last backup was made on" in screen_text(app)
    (copy,) = backup.backups_in(stick)
    assert (copy / existing_vault.name).exists()


async def test_home_reminds_of_an_old_backup_only_when_set(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app(Settings(backup_reminder_days=14))
    async with app.run_test(size=(100, 40)) as pilot:
        await unlock(pilot)
        assert "No backup has been made yet. B backs up now." in screen_text(app)
    quiet = make_app()
    async with quiet.run_test(size=(100, 40)) as pilot:
        await unlock(pilot)
        assert "backup" not in screen_text(quiet).split("Keys:")[0].lower()


async def test_the_report_screen_writes_a_bundle_for_a_pasted_key(
    make_app: MakeApp, existing_vault: Path, tmp_path: Path
) -> None:
    with Vault.open(existing_vault, PASSPHRASE) as vault:
        journal.add_entry(vault, "He took the car.")
    lawyer = pyrage.x25519.Identity.generate()
    out = tmp_path / "for-the-lawyer.age"
    app = make_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await unlock(pilot)
        await pilot.press("e")
        await wait_for(pilot, lambda: screen_name(pilot) == "ReportScreen")
        app.screen.query_one("#export-format", Select).value = "bundle"
        app.screen.query_one("#export-file", Input).value = str(out)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "needs the key of the person it is for" in screen_text(app))
        app.screen.query_one("#report-recipient", Input).value = str(lawyer.to_public())
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen_name(pilot) == "ConfirmScreen")
        assert "sealed with age to the key you gave" in screen_text(app)
        await pilot.press("y")
        await wait_for(pilot, lambda: "Wrote a sealed bundle" in screen_text(app))
    opened = pyrage.decrypt(out.read_bytes(), [lawyer])
    assert b"He took the car." in opened and b"SHA256SUMS" in opened


async def test_opened_read_only_the_app_reads_everything_and_writes_nothing(
    existing_vault: Path,
) -> None:
    with Vault.open(existing_vault, PASSPHRASE) as vault:
        journal.add_entry(vault, "Kept from before.")
    (existing_vault.parent / f"{existing_vault.name}.lock").unlink()
    before = sorted(p.name for p in existing_vault.parent.iterdir())
    session = Session(settings=Settings(), vault_path=existing_vault, read_only=True)
    app = CairnApp(session, relaunch=lambda *_: None)
    async with app.run_test(size=(100, 40)) as pilot:
        await unlock(pilot)
        assert "Opened read-only, as asked" in screen_text(app)
        await pilot.press("n")
        await wait_for(pilot, lambda: screen_name(pilot) == "EntryScreen")
        await pilot.press(*"New words", "ctrl+s")
        await wait_for(pilot, lambda: "read-only" in screen_text(app).lower())
        await pilot.press("f12")
    assert sorted(p.name for p in existing_vault.parent.iterdir()) == before
    assert os.environ.pop("CAIRN_READ_ONLY", None) == "1"  # the relaunch stays read-only
