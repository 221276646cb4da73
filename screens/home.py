"""Home: today's date and where the record stands. Calm, and one key from everything."""

from __future__ import annotations

from datetime import date, datetime

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from styles import stylesheet
from tui import journal
from tui.session import Session

from ._dates import long_date
from ._text import say


class HomeScreen(Screen[None]):
    CSS_PATH = stylesheet("home.tcss")

    def __init__(self, session: Session, today: date | None = None) -> None:
        super().__init__()
        self.session = session
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(id="home-body"):
            yield Static("", id="today", markup=False)
            yield Static("", id="journal-summary", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_summary()

    def on_screen_resume(self) -> None:
        self.refresh_summary()

    def refresh_summary(self) -> None:
        today = self.today or date.today()
        self.query_one("#today", Static).update(long_date(today))
        vault = self.session.unlocked
        entries = journal.entries(vault)
        if not entries:
            summary = say("home", "no_entries")
        else:
            last = datetime.fromisoformat(entries[0].occurred).date()
            summary = say("home", "entries", count=len(entries), last=long_date(last))
        self.query_one("#journal-summary", Static).update(summary)
