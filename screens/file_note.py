"""The note kept with an attached file: what it shows, who sent it, where it came from.
A change of note is a link in the record chain."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static, TextArea

from styles import stylesheet
from tui import journal
from tui.journal import attachments
from tui.session import Session
from tui.vault import VaultError
from tui.visible import visible

from ._footer import CairnFooter
from ._keys import bind
from ._plain import FormBody, PlainTextArea
from ._text import say
from .confirm import leave_asking_first

DRAFT_KIND = "file-note"


class FileNoteScreen(Screen[str | None]):
    CSS_PATH = stylesheet("file_form.tcss")
    BINDINGS = [
        bind("file-note-save", "save"),
        bind("file-note-back", "leave"),
    ]
    draft_kind = DRAFT_KIND

    def __init__(
        self, session: Session, attachment_id: str, *, state: dict[str, Any] | None = None
    ) -> None:
        super().__init__()
        self.session = session
        self.attachment_id = str((state or {}).get("attachment", attachment_id))
        self.attachment = attachments.get(session.unlocked, self.attachment_id)
        self._initial = str((state or {}).get("note", self.attachment.note))

    def compose(self) -> ComposeResult:
        with FormBody(classes="file-form"):
            yield Static(
                say("file_note", "title", name=visible(self.attachment.name)),
                classes="title",
                markup=False,
            )
            yield Static(say("file_note", "intro"), markup=False)
            yield PlainTextArea(self._initial, id="file-note-text", soft_wrap=True)
        yield Static("", classes="file-message", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        area = self.query_one(PlainTextArea)
        area.cursor_blink = False
        self.set_focus(area)
        area.cursor_to_end()

    @property
    def text(self) -> str:
        return self.query_one("#file-note-text", TextArea).text

    def action_save(self) -> None:
        try:
            attachments.set_note(self.session.unlocked, self.attachment_id, self.text)
        except (journal.EntryRejected, VaultError) as problem:
            self.query_one(".file-message", Static).update(str(problem))
            return
        self.attachment = attachments.get(self.session.unlocked, self.attachment_id)
        self.dismiss(say("file_note", "saved"))

    def action_leave(self) -> None:
        leave_asking_first(self, unsaved=self.draft_state() is not None, then=self.dismiss)

    def draft_state(self) -> dict[str, Any] | None:
        if self.text.strip() == self.attachment.note:
            return None
        return {"attachment": self.attachment_id, "note": self.text}
