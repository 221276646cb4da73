"""Changing the passphrase and making a new recovery code in the app, and a recovery code
that was shown but never confirmed (panic, idle lock or quit on its screen) being noticed at
the next unlock and replaced."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, Static

from tests.app.conftest import MakeApp, Relaunches
from tests.app.helpers import screen_name, screen_text, unlock, wait_for
from tests.helpers import PASSPHRASE
from tui.config import Settings
from tui.vault import Vault, WrongPassphrase

NEW = "a second passphrase entirely"


async def _palette(pilot: object, command: str) -> None:
    app = pilot.app  # type: ignore[attr-defined]
    await pilot.press("ctrl+p")  # type: ignore[attr-defined]
    await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))  # type: ignore[arg-type]
    await pilot.press(*command, "enter")  # type: ignore[attr-defined]


async def test_the_passphrase_is_changed_from_the_palette(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await _palette(pilot, "Change passphrase")
        await wait_for(pilot, lambda: screen_name(pilot) == "ChangePassphraseScreen")
        await pilot.press(*"not it", "enter", *NEW, "enter", *NEW, "enter")
        await wait_for(pilot, lambda: "not the current passphrase" in screen_text(app))
        assert app.screen.query_one("#current", Input).has_focus
        await pilot.press(*PASSPHRASE, "enter", *NEW, "enter", *NEW, "enter")
        await wait_for(pilot, lambda: "Your passphrase is changed" in screen_text(app))
        assert all(field.value == "" for field in app.screen.query(Input))
    with pytest.raises(WrongPassphrase):
        Vault.open(existing_vault, PASSPHRASE)
    Vault.open(existing_vault, NEW).lock()


async def test_a_new_recovery_code_is_shown_once_and_confirmed(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await _palette(pilot, "New recovery code")
        await wait_for(pilot, lambda: screen_name(pilot) == "NewRecoveryCodeScreen")
        await pilot.press(*PASSPHRASE, "enter")
        await wait_for(pilot, lambda: screen_name(pilot) == "RecoveryScreen")
        code = str(app.screen.query_one("#code", Static).render())
        assert "old one no longer opens" in screen_text(app)
        await pilot.press(*code[-4:], "enter")
        await wait_for(pilot, lambda: screen_name(pilot) == "HomeScreen")
        assert not app.session.unlocked.recovery_code_unconfirmed
    Vault.open(existing_vault, code).lock()


@pytest.mark.parametrize("interruption", ["panic", "idle", "quit"])
async def test_an_unconfirmed_code_is_offered_again_after_any_interruption(
    make_app: MakeApp, vault_path: Path, relaunches: Relaunches, interruption: str
) -> None:
    settings = Settings(idle_minutes=0.02) if interruption == "idle" else Settings()
    app = make_app(settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen_name(pilot) == "CreateScreen")
        await pilot.press(*PASSPHRASE, "enter", *PASSPHRASE, "enter")
        await wait_for(pilot, lambda: screen_name(pilot) == "RecoveryScreen")
        first_code = str(app.screen.query_one("#code", Static).render())
        if interruption == "panic":
            await pilot.press("f12")
        elif interruption == "quit":
            await pilot.press("ctrl+q")
        else:
            await wait_for(pilot, lambda: app.session.vault is None, seconds=20)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await wait_for(pilot, lambda: screen_name(pilot) == "RecoveryOfferScreen")
        assert "was not confirmed" in screen_text(app)
        await pilot.press("n")
        await wait_for(pilot, lambda: screen_name(pilot) == "RecoveryScreen")
        new_code = str(app.screen.query_one("#code", Static).render())
        assert new_code != first_code
        await pilot.press(*new_code[-4:], "enter")
        await wait_for(pilot, lambda: screen_name(pilot) == "HomeScreen")
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, first_code)
    with Vault.open(vault_path, new_code) as vault:
        assert not vault.recovery_code_unconfirmed


async def test_keeping_the_unconfirmed_code_is_a_choice(
    make_app: MakeApp, vault_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen_name(pilot) == "CreateScreen")
        await pilot.press(*PASSPHRASE, "enter", *PASSPHRASE, "enter")
        await wait_for(pilot, lambda: screen_name(pilot) == "RecoveryScreen")
        code = str(app.screen.query_one("#code", Static).render())
        await pilot.press("f12")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await wait_for(pilot, lambda: screen_name(pilot) == "RecoveryOfferScreen")
        await pilot.press("k")
        await wait_for(pilot, lambda: screen_name(pilot) == "HomeScreen")
    with Vault.open(vault_path, code) as vault:  # the same code, now confirmed
        assert not vault.recovery_code_unconfirmed


async def test_the_new_passphrase_gets_the_same_hint_and_suggestions(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await _palette(pilot, "Change passphrase")
        await wait_for(pilot, lambda: screen_name(pilot) == "ChangePassphraseScreen")
        await pilot.press(*PASSPHRASE, "enter", *"passwordpassword")
        await wait_for(pilot, lambda: "Easy to guess" in screen_text(app))
        await pilot.press("f2")
        await wait_for(pilot, lambda: "A suggestion, picked at random" in screen_text(app))
        assert app.screen.query_one("#first", Input).value == "passwordpassword"
