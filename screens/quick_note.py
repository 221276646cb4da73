"""A quick note: one field, one chord to save. From any screen (Ctrl+N), or straight after
unlocking when started as ``cairn log`` in a terminal, where saving also leaves Cairn."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from styles import stylesheet
from tui import journal
from tui.session import Session
from tui.vault import VaultError

from ._footer import MODAL_PANIC, CairnFooter
from ._plain import PlainTextArea
from ._text import say
from .confirm import ask_to_discard

DRAFT_KIND = "quick-note"


class QuickNoteScreen(ModalScreen[None]):
    offers_quick_note = False  # not while locking, unlocking or answering a question
    CSS_PATH = stylesheet("quick_note.tcss")
    BINDINGS = [
        # Not a priority binding, as in the entry editor: saved after every key typed before.
        Binding("ctrl+s", "save", "Save", id="quick-save"),
        Binding("escape", "leave", "Back", id="quick-back"),
        MODAL_PANIC,
    ]
    draft_kind = DRAFT_KIND

    def __init__(
        self, session: Session, *, then_exit: bool = False, state: dict[str, Any] | None = None
    ) -> None:
        super().__init__()
        self.session = session
        self.then_exit = then_exit
        self._initial = str((state or {}).get("text", ""))

    def compose(self) -> ComposeResult:
        with Vertical(id="quick-box"):
            yield Static(say("quick", "title"), classes="title", markup=False)
            yield PlainTextArea(self._initial, id="quick-text", soft_wrap=True)
            yield Static("", id="quick-message", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        area = self.query_one("#quick-text", TextArea)
        area.cursor_blink = False
        self.set_focus(area)  # immediate, so a burst of typed keys lands in the field
        self.query_one("#quick-message", Static).update(say("quick", "intro"))

    @property
    def text(self) -> str:
        return self.query_one("#quick-text", TextArea).text

    def action_save(self) -> None:
        try:
            journal.add_entry(self.session.unlocked, self.text)
        except (journal.EntryRejected, VaultError) as problem:
            self.query_one("#quick-message", Static).update(str(problem))
            return
        self.query_one("#quick-text", TextArea).load_text("")
        if self.then_exit:
            self.app.exit(0)  # the app's exit path locks and clears the terminal
            return
        self.dismiss()

    def action_leave(self) -> None:
        def go() -> None:
            if self.then_exit:
                self.app.exit(0)
            else:
                self.dismiss()

        if not self.text.strip():
            go()
            return

        def discard() -> None:
            self.query_one("#quick-text", TextArea).load_text("")
            go()

        ask_to_discard(self, then=discard)

    def draft_state(self) -> dict[str, Any] | None:
        return {"text": self.text} if self.text.strip() else None
