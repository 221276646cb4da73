"""The recovery code, shown once, confirmed by typing its last four characters."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static

from styles import stylesheet
from tui.session import Session

from ._focus import focus_then_cue
from ._footer import CairnFooter
from ._text import say


class RecoveryScreen(Screen[None]):
    offers_quick_note = False  # not while locking, unlocking or answering a question
    CSS_PATH = stylesheet("recovery.tcss")

    def __init__(self, session: Session, code: str) -> None:
        super().__init__()
        self.session = session
        self._code = code

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="recovery-body"):
            yield Static(say("recovery", "title"), classes="title", markup=False)
            yield Static(say("recovery", "intro"), classes="paragraph", markup=False)
            yield Static(self._code, id="code", markup=False)
            yield Static("", id="confirm-prompt", classes="paragraph", markup=False)
            yield Input(max_length=9, id="confirm")
            yield Static("", id="recovery-message", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        prompt = self.query_one("#confirm-prompt", Static)
        focus_then_cue(self, self.query_one("#confirm", Input), prompt, say("recovery", "confirm"))

    @on(Input.Submitted, "#confirm")
    def confirm(self, event: Input.Submitted) -> None:
        typed = "".join(event.value.split()).upper()
        if typed != self._code[-4:]:
            self.query_one("#recovery-message", Static).update(say("recovery", "mismatch"))
            return
        from .privacy import PrivacyScreen

        self._code = ""
        # Once, with a new vault: what others on this machine could notice; then home.
        self.app.switch_screen(PrivacyScreen(self.session, then_home=True))
