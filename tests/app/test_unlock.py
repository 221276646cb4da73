"""The lock screen: neutral, masked, off-thread key derivation, growing waits, clear problems."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from screens.unlock import wait_after
from tests.app.conftest import MakeApp
from tests.app.helpers import screen_name, unlock, wait_for
from tests.helpers import PASSPHRASE, fingerprint, new_vault
from tui import journal
from tui.vault import Vault, WrongPassphrase


def test_waits_grow_after_repeated_failures() -> None:
    assert [wait_after(n) for n in range(1, 9)] == [0, 0, 2, 4, 8, 16, 30, 30]


async def test_the_lock_screen_says_nothing_about_the_app(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: screen_name(pilot) == "UnlockScreen")
        words = " ".join(str(w.render()) for w in app.screen.query(Static)).lower()
        for revealing in ("cairn", "journal", "abuse", "safety", "vault"):
            assert revealing not in words
        assert app.screen.query_one("#secret", Input).password
        assert app.title == "Terminal"


async def test_wrong_then_right_passphrase(make_app: MakeApp, existing_vault: Path) -> None:
    before = fingerprint(existing_vault)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: screen_name(pilot) == "UnlockScreen")
        await pilot.press(*"not the one", "enter")
        message = app.screen.query_one("#unlock-message", Static)
        await wait_for(pilot, lambda: "does not open" in str(message.render()))
        assert fingerprint(existing_vault) == before
        field = app.screen.query_one("#secret", Input)
        await wait_for(pilot, lambda: not field.disabled)
        assert field.value == ""  # the attempt does not linger in the widget
        await unlock(pilot)
        assert screen_name(pilot) == "AttemptsScreen"  # the wrong one was noted, sealed


async def test_third_failure_makes_the_person_wait(make_app: MakeApp, existing_vault: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: screen_name(pilot) == "UnlockScreen")
        field = app.screen.query_one("#secret", Input)
        for _ in range(3):
            await wait_for(pilot, lambda: not field.disabled)
            field.focus()
            await pilot.press(*"wrong guess", "enter")
            await wait_for(
                pilot,
                lambda: (
                    field.disabled is False
                    or "Try again" in str(app.screen.query_one("#unlock-message", Static).render())
                ),
            )
        message = str(app.screen.query_one("#unlock-message", Static).render())
        assert "Try again in 2 seconds" in message and field.disabled


async def test_home_shows_the_record_at_a_glance(make_app: MakeApp, vault_path: Path) -> None:
    vault, _ = new_vault(vault_path)
    journal.add_entry(vault, "first", occurred="2026-03-04T09:00:00+00:00")
    journal.add_entry(vault, "[b]second[/b]", occurred="2026-11-02T21:15:00+00:00")
    vault.lock()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        summary = str(app.screen.query_one("#journal-summary", Static).render())
        assert "Journal entries: 2" in summary and "Monday 2 November 2026" in summary


@pytest.mark.parametrize("kind", ["busy", "damaged", "unsafe"])
async def test_each_vault_problem_has_its_own_screen(
    make_app: MakeApp, vault_path: Path, kind: str
) -> None:
    vault, _ = new_vault(vault_path)
    holder: Vault | None = vault
    if kind != "busy":
        vault.lock()
        holder = None
    if kind == "damaged":  # in the header: found before any passphrase is asked for
        data = bytearray(vault_path.read_bytes())
        data[20] ^= 1
        vault_path.write_bytes(bytes(data))
    if kind == "unsafe":
        os.chmod(vault_path, 0o644)
    app = make_app()
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: screen_name(pilot) == "ProblemScreen")
            assert app.screen.kind == kind  # type: ignore[attr-defined]
            if kind == "busy":
                assert str(os.getpid()) in str(
                    app.screen.query_one("#problem-sentence", Static).render()
                )
                holder.lock()  # type: ignore[union-attr]
                holder = None
                await pilot.press("r")
                await wait_for(pilot, lambda: screen_name(pilot) == "UnlockScreen")
    finally:
        if holder is not None:
            holder.lock()


async def test_a_damaged_vault_found_at_unlock_gets_the_problem_screen(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: screen_name(pilot) == "UnlockScreen")
        data = bytearray(existing_vault.read_bytes())
        data[-1] ^= 1
        existing_vault.write_bytes(bytes(data))
        await pilot.press(*PASSPHRASE, "enter")
        await wait_for(pilot, lambda: screen_name(pilot) == "ProblemScreen")


async def test_failed_attempts_are_shown_after_the_next_unlock(
    make_app: MakeApp, existing_vault: Path
) -> None:
    for _ in range(2):
        with pytest.raises(WrongPassphrase):
            Vault.open(existing_vault, "somebody else")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await wait_for(pilot, lambda: screen_name(pilot) == "AttemptsScreen")
        words = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "wrong passphrase 2 times" in words
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen_name(pilot) == "HomeScreen")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        assert screen_name(pilot) == "HomeScreen"  # shown once, then kept in the vault
