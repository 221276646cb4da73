"""The entry editor: the facts of one event, with feelings kept apart on purpose.

Ctrl+S saves (durably, before "Saved." is shown). Unsaved work is never lost: Escape asks
before throwing it away, and panic, idle lock, quit and hang-up seal it as a draft.
"""

from __future__ import annotations

from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static, TextArea

from styles import stylesheet
from tui import journal
from tui.journal.feelings import copied_into, feeling_words, own_feelings
from tui.session import Session
from tui.vault import VaultError

from ._footer import CairnFooter
from ._help import key_for
from ._incident_fields import IncidentFields, apply_values, entry_values
from ._keys import bind
from ._plain import PlainTextArea
from ._text import say, say_count
from .confirm import leave_asking_first

DRAFT_KIND = "journal-entry"
FEELINGS_CHECKED = 20_000  # characters


class EntryScreen(Screen[journal.JournalEntry | None]):
    """Write a new entry or change one; returns the saved entry, or None if left unsaved."""

    CSS_PATH = stylesheet("entry.tcss")
    BINDINGS = [
        # Not a priority binding: it then waits its turn behind the keys typed before it, so
        # a fast burst ("...text", Ctrl+S) never saves without its last characters.
        bind("entry-save", "save"),
        bind("entry-back", "leave"),
        bind("entry-copy-feelings", "copy_feelings"),
        bind("entry-undo-copy", "undo_copy"),
        bind("entry-keep-text", "keep_text"),
        bind("entry-files", "files"),
    ]
    draft_kind = DRAFT_KIND

    def __init__(
        self,
        session: Session,
        entry: journal.JournalEntry | None = None,
        *,
        state: dict[str, Any] | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        vault = session.unlocked
        if state is not None and isinstance(state.get("id"), str):
            entry = journal.get(vault, state["id"])
        self.entry = entry or journal.new_entry()
        self.is_new = entry is None
        self._restore = state.get("fields") if state else None
        self._saved_values: dict[str, Any] = {}
        self._hint_dismissed = False
        self._hint_text = ""
        # "How I felt" as it was before F2 copied into it, and what F2 made of it: F2 again
        # puts it back, for as long as the person has not changed it since.
        self._before_copy: tuple[str, str] | None = None
        self._said_saved = False
        self.tags = journal.tags_in_use(journal.entries(vault))

    def compose(self) -> ComposeResult:
        title = say("entry", "title_new" if self.is_new else "title_edit")
        with VerticalScroll(id="entry-body"):
            yield Static(title, classes="title", markup=False)
            yield IncidentFields(self.tags, id="entry-fields")
        yield Static("", id="entry-hint", markup=False)
        yield Static("", id="entry-field-hint", markup=False)
        yield Static("", id="entry-message", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        fields = self.query_one(IncidentFields)
        fields.fill(entry_values(self.entry))
        self._saved_values = fields.values()
        if isinstance(self._restore, dict):
            fields.fill(self._restore)
        # Focus at once so that a burst of keys lands in the field, then say it is ready.
        field = self.query_one("#field-text", PlainTextArea)
        self.set_focus(field)
        field.cursor_to_end()  # reopened on earlier text, editing goes on where it ends
        # Focusing scrolls the field into view; the title above it should stay in view too.
        body = self.query_one("#entry-body", VerticalScroll)
        self.call_after_refresh(body.scroll_home, animate=False)
        self.query_one("#entry-field-hint", Static).update(_hint("text"))

    # -- hints ---------------------------------------------------------------------------

    @on(events.DescendantFocus)
    def show_field_hint(self, event: events.DescendantFocus) -> None:
        hint = _hint((event.widget.id or "").removeprefix("field-"))
        if hint:
            self.query_one("#entry-field-hint", Static).update(hint)

    @on(TextArea.Changed)
    @on(Input.Changed)
    def forget_outcome(self) -> None:
        # "Saved." describes the fields as saved; once they differ it would mislead.
        # A problem stays on screen until the next attempt to save.
        if self._said_saved and self.unsaved:
            self._said_saved = False
            self.query_one("#entry-message", Static).update("")

    @on(TextArea.Changed, "#field-text")
    def check_for_feelings(self) -> None:
        hint = self.query_one("#entry-hint", Static)
        # Checked on every keystroke, so only the first part of a very long text: a pasted
        # megabyte would otherwise cost a third of a second per key.
        facts = self._facts_text()[:FEELINGS_CHECKED]
        offered = [] if self._hint_dismissed else own_feelings(facts)
        felt = self.query_one("#field-felt", TextArea).text
        offered = [sentence for sentence in offered if sentence not in felt]
        text = ""
        if offered:
            words = ", ".join(f"'{word}'" for word in feeling_words(" ".join(offered))[:3])
            text = say_count(
                "entry",
                "hint_feelings",
                len(offered),
                words=words,
                copy=key_for(self.session, "entry-copy-feelings"),
                keep=key_for(self.session, "entry-keep-text"),
            )
        # Only what changed is redrawn: this runs on every keystroke, and over a slow link
        # each needless repaint of the hint or the footer is bytes the person waits for.
        if text != self._hint_text:
            self._hint_text = text
            hint.update(text)
        if hint.display != bool(offered):
            hint.display = bool(offered)
            self.refresh_bindings()  # F2 and F3 come and go with the hint

    @on(TextArea.Changed, "#field-felt")
    def forget_the_copy(self) -> None:
        if self._before_copy is not None and self._felt() != self._before_copy[1]:
            self._before_copy = None  # changed since: the undo would throw that away
            self.refresh_bindings()
        self.check_for_feelings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo_copy":
            return self._before_copy is not None
        if action in ("copy_feelings", "keep_text"):
            return self._before_copy is None and self.query_one("#entry-hint", Static).display
        return True

    def action_copy_feelings(self) -> None:
        """Copy the person's own feeling sentences to "How I felt". The facts stay as typed."""
        offered = own_feelings(self._facts_text()[:FEELINGS_CHECKED])
        if not offered:
            return
        felt = self.query_one("#field-felt", TextArea)
        before = felt.text
        after = copied_into(before, offered)
        self._before_copy = (before, after)
        felt.load_text(after)
        undo = key_for(self.session, "entry-undo-copy")
        self.query_one("#entry-message", Static).update(say("entry", "copied", undo=undo))
        self.refresh_bindings()

    def action_undo_copy(self) -> None:
        if self._before_copy is None:
            return
        before, _ = self._before_copy
        self._before_copy = None
        self.query_one("#field-felt", TextArea).load_text(before)
        self.query_one("#entry-message", Static).update(say("entry", "uncopied"))
        self.refresh_bindings()

    def action_keep_text(self) -> None:
        self._hint_dismissed = True
        self.check_for_feelings()

    def action_files(self) -> None:
        if self.is_new:
            self.query_one("#entry-message", Static).update(
                say(
                    "entry",
                    "files_first",
                    save=key_for(self.session, "entry-save"),
                    files=key_for(self.session, "entry-files"),
                )
            )
            return
        from .files import FilesScreen

        self.app.push_screen(FilesScreen(self.session, self.entry.id))

    def _felt(self) -> str:
        return self.query_one("#field-felt", TextArea).text

    def _facts_text(self) -> str:
        return self.query_one("#field-text", TextArea).text

    # -- saving and leaving --------------------------------------------------------------

    @property
    def unsaved(self) -> bool:
        return self.query_one(IncidentFields).values() != self._saved_values

    def action_save(self) -> None:
        message = self.query_one("#entry-message", Static)
        values = self.query_one(IncidentFields).values()
        try:
            changed = apply_values(self.entry, values)
        except journal.BadTime as problem:
            message.update(str(problem))
            self.set_focus(self.query_one("#field-occurred", Input))
            return
        try:
            # On this thread, not a worker: the panic key then never finds a save half done.
            saved = journal.save(self.session.unlocked, changed)
        except (journal.EntryRejected, VaultError) as problem:
            message.update(str(problem))  # the text stays in the fields
            return
        unchanged = saved.version == self.entry.version and not self.is_new
        self.entry, self.is_new = saved, False
        self.query_one(IncidentFields).fill(entry_values(saved))
        self._saved_values = self.query_one(IncidentFields).values()
        message.update(say("entry", "unchanged" if unchanged else "saved"))
        self._said_saved = True
        self.query_one(".title", Static).update(say("entry", "title_edit"))

    def action_leave(self) -> None:
        result = None if self.is_new else self.entry
        leave_asking_first(self, unsaved=self.unsaved, then=lambda: self.dismiss(result))

    def draft_state(self) -> dict[str, Any] | None:
        if not self.unsaved:
            return None
        return {
            "id": None if self.is_new else self.entry.id,
            "fields": self.query_one(IncidentFields).values(),
        }


def _hint(key: str) -> str:
    return next((item.hint for item in journal.entry_fields() if item.key == key), "")
