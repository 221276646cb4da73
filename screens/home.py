"""Home: today's date and where the record stands. Calm, and one key from everything."""

from __future__ import annotations

from datetime import date, datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from styles import stylesheet
from tui import backup, journal, safety_plan
from tui.session import Session
from tui.vault import READ_ONLY_ASKED, Vault

from ._dates import long_date
from ._footer import CairnFooter
from ._help import help_label
from ._text import say


class HomeScreen(Screen[None]):
    CSS_PATH = stylesheet("home.tcss")
    BINDINGS = [
        Binding("n", "new_entry", "New entry", id="home-new-entry"),
        Binding("t", "today", "Today's page", id="home-today"),
        Binding("j", "journal", "Journal", id="home-journal"),
        Binding("p", "patterns", "Patterns", id="home-patterns"),
        Binding("e", "report", "Report", id="home-report"),
        Binding("s", "safety_plan", "Safety plan", id="home-safety-plan"),
        Binding("q", "questionnaire", "Questionnaire", id="home-questionnaire"),
        Binding("l", "learn", "Learn", id="home-learn"),
        Binding("b", "backup", "Back up", id="home-backup"),
    ]

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
            keys = say("home", "keys", help=help_label(self.session))
            yield Static(keys, id="home-keys", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        self.refresh_summary()

    def on_screen_resume(self) -> None:
        self.refresh_summary()

    def refresh_summary(self) -> None:
        today = self.today or date.today()
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
        self.query_one("#plan-summary", Static).update(_plan_summary(vault, today))
        notice = self.query_one("#home-notice", Static)
        notice.update(_notice(vault, today, self.session.settings.backup_reminder_days))
        notice.display = bool(notice.content)

    def action_new_entry(self) -> None:
        from .entry import EntryScreen

        self.app.push_screen(EntryScreen(self.session))

    def action_today(self) -> None:
        from .daily import DailyScreen

        self.app.push_screen(DailyScreen(self.session, today=self.today))

    def action_journal(self) -> None:
        from .journal import JournalScreen

        self.app.push_screen(JournalScreen(self.session))

    def action_patterns(self) -> None:
        from .patterns import PatternsScreen

        self.app.push_screen(PatternsScreen(self.session))

    def action_report(self) -> None:
        from .report import ReportScreen

        self.app.push_screen(ReportScreen(self.session))

    def action_safety_plan(self) -> None:
        from .plan import SafetyPlanScreen

        self.app.push_screen(SafetyPlanScreen(self.session, today=self.today))

    def action_questionnaire(self) -> None:
        from .questionnaire import QuestionnaireScreen

        self.app.push_screen(QuestionnaireScreen(self.session))

    def action_backup(self) -> None:
        from .backup_now import BackupScreen

        self.app.push_screen(BackupScreen(self.session))

    def action_learn(self) -> None:
        from .learn import LearnScreen

        self.app.push_screen(LearnScreen(self.session))


def _notice(vault: Vault, today: date, reminder_days: int) -> str:
    """Read-only, or a backup older than the person asked to be told about (off unless
    they set it: a reminder on the screen can itself be seen)."""
    if vault.read_only_reason == READ_ONLY_ASKED:
        return say("home", "read_only_asked")
    if vault.read_only_reason is not None:
        return say("home", "read_only", reason=vault.read_only_reason)
    if not reminder_days:
        return ""
    last = backup.last_backup(vault)
    if last is None:
        return say("home", "backup_never")
    if (today - last.date()).days > reminder_days:
        return say("home", "backup_due", day=long_date(last.date()), days=reminder_days)
    return ""


def _plan_summary(vault: Vault, today: date) -> str:
    plan = safety_plan.load(vault)
    if plan.updated is None:
        return say("home", "plan_none")
    day = plan.review_day
    if day is not None and plan.review_due(today):
        return say("home", "plan_due", day=long_date(day))
    # The sections that lead the plan the person chose (all of them before a choice).
    sections = safety_plan.CONTENT.ordered(plan.mode)[0]
    done = sum(1 for s in sections if safety_plan.progress(s, plan.section(s.key)).is_done)
    if day is None:
        return say("home", "plan", done=done, total=len(sections))
    return say("home", "plan_review", done=done, total=len(sections), day=long_date(day))
