"""Saving an unencrypted copy of an attached file, for a lawyer or a court: the same warning,
the same question first and the same file rules as a report (a new file, never replacing
one). The copy is checked against its fingerprint as it is written; a file that does not
match leaves nothing behind."""

from __future__ import annotations

from datetime import date
from pathlib import Path, PurePath

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from styles import stylesheet
from tui import clock, journal
from tui.journal import attachments
from tui.session import Session
from tui.vault import FileDamaged, VaultError, VaultExists
from tui.visible import visible

from ._export_screen import ExportProblem, default_file_name, target_path
from ._footer import CairnFooter
from ._keys import bind
from ._path_suggester import PathSuggester
from ._plain import FormBody, PlainInput
from ._text import say
from .confirm import ask


class FileCopyScreen(Screen[None]):
    CSS_PATH = stylesheet("file_form.tcss")
    BINDINGS = [
        bind("file-copy-write", "write"),
        bind("file-copy-back", "leave"),
    ]

    def __init__(
        self, session: Session, attachment: journal.Attachment, today: date | None = None
    ) -> None:
        super().__init__()
        self.session = session
        self.attachment = attachment
        self.today = today or clock.today()
        self.busy = False

    def compose(self) -> ComposeResult:
        # A neutral name: the original's name may say what the file shows; the suffix stays,
        # so the copy opens with the right program.
        suffix = PurePath(self.attachment.name).suffix
        suffix = suffix if suffix.isascii() and suffix[1:].isalnum() else ""
        default = Path.home() / default_file_name(self.today, suffix)
        with FormBody(classes="file-form"):
            yield Static(
                say("file_copy", "title", name=visible(self.attachment.name)),
                classes="title",
                markup=False,
            )
            yield Static(say("file_copy", "warning"), classes="file-warning", markup=False)
            yield Label(say("export", "file"), classes="field-label", markup=False)
            yield PlainInput(str(default), suggester=PathSuggester(), id="file-copy-path")
        yield Static("", classes="file-message", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.cursor_blink = False
        self.set_focus(field)

    def _say(self, text: str) -> None:
        self.query_one(".file-message", Static).update(text)

    def action_write(self) -> None:
        if self.busy:
            return
        try:
            path = target_path(self.query_one("#file-copy-path", Input).value)
        except ExportProblem as problem:
            self._say(str(problem))
            return
        ask(
            self,
            "file_copy.confirm",
            keys=("yes", "no"),
            then=lambda: self._start(path),
            path=visible(str(path)),
        )

    def _start(self, path: Path) -> None:
        self.busy = True
        self._say(say("file_copy", "working"))
        self.run_worker(lambda: self._write(path), thread=True, exit_on_error=False)

    def _write(self, path: Path) -> None:
        try:
            attachments.save_copy(self.session.unlocked, self.attachment, path, overwrite=False)
        except VaultExists:
            said = say("export", "exists", path=visible(str(path)))
        except FileDamaged as damage:
            said = say("file_copy", "damaged", problem=str(damage))
        except VaultError as problem:
            said = str(problem)
        else:
            said = say("file_copy", "written", path=visible(str(path)))
        self.app.call_from_thread(self._done, said)

    def _done(self, sentence: str) -> None:
        self.busy = False
        self._say(sentence)

    def action_leave(self) -> None:
        if not self.busy:
            self.dismiss()
