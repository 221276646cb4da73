from __future__ import annotations

import time
from collections.abc import Callable

from textual.pilot import Pilot

from tests.helpers import PASSPHRASE


async def wait_for(
    pilot: Pilot[object], condition: Callable[[], bool], seconds: float = 10
) -> None:
    """Poll a condition with a deadline; never a fixed sleep."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met before the deadline")
        await pilot.pause(0.02)


def screen_name(pilot: Pilot[object]) -> str:
    return type(pilot.app.screen).__name__


async def unlock(pilot: Pilot[object], passphrase: str = PASSPHRASE) -> None:
    await wait_for(pilot, lambda: screen_name(pilot) == "UnlockScreen")
    await pilot.press(*passphrase, "enter")
    await wait_for(
        pilot,
        lambda: (
            screen_name(pilot)
            in {"HomeScreen", "DraftOfferScreen", "AttemptsScreen", "RecoveryOfferScreen"}
        ),
    )


def screen_text(app: object) -> str:
    """Every Static's text on the current screen, one per line, as the person reads it."""
    from textual.app import App
    from textual.widgets import Static

    assert isinstance(app, App)
    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))
