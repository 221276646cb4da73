"""After unlocking: offer back the work that was sealed when Cairn last had to close."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from styles import stylesheet
from tui.session import Session

from ._dates import long_moment
from ._footer import MODAL_PANIC, CairnFooter
from ._text import say


class DraftOfferScreen(ModalScreen[None]):
    offers_quick_note = False  # not while locking, unlocking or answering a question
    CSS_PATH = stylesheet("draft_offer.tcss")
    BINDINGS = [
        Binding("r", "restore", "Restore", id="draft-restore"),
        Binding("d", "discard", "Discard", id="draft-discard"),
        MODAL_PANIC,
    ]

    def __init__(self, session: Session, draft: dict[str, Any]) -> None:
        super().__init__()
        self.session = session
        self.draft = draft

    def compose(self) -> ComposeResult:
        with Vertical(id="draft-box"):
            yield Static(say("draft", "title"), id="draft-title", markup=False)
            yield Static(
                say("draft", "body", saved=long_moment(self.draft.get("saved")) or "earlier"),
                markup=False,
            )
            yield Static("", id="draft-message", markup=False)
        yield CairnFooter()

    def action_restore(self) -> None:
        screens = []
        for item in self.draft.get("items", []):
            factory = self.session.draft_screens.get(str(item.get("kind")))
            if factory is None or not isinstance(item.get("state"), dict):
                continue
            try:
                screens.append(factory(self.session, item["state"]))
            except KeyError:  # a part this version does not have: it stays kept
                continue
        if not screens:
            self.query_one("#draft-message", Static).update(say("draft", "nothing_to_restore"))
            return
        self.dismiss()
        for screen in reversed(screens):  # items were sealed top of the stack first
            self.app.push_screen(screen)
        # The restored text now lives in its screen; a later panic seals it again.
        self.session.unlocked.discard_draft()

    def action_discard(self) -> None:
        self.session.unlocked.discard_draft()
        self.dismiss()
