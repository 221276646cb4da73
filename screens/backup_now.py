"""Back up now: the vault and its attached files, still sealed, copied to a folder or a USB
stick, read back and checked, the last few copies kept. The same steps as ``cairn backup``
(tui/backup.py); the copy runs in a worker, so the panic key keeps working."""

from __future__ import annotations

import contextlib
from pathlib import Path

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from styles import stylesheet
from tui import backup, clock, journal
from tui.session import Session
from tui.vault import VaultError
from tui.visible import visible
from tui.words import decimal, plural

from ._footer import CairnFooter
from ._keys import bind
from ._path_suggester import PathSuggester
from ._plain import FormBody, PlainInput
from ._text import say


class BackupScreen(Screen[None]):
    CSS_PATH = stylesheet("file_form.tcss")
    BINDINGS = [
        bind("backup-start", "back_up"),
        bind("backup-back", "leave"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.busy = False

    def compose(self) -> ComposeResult:
        with FormBody(classes="file-form"):
            yield Static(say("backup", "title"), classes="title", markup=False)
            yield Static(say("backup", "intro"), markup=False)
            yield Static(self._last(), id="backup-last", markup=False)
            yield Label(say("backup", "folder"), classes="field-label", markup=False)
            yield PlainInput(
                self._last_place(),
                placeholder=say("backup", "folder_placeholder"),
                suggester=PathSuggester(),
                id="backup-folder",
            )
        yield Static("", classes="file-message", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.cursor_blink = False
        self.set_focus(field)

    def _last(self) -> str:
        last = backup.last_backup(self.session.unlocked)
        if last is None:
            return say("backup", "never")
        return say("backup", "last", when=f"{last:%Y-%m-%d %H:%M}")

    def _last_place(self) -> str:
        records = self.session.unlocked.collection(backup.RECORDS).all()
        copies = [str(r.get("copy", "")) for r in records if r.get("copy")]
        return str(Path(copies[-1]).parent) if copies else ""

    def _say(self, text: str) -> None:
        self.query_one(".file-message", Static).update(text)

    def action_back_up(self) -> None:
        if self.busy:
            return
        typed = self.query_one(Input).value.strip()
        if not typed:
            self._say(say("backup", "choose"))
            return
        self.busy = True
        self._say(say("backup", "working"))
        place = Path(typed).expanduser().absolute()
        self.run_worker(lambda: self._copy(place), thread=True, exit_on_error=False)

    def _copy(self, place: Path) -> None:
        vault = self.session.unlocked
        try:
            made = backup.make_backup(vault, place, now=clock.now())
        except VaultError as problem:
            self.app.call_from_thread(self._done, str(problem))
            return
        # The copy is made and checked either way; only the reminder would miss it.
        with contextlib.suppress(VaultError):
            backup.record_backup(vault, made, journal.now())
        lines = [
            say(
                "backup",
                "done",
                path=visible(str(made.path)),
                files=plural("count.attached_files", made.files),
            ),
            say(
                "backup",
                "kept",
                count=len(made.kept),
                removed=len(made.removed),
                used=decimal(made.used / 1024 / 1024),
            ),
        ]
        if not made.private:
            lines.append(say("backup", "not_private"))
        self.app.call_from_thread(self._done, "\n".join(lines))

    def _done(self, sentence: str) -> None:
        self.busy = False
        self._say(sentence)
        self.query_one("#backup-last", Static).update(self._last())

    def action_leave(self) -> None:
        if not self.busy:
            self.dismiss()
