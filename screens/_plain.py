"""Editing fields that draw the person's text as text, never as terminal commands.

Textual's TextArea and Input hand each character of their value to the terminal as it is,
so an escape sequence pasted in, piped in with ``cairn log`` or restored from an entry would
reach the terminal and could recolour it, retitle it or hide text. These fields keep the
value exactly (that is what is saved) and draw every control character as a visible symbol
(ESC as ␛), through the same function the lists and reports use.
"""

from __future__ import annotations

from rich.segment import Segment
from textual import events
from textual.containers import VerticalScroll
from textual.strip import Strip
from textual.widgets import Input

from tui.textual_compat import KeepsKeyOrder, key_done, run_bindings_in_order
from tui.visible import visible

from ._light_text_area import LightTextArea


def _shown(strip: Strip) -> Strip:
    segments = list(strip)
    if not any(visible(segment.text) != segment.text for segment in segments):
        return strip
    return Strip([Segment(visible(text), style, control) for text, style, control in segments])


class PlainTextArea(LightTextArea):
    def render_line(self, y: int) -> Strip:
        return _shown(super().render_line(y))


class PlainInput(KeepsKeyOrder, Input):
    def render_line(self, y: int) -> Strip:
        return _shown(super().render_line(y))

    async def _on_key(self, event: events.Key) -> None:
        # As in LightTextArea: bound keys act in order with the letters typed around them.
        try:
            if not await run_bindings_in_order(self, event):
                await super()._on_key(event)
        finally:
            key_done(self.app)


class FormBody(VerticalScroll, can_focus=False):
    """The scrolling body of a form: it scrolls to the field that has the focus, and never
    takes the focus itself, so Tab only ever lands on something the person can see act."""
