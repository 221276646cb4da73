"""Choosing the language from the command palette: the choice is saved in the settings file,
unsaved work is sealed, and Cairn locks and opens again speaking it from its first frame."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandPalette
from textual.widgets import TextArea

from tests.app.conftest import MakeApp, NoteScreen, Relaunches
from tests.app.helpers import screen_name, screen_text, unlock, wait_for
from tui.config import Settings, load_settings
from tui.content import language, use_language
from tui.vault.drafts import draft_path


@pytest.fixture
def settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "config" / "settings.toml"
    monkeypatch.setenv("CAIRN_CONFIG", str(path))
    yield path
    use_language("en")


async def _half_a_sentence(pilot: Any) -> None:
    """Unlock and type into a note, unsaved."""
    app = pilot.app
    await unlock(pilot)
    app.push_screen(NoteScreen(app.session))
    await wait_for(pilot, lambda: bool(app.screen.query(TextArea)))
    app.screen.query_one(TextArea).insert("half a sentence")


async def test_spanish_is_chosen_from_the_palette_saved_and_opened_again_locked(
    make_app: MakeApp, existing_vault: Path, relaunches: Relaunches, settings_file: Path
) -> None:
    settings_file.parent.mkdir()
    settings_file.write_text('theme = "ansi-dark"\n', encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _half_a_sentence(pilot)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"idioma")
        await wait_for(pilot, lambda: "Idioma: Español" in screen_text(app) or _listed(app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.session.vault is None)
    assert relaunches.paths == [existing_vault]  # locked, then a fresh process
    assert draft_path(existing_vault).exists()  # the half sentence is sealed for later
    assert load_settings(settings_file).language == "es"
    assert settings_file.read_text(encoding="utf-8").endswith('theme = "ansi-dark"\n')


def _listed(app: object) -> bool:
    from textual.command import CommandList

    assert hasattr(app, "screen")
    lists = app.screen.query(CommandList)
    return bool(lists) and lists.first().option_count > 0


async def test_the_next_start_speaks_spanish_from_the_lock_screen_and_offers_the_work_back(
    make_app: MakeApp, existing_vault: Path, relaunches: Relaunches, settings_file: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _half_a_sentence(pilot)
        await pilot.press("f12")
    again = make_app(Settings(language="es"))
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: screen_name(pilot) == "UnlockScreen")
        assert "Bloqueado" in screen_text(again) and language() == "es"
        await unlock(pilot)
        assert screen_name(pilot) == "DraftOfferScreen"
        assert "Trabajo sin guardar" in screen_text(again)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(again.screen, CommandPalette))
        await pilot.press(*"language")
        await wait_for(pilot, lambda: _listed(again))
        await pilot.press("enter")  # back to English, the same way
        await wait_for(pilot, lambda: again.session.vault is None)
    assert load_settings(settings_file).language == "en"


async def test_a_settings_file_cairn_refuses_is_left_alone_and_nothing_locks(
    make_app: MakeApp, existing_vault: Path, relaunches: Relaunches, settings_file: Path
) -> None:
    settings_file.mkdir(parents=True)  # a folder where the file should be
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        app.switch_language("es")
        await pilot.pause()
        assert app.session.vault is not None and screen_name(pilot) == "HomeScreen"
        told = [note.message for note in app._notifications]
        assert told == [f"Cairn will not read its settings file {settings_file}: it is a folder."]
    assert relaunches.paths == [] and settings_file.is_dir() and language() == "en"


@pytest.mark.parametrize(
    ("code", "back", "palette"), [("en", "Back", "palette"), ("es", "Atrás", "paleta")]
)
async def test_the_footer_names_each_shown_key_in_the_language_chosen(
    make_app: MakeApp,
    existing_vault: Path,
    settings_file: Path,
    code: str,
    back: str,
    palette: str,
) -> None:
    """Escape on the privacy check is "Back" (shown) and Enter "Go on" (not shown): both do
    the same thing, and the footer names the one it shows, in the language of the moment,
    as it does the palette's key, whose binding is never "shown"."""
    from textual.widgets._footer import FooterKey

    from screens.privacy import PrivacyScreen

    app = make_app(Settings(language=code))
    async with app.run_test(size=(120, 24)) as pilot:
        await unlock(pilot)
        app.push_screen(PrivacyScreen(app.session))
        await wait_for(pilot, lambda: screen_name(pilot) == "PrivacyScreen")
        await pilot.pause()
        words = {key.key: key.description for key in app.screen.query(FooterKey)}
    assert words["escape"] == back and words["ctrl+p"] == palette
