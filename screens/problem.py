"""A vault that cannot be opened: its own calm screen, one sentence and what to do next."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from styles import stylesheet
from tui.session import StartsOver
from tui.vault import UnsafeVault, VaultBusy, VaultDamaged, VaultError, VaultTooNew

from ._footer import CairnFooter
from ._keys import bind
from ._text import say


def problem_kind(error: VaultError) -> str:
    if isinstance(error, VaultBusy):
        return "busy"
    if isinstance(error, VaultDamaged):
        return "damaged"
    if isinstance(error, VaultTooNew):
        return "too_new"
    if isinstance(error, UnsafeVault):
        return "unsafe"
    return "other"


class ProblemScreen(Screen[None]):
    offers_quick_note = False  # not while locking, unlocking or answering a question
    CSS_PATH = stylesheet("problem.tcss")
    BINDINGS = [bind("problem-retry", "retry")]

    def __init__(self, error: VaultError) -> None:
        super().__init__()
        self.error = error
        self.kind = problem_kind(error)

    def compose(self) -> ComposeResult:
        section = f"problem.{self.kind}"
        with Vertical(id="problem-box"):
            yield Static(say(section, "title"), id="problem-title", markup=False)
            yield Static(str(self.error), id="problem-sentence", markup=False)
            yield Static(say(section, "advice"), id="problem-advice", markup=False)
        yield CairnFooter()

    def action_retry(self) -> None:
        app = self.app
        if isinstance(app, StartsOver):  # the app, never imported here (no import cycle)
            app.switch_screen(app.first_screen())
