"""The journal: every entry, newest first, with incremental search and filters."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Input, Select, Static

from styles import stylesheet
from tui import journal
from tui.session import Session
from tui.words import number

from ._entry_list import EntryList
from ._footer import CairnFooter
from ._help import key_for
from ._keys import bind
from ._plain import PlainInput
from ._text import say, say_count


class JournalScreen(Screen[None]):
    CSS_PATH = stylesheet("journal.tcss")
    BINDINGS = [
        bind("journal-back", "leave"),
        bind("journal-search", "search"),
        bind("journal-new", "new_entry", priority=True),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.index = journal.JournalIndex([])

    def compose(self) -> ComposeResult:
        yield Static(say("journal", "title"), classes="title", markup=False)
        yield PlainInput(placeholder=say("journal", "search"), id="journal-words")
        with Horizontal(id="journal-filters"):
            options = [(phase.label, phase.id) for phase in journal.phases()]
            yield Select(options, prompt=say("journal", "phase_any"), id="journal-phase")
            yield PlainInput(placeholder=say("journal", "tag"), id="journal-tag")
            yield PlainInput(placeholder=say("journal", "start"), id="journal-start")
            yield PlainInput(placeholder=say("journal", "end"), id="journal-end")
        yield Static("", id="journal-count", markup=False)
        yield EntryList(id="journal-list")
        yield CairnFooter()

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = False
        # The list is filled on ScreenResume, which also comes when the screen is first shown.
        self.set_focus(self.query_one("#journal-words", Input))

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.index = journal.JournalIndex(journal.entries(self.session.unlocked))
        self.apply_filter()

    # -- filtering -----------------------------------------------------------------------

    @on(Input.Changed)
    @on(Select.Changed)
    def apply_filter(self) -> None:
        count = self.query_one("#journal-count", Static)
        try:
            wanted = self.wanted()
        except journal.BadTime:
            count.update(say("journal", "bad_day"))
            return
        found = self.index.find(wanted)
        self.query_one(EntryList).show(found)
        if not len(self.index):
            count.update(say("journal", "empty", new=key_for(self.session, "journal-new")))
        elif not found:
            count.update(say("journal", "none"))
        else:
            total = len(self.index)
            count.update(
                say_count("journal", "count", total, shown=number(len(found)), total=number(total))
            )

    def wanted(self) -> journal.Filter:
        phase = self.query_one("#journal-phase", Select).value
        return journal.Filter(
            words=self.query_one("#journal-words", Input).value,
            phase=phase if isinstance(phase, str) else None,
            tag=self.query_one("#journal-tag", Input).value.strip() or None,
            start=journal.parse_day(self.query_one("#journal-start", Input).value),
            end=journal.parse_day(self.query_one("#journal-end", Input).value),
        )

    @on(Input.Submitted)
    def to_list(self, event: Input.Submitted) -> None:
        entries = self.query_one(EntryList)
        searched = event.input.id == "journal-words" and event.value.strip()
        if searched and entries.current is not None:
            entries.action_open()  # one Enter after a search opens the entry found first
            return
        self.set_focus(entries)

    def action_leave(self) -> None:
        """Escape clears the search and the filters first; with none set, it goes back."""
        fields = [
            self.query_one(f"#journal-{name}", Input) for name in ("words", "tag", "start", "end")
        ]
        phase = self.query_one("#journal-phase", Select)
        if any(field.value for field in fields) or phase.value is not Select.NULL:
            for field in fields:
                field.value = ""
            phase.clear()
            self.set_focus(fields[0])
            return
        self.app.pop_screen()

    def action_search(self) -> None:
        self.set_focus(self.query_one("#journal-words", Input))

    # -- opening -------------------------------------------------------------------------

    @on(EntryList.Opened)
    def open_entry(self, event: EntryList.Opened) -> None:
        from .entry_view import EntryViewScreen

        self.app.push_screen(EntryViewScreen(self.session, event.entry.id))

    def action_new_entry(self) -> None:
        from .entry import EntryScreen

        self.app.push_screen(EntryScreen(self.session))
