"""A plain yes-or-no question over the current screen."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from styles import stylesheet

from ._footer import CairnFooter


class ConfirmScreen(ModalScreen[bool]):
    """Returns True for ``yes_key``, False for ``no_key`` or Escape."""

    offers_quick_note = False  # not while locking, unlocking or answering a question

    CSS_PATH = stylesheet("confirm.tcss")
    BINDINGS = [
        Binding("escape", "answer(False)", "Back", id="confirm-back", show=False),
        # A modal hides the app's bindings from the footer; the panic key must still show.
        Binding("f12,ctrl+backslash", "app.panic", "Hide now", id="panic"),
    ]

    def __init__(self, title: str, body: str, *, yes: tuple[str, str], no: tuple[str, str]):
        super().__init__()
        self.title_text = title
        self.body = body
        self.yes_key, self.yes_text = yes
        self.no_key, self.no_text = no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(self.title_text, id="confirm-title", markup=False)
            yield Static(self.body, id="confirm-body", markup=False)
            yield Static(f"{self.yes_text}    {self.no_text}", id="confirm-keys", markup=False)
        yield CairnFooter()

    def on_key(self, event: events.Key) -> None:
        if event.key == self.yes_key:
            event.stop()
            self.dismiss(True)
        elif event.key == self.no_key:
            event.stop()
            self.dismiss(False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
