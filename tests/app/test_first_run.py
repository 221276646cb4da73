"""First run: welcome, choose a passphrase, see the recovery code once, arrive home."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from tests.app.conftest import MakeApp
from tests.app.helpers import screen_name, wait_for
from tui.config import Settings
from tui.passphrase_policy import SUGGESTED_WORDS, judge, passphrase_words
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


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("abc", ["Too short"]),
        ("passwordpassword", ["Easy to guess", "Repeated letters"]),
        ("qwertyuiopasdfgh", ["Easy to guess"]),
        ("abcdefghijklmnopqrstu", ["Easy to guess", "Runs like abc"]),
        ("Jessica12345", ["Easy to guess", "Names are tried early"]),
        ("john smith 12 march 1987", ["Usable, but not strong", "Dates and years"]),
        (GOOD, ["Strong enough"]),
    ],
)
async def test_the_strength_hint_tells_the_truth(
    make_app: MakeApp, typed: str, says: list[str]
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen_name(pilot) == "CreateScreen")
        hint = app.screen.query_one("#strength", Static)
        assert "names, dates and places the other person knows" in str(hint.render())
        app.screen.query_one("#first", Input).insert_text_at_cursor(typed)
        await pilot.pause()
        shown = str(hint.render())
        assert all(words in shown for words in says), shown
        if "Strong enough" not in says:
            assert "Strong enough" not in shown


async def test_a_suggested_passphrase_is_seven_listed_words_and_follows_the_keymap(
    make_app: MakeApp,
) -> None:
    app = make_app(Settings(keys={"create-suggest": "f6"}))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen_name(pilot) == "CreateScreen")
        assert "F6 suggests one" in str(app.screen.query_one("#strength", Static).render())
        shown = app.screen.query_one("#suggestion", Static)
        await pilot.press("f6")
        first = str(shown.render())
        await pilot.press("f6")
        second = str(shown.render())
        # Only shown: nothing is typed into the fields for the person.
        assert not app.screen.query_one("#first", Input).value
    words = first.split(": ", 1)[1].split(".", 1)[0].split()
    assert len(words) == SUGGESTED_WORDS and set(words) <= set(passphrase_words())
    assert judge(" ".join(words)).level == "strong"
    assert first != second and "F6 shows another" in first


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
