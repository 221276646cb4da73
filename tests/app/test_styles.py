"""Styles stay in their room: one base sheet on the App (styles/app.tcss) for what every
screen shares, and each screen's sheet scoped to the screens that load it, so that opening
one screen never changes how another looks."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

from screens.registry import place
from tests.app.helpers import wait_for
from tests.app.test_snapshots import SCREENS, OneScreenApp, session  # noqa: F401
from tests.helpers import PASSPHRASE
from tui.session import Session
from tui.vault import Vault

ROOT = Path(__file__).resolve().parents[2]


def _users() -> dict[str, set[str]]:
    """Sheet name -> the screen classes whose CSS_PATH names it."""
    found: dict[str, set[str]] = {}
    for path in (ROOT / "screens").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            for statement in node.body:
                if (
                    isinstance(statement, ast.Assign)
                    and any(getattr(t, "id", None) == "CSS_PATH" for t in statement.targets)
                    and isinstance(statement.value, ast.Call)
                ):
                    sheet = ast.literal_eval(statement.value.args[0])
                    found.setdefault(sheet, set()).add(node.name)
    return found


def _top_level_selectors(text: str) -> list[str]:
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    selectors, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "{":
            if depth == 0:
                selectors.append(text[start:index].strip())
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                start = index + 1
    return selectors


def test_every_rule_of_a_screen_sheet_starts_at_a_screen() -> None:
    users = _users()
    sheets = sorted(p.name for p in (ROOT / "styles").glob("*.tcss") if p.name != "app.tcss")
    assert sorted(users) == sheets  # every sheet is some screen's, and only screens load them
    for sheet in sheets:
        for selector in _top_level_selectors((ROOT / "styles" / sheet).read_text()):
            for one in selector.split(","):
                first = one.split()[0]
                assert re.fullmatch(r"[A-Z]\w*Screen", first), f"{sheet}: {selector!r}"


def test_only_the_app_loads_the_base_sheet() -> None:
    loaders = [
        path
        for path in [*ROOT.glob("tui/**/*.py"), *ROOT.glob("screens/**/*.py")]
        if 'stylesheet("app.tcss")' in path.read_text(encoding="utf-8")
    ]
    assert [p.relative_to(ROOT).as_posix() for p in loaders] == ["tui/app.py"]


async def _screenshot(unlocked: Session, path: Path, name: str, before: list[str]) -> str:
    """``name`` drawn at 80x24 after every screen in ``before`` was opened and closed."""
    if unlocked.vault is None:  # the app before locked it as it ended
        unlocked.vault = Vault.open(path, PASSPHRASE)
    app = OneScreenApp(unlocked, [lambda s: place("help").screen(s)])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: len(app.screen_stack) == 2)
        for other in before:
            for make in SCREENS[other]:
                app.push_screen(make(unlocked))
            await pilot.pause()
            while len(app.screen_stack) > 2:
                app.pop_screen()
            await pilot.pause()
        for make in SCREENS[name]:
            app.push_screen(make(unlocked))
        await wait_for(pilot, lambda: len(app.screen_stack) == 2 + len(SCREENS[name]))
        await pilot.pause()
        shot: str = app.export_screenshot()
        return shot


async def test_opening_every_screen_changes_neither_journal_nor_home(
    session: Session,  # noqa: F811
) -> None:
    assert session.vault is not None
    path = session.vault.path
    everything = sorted(name for name in SCREENS if name not in {"journal", "home"})
    for name in ("journal", "home"):
        # Some of those screens' set-ups add to the record; the fresh app, made after, sees
        # the same record, so only what the other screens' styles did can differ.
        after_all = await _screenshot(session, path, name, everything)
        fresh = await _screenshot(session, path, name, [])
        assert _lines(after_all) == _lines(fresh), name


def _lines(svg: str) -> list[tuple[Any, ...]]:
    """Each text run with its place and its style class: what a person sees."""
    runs = re.findall(r'<text class="([^"]+)" x="([^"]+)" y="([^"]+)"[^>]*>(.*?)</text>', svg)
    return [(y, x, text) for _cls, x, y, text in runs]
