"""Adding a file to an entry: a path (completed as it is typed), an optional note, Ctrl+S.

Sealing a large file takes a moment; it runs in a worker thread, so the panic key and
everything else keep working meanwhile. A panic or a crash part way leaves nothing
attached (the next open removes the half-sealed file), never half an attachment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from styles import stylesheet
from tui import journal
from tui.journal import attachments
from tui.session import Session
from tui.vault import VaultError
from tui.visible import visible

from ._footer import CairnFooter
from ._keys import bind
from ._path_suggester import PathSuggester
from ._plain import FormBody, PlainInput
from ._text import say
from .confirm import leave_asking_first

DRAFT_KIND = "attach-file"


class FileAddScreen(Screen[str | None]):
    """Returns the sentence saying what was attached, or None when left."""

    CSS_PATH = stylesheet("file_form.tcss")
    BINDINGS = [
        bind("file-add-attach", "attach"),
        bind("file-add-back", "leave"),
    ]
    draft_kind = DRAFT_KIND

    def __init__(
        self, session: Session, entry_id: str, *, state: dict[str, Any] | None = None
    ) -> None:
        super().__init__()
        self.session = session
        self.entry_id = str((state or {}).get("entry", entry_id))
        self._path = str((state or {}).get("path", ""))
        self._note = str((state or {}).get("note", ""))
        self.busy = False

    def compose(self) -> ComposeResult:
        with FormBody(classes="file-form"):
            yield Static(say("file_add", "title"), classes="title", markup=False)
            yield Static(say("file_add", "intro"), markup=False)
            yield Label(say("file_add", "path"), classes="field-label", markup=False)
            yield PlainInput(
                self._path,
                placeholder=say("file_add", "path_placeholder"),
                suggester=PathSuggester(),
                id="file-add-path",
            )
            yield Label(say("file_add", "note"), classes="field-label", markup=False)
            yield PlainInput(self._note, id="file-add-note")
        yield Static(say("file_add", "limit"), classes="file-message", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = False
        self.set_focus(self.query_one("#file-add-path", Input))

    def _say(self, text: str) -> None:
        self.query_one(".file-message", Static).update(text)

    def action_attach(self) -> None:
        if self.busy:
            return
        typed = self.query_one("#file-add-path", Input).value.strip()
        if not typed:
            self._say(say("file_add", "choose"))
            return
        path = Path(typed).expanduser().absolute()
        note = self.query_one("#file-add-note", Input).value
        entry = journal.get(self.session.unlocked, self.entry_id)
        if entry is None:
            self._say(say("file_add", "entry_gone"))
            return
        self.busy = True
        self._say(say("file_add", "working", name=visible(path.name)))
        self.run_worker(
            lambda: self._seal_and_record(entry, path, note), thread=True, exit_on_error=False
        )

    def _seal_and_record(self, entry: journal.JournalEntry, path: Path, note: str) -> None:
        try:
            _, added = attachments.attach(self.session.unlocked, [path], entry=entry, note=note)
        except (journal.EntryRejected, VaultError) as problem:
            self.app.call_from_thread(self._failed, str(problem))
            return
        done = added[0]
        said = say("file_add", "done", name=visible(done.name), sha256=done.sha256)
        self.app.call_from_thread(self._attached, said)

    def _failed(self, sentence: str) -> None:
        self.busy = False
        self._say(sentence)

    def _attached(self, sentence: str) -> None:
        self.busy = False
        for field in self.query(Input):
            field.value = ""  # nothing unsaved is left
        if self.is_current:
            self.dismiss(sentence)

    def action_leave(self) -> None:
        if self.busy:
            return  # the file is being sealed; the panic key still works
        leave_asking_first(self, unsaved=self.draft_state() is not None, then=self.dismiss)

    def draft_state(self) -> dict[str, Any] | None:
        path = self.query_one("#file-add-path", Input).value
        note = self.query_one("#file-add-note", Input).value
        if not path.strip() and not note.strip():
            return None
        return {"entry": self.entry_id, "path": path, "note": note}
