"""On the Linux console (TERM=linux) every character Cairn draws is one its fonts have: the
256 of code page 437. Elsewhere, Textual's own characters (the snapshots show those)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

import pytest

from screens._glyphs import use_console
from tests.app.helpers import wait_for
from tests.app.test_snapshots import SCREENS, OneScreenApp, session  # noqa: F401
from tests.helpers import CP437
from tui import journal
from tui.session import Session
from tui.textual_compat import use_console_glyphs
from tui.visible import use_code_points


def _drawn(app: Any) -> str:
    svg = app.export_screenshot()
    texts = re.findall(r"<text[^>]*>(.*?)</text>", svg, re.S)
    return "".join(html.unescape(re.sub(r"<[^>]+>", "", text)) for text in texts)


@pytest.fixture
def linux_console(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TERM", "linux")
    yield
    use_console_glyphs(False)  # the app set them for the process; give the next test back
    use_console(False)
    use_code_points(False)


async def _shown(unlocked: Session, name: str) -> str:
    app = OneScreenApp(unlocked, SCREENS[name])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: len(app.screen_stack) == len(SCREENS[name]) + 1)
        await pilot.pause()
        return _drawn(app)


@pytest.mark.parametrize("name", sorted(SCREENS))
async def test_every_screen_draws_only_what_the_console_fonts_have(
    linux_console: None,
    session: Session,  # noqa: F811
    name: str,
) -> None:
    drawn = await _shown(session, name)
    assert drawn.strip()
    missing = sorted({ch for ch in drawn if ch not in CP437 and ch != "\xa0"})
    assert missing == [], f"{name}: {missing}"


async def test_control_characters_are_code_points_on_the_console(
    linux_console: None,
    session: Session,  # noqa: F811
) -> None:
    assert session.vault is not None
    journal.add_entry(session.vault, "look \x1b[31m here", occurred="2026-11-24T10:00:00+00:00")
    drawn = await _shown(session, "journal")
    assert "<U+001B>[31m" in drawn and "\x1b" not in drawn


async def test_elsewhere_textuals_own_characters_are_kept(
    session: Session,  # noqa: F811
) -> None:
    drawn = await _shown(session, "create")
    assert "\u258a" in drawn and "\u2594" in drawn  # the tall border of a field
