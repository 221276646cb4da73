"""The files kept with one entry: each listed with its fingerprint; add, note, save a copy
out, remove. The files themselves are sealed beside the vault (tui/vault/files.py)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from styles import stylesheet
from tui import journal
from tui.dates import long_moment
from tui.journal import attachments
from tui.session import Session
from tui.vault import VaultError
from tui.visible import visible
from tui.words import number

from ._footer import CairnFooter
from ._help import key_for
from ._keys import bind
from ._text import say
from .confirm import ask


class FilesScreen(Screen[None]):
    CSS_PATH = stylesheet("files.tcss")
    BINDINGS = [
        bind("files-back", "app.pop_screen"),
        bind("files-add", "add"),
        bind("files-save", "save_copy"),
        bind("files-note", "note"),
        bind("files-remove", "remove"),
    ]

    def __init__(self, session: Session, entry_id: str) -> None:
        super().__init__()
        self.session = session
        self.entry_id = entry_id
        self.files: list[journal.Attachment] = []
        self._next_message: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="files-body"):
            yield Static("", id="files-title", classes="title", markup=False)
            yield OptionList(markup=False, id="files-list")
            yield Static("", id="files-details", markup=False)
        yield Static("", id="files-message", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        self.draw()
        self.set_focus(self.query_one(OptionList))

    def on_screen_resume(self) -> None:
        self.draw(self._next_message)
        self._next_message = None

    def _come_back(self, said: str | None) -> None:
        """What the screen that closed said it did, shown here (whichever of this and the
        resume comes first)."""
        self._next_message = said
        if said is not None and self.is_current:
            self.draw(said)  # and again at the resume that follows, which clears it

    def draw(self, message: str | None = None) -> None:
        vault = self.session.unlocked
        entry = journal.get(vault, self.entry_id)
        if entry is None:  # deleted meanwhile
            if self.is_current:
                self.dismiss()
            return
        when = long_moment(entry.occurred) or entry.occurred
        self.query_one("#files-title", Static).update(say("files", "title", when=when))
        self.files = attachments.of_entry(vault, self.entry_id)
        listing = self.query_one(OptionList)
        chosen = listing.highlighted or 0
        listing.set_options([Option(_line(each)) for each in self.files])
        listing.display = bool(self.files)
        if self.files:
            listing.highlighted = min(chosen, len(self.files) - 1)
        self._show_details()
        self.query_one("#files-message", Static).update(
            message if message is not None else say("files", "originals")
        )

    @on(OptionList.OptionHighlighted, "#files-list")
    def _highlighted(self) -> None:
        self._show_details()

    def _show_details(self) -> None:
        details = self.query_one("#files-details", Static)
        chosen = self.chosen()
        if chosen is None:
            details.update(say("files", "none", add=key_for(self.session, "files-add")))
            return
        lines = [
            say("files", "name", name=visible(chosen.name)),
            say(
                "files",
                "size_type",
                size=journal.size_text(chosen.size),
                bytes=number(chosen.size),
                type=chosen.type,
            ),
            say("files", "sha256", sha256=chosen.sha256),
            say("files", "added", added=long_moment(chosen.added) or chosen.added),
            say("files", "modified", modified=long_moment(chosen.modified) or chosen.modified),
        ]
        if chosen.note:
            lines.append(say("files", "note", note=visible(chosen.note)))
        details.update("\n".join(lines))

    def chosen(self) -> journal.Attachment | None:
        index = self.query_one(OptionList).highlighted
        if index is None or not self.files or index >= len(self.files):
            return None
        return self.files[index]

    def action_add(self) -> None:
        from .file_add import FileAddScreen

        self.app.push_screen(FileAddScreen(self.session, self.entry_id), self._come_back)

    def action_save_copy(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        from .file_copy import FileCopyScreen

        self.app.push_screen(FileCopyScreen(self.session, chosen))

    def action_note(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        from .file_note import FileNoteScreen

        self.app.push_screen(FileNoteScreen(self.session, chosen.id), self._come_back)

    def action_remove(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return

        def remove() -> None:
            try:
                attachments.remove(self.session.unlocked, chosen.id)
            except (journal.EntryRejected, VaultError) as problem:
                self._come_back(str(problem))
                return
            self._come_back(say("files", "removed", name=visible(chosen.name)))

        ask(
            self,
            "files.remove",
            keys=("yes", "no"),
            then=remove,
            name=visible(chosen.name),
            sha256=chosen.sha256[:16],
        )


def _line(attachment: journal.Attachment) -> Content:
    size = journal.size_text(attachment.size)
    return Content.assemble(
        (visible(attachment.name), "bold"),
        f"  {size} · {attachment.type} · ",
        (attachment.sha256[:16], "dim"),
    )
