"""After unlocking: how many wrong passphrases were typed since last time, and when."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from styles import stylesheet
from tui.dates import long_moment
from tui.vault import FailedAttempts

from ._footer import MODAL_PANIC, CairnFooter
from ._keys import bind
from ._text import say


def _when(moment: str) -> str:
    return long_moment(moment) or say("attempts", "unreadable")


class AttemptsScreen(ModalScreen[None]):
    offers_quick_note = False  # not while locking, unlocking or answering a question
    CSS_PATH = stylesheet("attempts.tcss")
    BINDINGS = [
        bind("attempts-continue", "dismiss"),
        MODAL_PANIC,
    ]

    def __init__(self, attempts: FailedAttempts) -> None:
        super().__init__()
        self.attempts = attempts

    def compose(self) -> ComposeResult:
        count = len(self.attempts.times)
        with Vertical(id="attempts-box"):
            yield Static(say("attempts", "title"), id="attempts-title", markup=False)
            if count:
                lead = (
                    say("attempts", "one") if count == 1 else say("attempts", "many", count=count)
                )
                yield Static(lead, markup=False)
                shown = self.attempts.times[-12:]  # the most recent; the count says how many
                lines = "\n".join(f"  {_when(at)}" for at in shown)
                yield Static(lines, id="attempts-list", markup=False)
            if self.attempts.damaged:  # junk in the record is one sentence, however much
                yield Static(say("attempts", "damaged"), id="attempts-damaged", markup=False)
            yield Static(say("attempts", "after"), markup=False)
        yield CairnFooter()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss()
