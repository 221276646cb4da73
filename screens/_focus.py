"""Where typing lands when a screen appears."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Input, Static


def focus_then_cue(screen: Screen[Any], field: Input, cue: Static, text: str) -> None:
    """Focus ``field`` at once, then show ``cue``.

    Textual picks the widget for a key when the key arrives, and ``Widget.focus()`` waits a
    turn, so keys typed in a burst as the screen appears could be lost. ``Screen.set_focus``
    is immediate; the cue is shown only after it, so text that says "type now" is never on
    screen before typing can land.
    """
    field.cursor_blink = False
    screen.set_focus(field)
    cue.update(text)
