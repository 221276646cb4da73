"""Home: today's date and where the record stands. Calm, and one key from everything."""

from __future__ import annotations

from datetime import date, datetime

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from styles import stylesheet
from tui import backup, clock, journal, safety_plan
from tui.dates import long_date
from tui.session import Session
from tui.vault import READ_ONLY_ASKED

from ._footer import CairnFooter
from ._help import help_label, key_for
from ._text import say, say_count
from .registry import go, home_bindings, home_keys


class HomeScreen(Screen[None]):
    CSS_PATH = stylesheet("home.tcss")
    BINDINGS = home_bindings()

    def __init__(self, session: Session, today: date | None = None) -> None:
        super().__init__()
        self.session = session
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(id="home-body"):
            yield Static("", id="today", markup=False)
            yield Static("", id="today-page", markup=False)
            yield Static("", id="journal-summary", markup=False)
            yield Static("", id="plan-summary", markup=False)
            yield Static("", id="home-notice", markup=False)
            places = say("home", "key_separator").join(home_keys(self.session))
            keys = say("home", "keys", places=places, help=help_label(self.session))
            yield Static(keys, id="home-keys", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        self.refresh_summary()

    def on_screen_resume(self) -> None:
        self.refresh_summary()

    def refresh_summary(self) -> None:
        today = self.today or clock.today()
        self.query_one("#today", Static).update(long_date(today))
        vault = self.session.unlocked
        entries = journal.entries(vault)
        written = journal.daily_page(vault, today) is not None
        on_today = sum(1 for entry in entries if journal.local_day(entry.occurred) == today)
        if written:
            status = say("home", "today_done")
        elif on_today:
            status = say("home", "today_entries", count=on_today)
        else:
            status = say("home", "today_open")
        self.query_one("#today-page", Static).update(status)
        if not entries:
            summary = say("home", "no_entries")
        else:
            last = datetime.fromisoformat(entries[0].occurred).date()
            summary = say("home", "entries", count=len(entries), last=long_date(last))
        self.query_one("#journal-summary", Static).update(summary)
        self.query_one("#plan-summary", Static).update(_plan_summary(self.session, today))
        notice = self.query_one("#home-notice", Static)
        notice.update(_notice(self.session, today))
        notice.display = bool(notice.content)

    def action_open(self, name: str) -> None:
        go(self.app, self.session, name, today=self.today)


def _notice(session: Session, today: date) -> str:
    """Read-only, or a backup older than the person asked to be told about (off unless
    they set it: a reminder on the screen can itself be seen)."""
    vault, reminder_days = session.unlocked, session.settings.backup_reminder_days
    key = key_for(session, "home-backup")
    if vault.read_only_reason == READ_ONLY_ASKED:
        return say("home", "read_only_asked")
    if vault.read_only_reason is not None:
        return say("home", "read_only", reason=vault.read_only_reason)
    if not reminder_days:
        return ""
    last = backup.last_backup(vault)
    if last is None:
        return say("home", "backup_never", key=key)
    if (today - last.date()).days > reminder_days:
        day = long_date(last.date())
        return say_count("home", "backup_due", reminder_days, day=day, key=key)
    return ""


def _plan_summary(session: Session, today: date) -> str:
    vault, key = session.unlocked, key_for(session, "home-safety-plan")
    plan = safety_plan.load(vault)
    if plan.updated is None:
        return say("home", "plan_none", key=key)
    day = plan.review_day
    if day is not None and plan.review_due(today):
        return say("home", "plan_due", day=long_date(day), key=key)
    # The sections that lead the plan the person chose (all of them before a choice).
    sections = safety_plan.plan_content().ordered(plan.mode)[0]
    done = sum(1 for s in sections if safety_plan.progress(s, plan.section(s.key)).is_done)
    if day is None:
        return say("home", "plan", done=done, total=len(sections))
    return say("home", "plan_review", done=done, total=len(sections), day=long_date(day))
