"""Kinds of terminal: inside GNU screen without its alternate screen Cairn says once what
screen keeps; Textual's ANSI themes draw in the terminal's own colours."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.conftest import MakeApp
from tests.app.helpers import screen_name, unlock, wait_for
from tui import privacy
from tui.app import RELAUNCH_ENV
from tui.config import Settings


@pytest.fixture
def inside_screen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setattr(privacy, "SYSTEM_SCREENRC", str(tmp_path / "no-such-screenrc"))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("STY", "1234.pts-0.host")
    monkeypatch.delenv("TMUX", raising=False)
    monkeypatch.delenv("SCREENRC", raising=False)
    monkeypatch.delenv(RELAUNCH_ENV, raising=False)
    return home


def _said(app: object) -> list[str]:
    return [str(note.message) for note in app._notifications]  # type: ignore[attr-defined]


async def test_inside_screen_without_altscreen_cairn_says_so_once(
    make_app: MakeApp, existing_vault: Path, inside_screen: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: bool(_said(app)))
        assert _said(app) == [privacy.screen_notice()]
        assert "GNU screen" in _said(app)[0]
        await unlock(pilot)
        await wait_for(pilot, lambda: screen_name(pilot) == "HomeScreen")
        assert len(_said(app)) == 1  # once, not again after unlocking
        await pilot.press("f12")
        assert _said(app) == []  # nothing is drawn again over the blank screen


@pytest.mark.parametrize("why", ["altscreen", "relaunched", "not inside"])
async def test_otherwise_nothing_is_said(
    make_app: MakeApp,
    existing_vault: Path,
    inside_screen: Path,
    monkeypatch: pytest.MonkeyPatch,
    why: str,
) -> None:
    if why == "altscreen":
        (inside_screen / ".screenrc").write_text("altscreen on\n")
    elif why == "relaunched":
        monkeypatch.setenv(RELAUNCH_ENV, "1")
    else:
        monkeypatch.delenv("STY")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await wait_for(pilot, lambda: screen_name(pilot) == "HomeScreen")
        assert _said(app) == []


@pytest.mark.parametrize("theme", ["ansi-dark", "ansi-light"])
async def test_the_ansi_themes_are_used(
    make_app: MakeApp, existing_vault: Path, theme: str
) -> None:
    app = make_app(Settings(theme=theme))
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        assert app.theme == theme and app.current_theme.name == theme
