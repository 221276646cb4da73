"""A quick note: one field, one chord to save. From any screen (Ctrl+N), or straight after
unlocking when started as ``cairn log`` in a terminal, where saving also leaves Cairn."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea

from styles import stylesheet
from tui import journal
from tui.session import Session
from tui.vault import VaultError

from ._footer import MODAL_PANIC, CairnFooter
from ._keys import bind
from ._plain import PlainInput, PlainTextArea
from ._text import say
from .confirm import ask_to_discard

DRAFT_KIND = "quick-note"


class QuickNoteScreen(ModalScreen[None]):
    offers_quick_note = False  # not while locking, unlocking or answering a question
    CSS_PATH = stylesheet("quick_note.tcss")
    BINDINGS = [
        # Not a priority binding, as in the entry editor: saved after every key typed before.
        bind("quick-save", "save"),
        bind("quick-back", "leave"),
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
            if self.then_exit:  # `cairn log` in a terminal: people log after the fact
                with Horizontal(id="quick-when-line"):
                    yield Static(say("quick", "when"), id="quick-when-label", markup=False)
                    yield PlainInput(
                        self.session.quick_log.when or "",
                        placeholder=say("quick", "when_placeholder"),
                        id="quick-when",
                    )
            yield Static("", id="quick-message", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        area = self.query_one("#quick-text", PlainTextArea)
        area.cursor_blink = False
        self.set_focus(area)  # immediate, so a burst of typed keys lands in the field
        area.cursor_to_end()  # a restored note goes on where it ends
        self.query_one("#quick-message", Static).update(say("quick", "intro"))

    @property
    def text(self) -> str:
        return self.query_one("#quick-text", TextArea).text

    def action_save(self) -> None:
        message = self.query_one("#quick-message", Static)
        try:
            occurred = self._when()
            journal.add_entry(
                self.session.unlocked,
                self.text,
                occurred=occurred,
                phase=self.session.quick_log.phase if self.then_exit else None,
            )
        except journal.BadTime as problem:
            message.update(str(problem))
            self.set_focus(self.query_one("#quick-when", Input))
            return
        except (journal.EntryRejected, VaultError) as problem:
            message.update(str(problem))
            return
        self.query_one("#quick-text", TextArea).load_text("")
        if self.then_exit:
            self.session.logged = True  # `cairn log` says "Saved." once back at the shell
            self.app.exit(0)  # the app's exit path locks and clears the terminal
            return
        self.app.notify(say("quick", "saved"), timeout=4, markup=False)
        self.dismiss()

    def _when(self) -> str | None:
        """The time typed on the When line (None: now, as for a note from the app)."""
        if not self.then_exit:
            return None
        typed = self.query_one("#quick-when", Input).value.strip()
        return journal.parse_when(typed) if typed else None

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
