"""Nothing at all: what is on screen between the panic key and the lock screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen

from styles import stylesheet


class BlankScreen(Screen[None]):
    offers_quick_note = False  # not while locking, unlocking or answering a question
    CSS_PATH = stylesheet("blank.tcss")

    def compose(self) -> ComposeResult:
        return iter(())
