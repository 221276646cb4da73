"""One entry, read only: every field as plain text, its versions, edit and delete."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from styles import stylesheet
from tui import journal, report
from tui.dates import long_moment
from tui.session import Session
from tui.vault import VaultError
from tui.visible import visible
from tui.words import number

from ._footer import CairnFooter
from ._help import key_for
from ._keys import bind
from ._text import say
from .confirm import ask


class EntryViewScreen(Screen[None]):
    CSS_PATH = stylesheet("entry_view.tcss")
    BINDINGS = [
        bind("view-back", "app.pop_screen"),
        bind("view-edit", "edit"),
        bind("view-history", "history"),
        bind("view-delete", "delete"),
        bind("view-files", "files"),
    ]

    def __init__(self, session: Session, entry_id: str) -> None:
        super().__init__()
        self.session = session
        self.entry_id = entry_id
        self.showing_history = False

    def compose(self) -> ComposeResult:
        yield VerticalScroll(id="view-body")
        yield Static("", id="view-message", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        self.draw()

    def on_screen_resume(self) -> None:
        self.draw()

    def draw(self) -> None:
        entry = journal.get(self.session.unlocked, self.entry_id)
        body = self.query_one("#view-body", VerticalScroll)
        body.remove_children()
        if entry is None:  # deleted: there is nothing left to show
            if self.is_current:
                self.dismiss()
            return
        body.mount_all(self._describe(entry, heading=True))
        body.mount_all(self._files(entry))
        if self.showing_history:
            body.mount(Static(say("view", "history_title"), classes="title", markup=False))
            if not entry.history:
                body.mount(Static(say("view", "history_none"), markup=False))
            for version in reversed(entry.history):
                saved = long_moment(version.updated or version.created) or ""
                label = say("view", "history_item", version=version.version, saved=saved)
                body.mount(Static(label, classes="version-title", markup=False))
                body.mount_all(self._describe(version, heading=False))
        body.focus()

    def _describe(self, entry: journal.JournalEntry, *, heading: bool) -> list[Static]:
        parts: list[Static] = []
        if heading:
            when = long_moment(entry.occurred) or entry.occurred
            parts.append(Static(when, classes="title", markup=False))
            facts = say("view", "first_saved", created=long_moment(entry.created))
            if entry.version > 1:
                facts += " " + say(
                    "view",
                    "versions",
                    version=entry.version,
                    count=entry.version,
                    saved=long_moment(entry.updated),
                )
            parts.append(Static(facts, classes="facts", markup=False))
        for label, value in report.entry_fields(entry):
            parts.append(Static(label, classes="field-label", markup=False))
            parts.append(Static(_shown(value), classes="field-value", markup=False))
        return parts

    def _files(self, entry: journal.JournalEntry) -> list[Static]:
        kept = journal.attachments_of(self.session.unlocked, entry.id)
        key = key_for(self.session, "view-files")
        if not kept:
            return [Static(say("view", "files_none", files=key), classes="files", markup=False)]
        parts = [
            Static(say("view", "files", count=len(kept), files=key), classes="files", markup=False)
        ]
        for each in kept:
            size = journal.size_text(each.size)
            line = f"  {visible(each.name)} · {size} · SHA-256 {each.sha256[:16]}"
            parts.append(Static(line, classes="file-line", markup=False))
        return parts

    def action_files(self) -> None:
        from .files import FilesScreen

        self.app.push_screen(FilesScreen(self.session, self.entry_id))

    def action_history(self) -> None:
        self.showing_history = not self.showing_history
        self.draw()

    def action_edit(self) -> None:
        entry = journal.get(self.session.unlocked, self.entry_id)
        if entry is None:
            return
        if entry.is_daily:
            from .daily import DailyScreen

            self.app.push_screen(DailyScreen(self.session, today=journal.local_day(entry.occurred)))
        else:
            from .entry import EntryScreen

            self.app.push_screen(EntryScreen(self.session, entry))

    def action_delete(self) -> None:
        def delete() -> None:
            try:
                journal.delete(self.session.unlocked, self.entry_id)
            except (journal.EntryRejected, VaultError) as problem:
                self.query_one("#view-message", Static).update(str(problem))
                return
            if self.is_current:  # or resuming already found it gone and went back
                self.dismiss()

        ask(self, "delete", keys=("yes", "no"), then=delete)


# Laying out a static text costs time in proportion to its length, on every resize, so a
# pasted megabyte would freeze this screen for seconds. Past this many characters the view
# shows the beginning and says where the rest is.
SHOWN_CHARACTERS = 20_000


def _shown(value: str) -> str:
    if len(value) <= SHOWN_CHARACTERS:
        return visible(value)
    rest = len(value) - SHOWN_CHARACTERS
    return visible(value[:SHOWN_CHARACTERS]) + "\n\n" + say("view", "longer", rest=number(rest))
