"""The one table of places (screens/registry.py): home, the palette and draft restoring
read it, and the words and keys it names follow the catalogue and the person's keymap."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

from textual.screen import Screen

import screens
from screens.registry import PLACES, draft_screens
from tests.app.conftest import MakeApp
from tests.app.helpers import screen_name, screen_text, unlock, wait_for
from tui.config import Settings


def test_every_screen_that_keeps_work_has_its_row_and_the_same_kind() -> None:
    kinds = {}
    for module in pkgutil.iter_modules(screens.__path__):
        loaded = importlib.import_module(f"screens.{module.name}")
        for _, cls in inspect.getmembers(loaded, inspect.isclass):
            if issubclass(cls, Screen) and isinstance(getattr(cls, "draft_kind", None), str):
                kinds[cls.draft_kind] = cls
    rows = {place.draft_kind: place for place in PLACES if place.draft_kind}
    assert set(rows) == set(kinds)
    for kind, place in rows.items():
        assert kinds[kind].__module__ == f"screens.{place.module}"
    assert set(draft_screens()) == set(kinds)


def test_every_row_has_its_words() -> None:
    for place in PLACES:
        assert place.title and place.help


async def test_the_palette_lists_the_places_from_the_table(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
    expected = [
        "Hide now",
        "Quit",
        "Keys",
        "Idioma: Español",
        *(p.title for p in PLACES if p.palette),
    ]
    assert titles == expected


async def test_home_names_the_keys_the_keymap_gives_and_they_open_the_place(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app(Settings(keys={"home-journal": "g", "home-safety-plan": "v"}))
    async with app.run_test(size=(120, 40)) as pilot:
        await unlock(pilot)
        await wait_for(pilot, lambda: screen_name(pilot) == "HomeScreen")
        shown = screen_text(app)
        assert "G the journal" in shown and "J the journal" not in shown
        assert "No safety plan yet. V starts one." in shown
        await pilot.press("j")
        await pilot.pause()
        assert screen_name(pilot) == "HomeScreen"
        await pilot.press("g")
        await wait_for(pilot, lambda: screen_name(pilot) == "JournalScreen")
