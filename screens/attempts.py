"""After unlocking: how many wrong passphrases were typed since last time, and when."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from styles import stylesheet

from ._dates import long_moment
from ._footer import MODAL_PANIC, CairnFooter
from ._text import say


def _when(moment: str | None) -> str:
    return (long_moment(moment) if moment else None) or say("attempts", "unreadable")


class AttemptsScreen(ModalScreen[None]):
    offers_quick_note = False  # not while locking, unlocking or answering a question
    CSS_PATH = stylesheet("attempts.tcss")
    BINDINGS = [
        Binding("enter", "dismiss", "Continue", id="attempts-continue"),
        MODAL_PANIC,
    ]

    def __init__(self, attempts: list[str | None]) -> None:
        super().__init__()
        self.attempts = attempts

    def compose(self) -> ComposeResult:
        count = len(self.attempts)
        lead = say("attempts", "one") if count == 1 else say("attempts", "many", count=count)
        shown = self.attempts[-12:]  # the most recent; the count above says how many in all
        with Vertical(id="attempts-box"):
            yield Static(say("attempts", "title"), id="attempts-title", markup=False)
            yield Static(lead, markup=False)
            yield Static(
                "\n".join(f"  {_when(at)}" for at in shown), id="attempts-list", markup=False
            )
            yield Static(say("attempts", "after"), markup=False)
        yield CairnFooter()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss()
