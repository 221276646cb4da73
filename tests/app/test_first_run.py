"""First run: welcome, choose a passphrase, see the recovery code once, arrive home."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input, Static

from tests.app.conftest import MakeApp
from tests.app.helpers import screen_name, wait_for
from tui.vault import Vault

GOOD = "four unrelated words here"


async def test_new_person_creates_a_vault_and_arrives_home(
    make_app: MakeApp, vault_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert screen_name(pilot) == "WelcomeScreen"
        text = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert str(vault_path) in text and "F12 or Ctrl+\\" in text and "shell history" in text
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen_name(pilot) == "CreateScreen")

        await pilot.press(*"short", "enter")
        await wait_for(pilot, lambda: app.screen.query_one("#second", Input).has_focus)
        await pilot.press(*"short", "enter")
        message = app.screen.query_one("#create-message", Static)
        assert "at least 8" in str(message.render())
        assert not vault_path.exists()

        first = app.screen.query_one("#first", Input)
        second = app.screen.query_one("#second", Input)
        first.value, second.value = GOOD, GOOD + "x"
        second.focus()
        await pilot.press("enter")
        assert "differ" in str(message.render())

        second.value = GOOD
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen_name(pilot) == "RecoveryScreen")
        assert vault_path.exists()
        code = str(app.screen.query_one("#code", Static).render())
        await pilot.press(*"zzzz", "enter")
        assert "does not match" in str(app.screen.query_one("#recovery-message", Static).render())
        app.screen.query_one("#confirm", Input).value = code[-4:].lower()
        await pilot.press("enter")
        # Once, with a new vault: the privacy check, then home.
        await wait_for(pilot, lambda: screen_name(pilot) == "PrivacyScreen")
        assert "Only your account can open" in _shown(app.screen)
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen_name(pilot) == "HomeScreen")
    # The vault opens with the passphrase and with the code that was shown.
    Vault.open(vault_path, GOOD).lock()
    Vault.open(vault_path, code).lock()


async def test_the_strength_hint_follows_typing(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen_name(pilot) == "CreateScreen")
        hint = app.screen.query_one("#strength", Static)
        await pilot.press(*"abc")
        assert "Too short" in str(hint.render())
        await pilot.press(*"defghij")
        assert "easy to guess" in str(hint.render())
        await pilot.press(*"klmnopqrstu")
        assert "Strong enough" in str(hint.render())


def _shown(screen: Any) -> str:
    return "\n".join(str(widget.render()) for widget in screen.query(Static))


async def test_tab_on_the_first_run_screen_only_lands_on_the_fields(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen_name(pilot) == "CreateScreen")
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        visited = []
        for _ in range(4):
            await pilot.press("tab")
            await pilot.pause()
            visited.append(app.focused.id if app.focused is not None else None)
        assert visited == ["second", "first", "second", "first"]
        intro = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "each time you open Cairn" in intro and "recovery code" in intro
