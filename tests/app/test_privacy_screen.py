"""The privacy check from the command palette: findings on screen, Escape goes back."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import Static

from tests.app.conftest import MakeApp
from tests.app.helpers import screen_name, unlock, wait_for


async def test_the_privacy_check_opens_from_the_palette_and_goes_back(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await unlock(pilot)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"privacy check")
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen_name(pilot) == "PrivacyScreen")
        shown = [str(w.render()) for w in app.screen.query(".finding-heading").results(Static)]
        assert shown[0] == "Fine: The vault's folder"
        assert len(shown) == 6
        await pilot.press("f12")  # the panic key works here too
        assert screen_name(pilot) == "BlankScreen" and app.session.vault is None


async def test_escape_leaves_the_privacy_check(make_app: MakeApp, existing_vault: Path) -> None:
    from screens.privacy import PrivacyScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await wait_for(pilot, lambda: screen_name(pilot) == "HomeScreen")
        app.push_screen(PrivacyScreen(app.session))
        await wait_for(pilot, lambda: screen_name(pilot) == "PrivacyScreen")
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen_name(pilot) == "HomeScreen")
