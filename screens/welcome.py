"""First run: what Cairn keeps, where, what it cannot hide, and the panic key to try."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from styles import stylesheet
from tui.config import keys_label
from tui.session import Session

from ._footer import CairnFooter
from ._keys import bind
from ._text import say, screen_text


class WelcomeScreen(Screen[None]):
    offers_quick_note = False  # not while locking, unlocking or answering a question
    CSS_PATH = stylesheet("welcome.tcss")
    BINDINGS = [bind("welcome-next", "next")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        panic = keys_label(self.session.settings.panic_keys)
        with VerticalScroll(id="welcome-body"):
            yield Static(say("welcome", "title"), classes="title", markup=False)
            for paragraph in screen_text()["welcome"]["paragraphs"]:
                text = paragraph.format(panic=panic, path=self.session.vault_path)
                yield Static(text, classes="paragraph", markup=False)
            yield Static(say("welcome", "next"), classes="next", markup=False)
        yield CairnFooter()

    def action_next(self) -> None:
        from .create import CreateScreen

        self.app.switch_screen(CreateScreen(self.session))
