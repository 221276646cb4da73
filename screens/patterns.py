"""Patterns: a month of days by phase, entries per week, and the cycles in the record.

Letters as well as colour mark the phases, so the calendar reads the same without colour.
Descriptions only; no score and no verdict.
"""

from __future__ import annotations

from datetime import date, datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from styles import stylesheet
from tui import clock, dates, journal
from tui.journal import patterns
from tui.session import Session

from ._footer import CairnFooter
from ._glyphs import blocks
from ._keys import bind
from ._text import say, say_count

WEEKS = 26
SHOWN = 8  # cycles and gaps listed, newest first
PHASE_STYLE = {
    "tension": "yellow",
    "incident": "bold red",
    "reconciliation": "magenta",
    "calm": "green",
}


def month_text(entries: list[journal.JournalEntry], year: int, month: int, today: date) -> Text:
    marks = patterns.month_marks(entries, year, month)
    text = Text(f"{dates.month_year(date(year, month, 1))}\n", style="bold")
    text.append(say("patterns", "weekdays") + "\n", style="dim")
    for week in patterns.month_grid(year, month):
        for day in week:
            if day == 0:
                text.append(" " * 7)
                continue
            number_style = "underline" if date(year, month, day) == today else ""
            text.append(f"{day:>2}", style=number_style)
            shown = 0
            for phase in dict.fromkeys(marks.get(day, [])):  # each phase once, in order
                if shown == 3:
                    text.append("+")
                    shown += 1
                    break
                letter = (
                    journal.phase_by_id()[phase].letter if phase in journal.phase_by_id() else "·"
                )
                text.append(letter, style=PHASE_STYLE.get(phase, ""))
                shown += 1
            text.append(" " * (5 - shown))
        text.append("\n")
    # Two lines, the cycle's phases and then the marks outside it, so that a narrow screen
    # never breaks a label in two ("? No lo" / "sé").
    cycle = [f"{p.letter} {p.label}" for p in journal.phases() if p.id != "unsure"]
    outside = [f"{p.letter} {p.label}" for p in journal.phases() if p.id == "unsure"]
    outside.append(say("patterns", "no_phase"))
    text.append("   ".join(cycle) + "\n" + "   ".join(outside), style="dim")
    return text


def weeks_text(entries: list[journal.JournalEntry], today: date) -> Text:
    counts = patterns.weekly_counts(entries, today, WEEKS)
    most = max((count for _, count in counts), default=0)
    if most == 0:
        return Text(
            say("patterns", "weeks_title", weeks=WEEKS) + "\n" + say("patterns", "weeks_none")
        )
    text = Text(say("patterns", "weeks_most", weeks=WEEKS, most=most) + "\n")
    for _, count in counts:
        bars = blocks()
        level = 0 if count == 0 else max(1, round(count / most * (len(bars) - 1)))
        text.append(bars[level] * 2)
    first, last = counts[0][0], counts[-1][0]
    text.append(
        f"\n{dates.short_date(first)}".ljust(WEEKS * 2 - 10) + dates.short_date(last, year=False),
        style="dim",
    )
    return text


def _days(value: float) -> str:
    if value < 1:
        hours = max(1, round(value * 24))
        return say_count("patterns", "hours", hours)
    return say_count("patterns", "days", round(value))


def cycles_text(found: list[patterns.Stretch]) -> str:
    cycles = patterns.cycles(found)
    if not cycles:
        return say("patterns", "cycles_none")
    lines = []
    for cycle in reversed(cycles[-SHOWN:]):
        parts = ", ".join(
            f"{journal.phase_label(s.phase).lower()} {_days(s.days)}"
            + (say("patterns", "so_far") if s.ongoing else "")
            for s in cycle.stretches
        )
        lines.append(
            say(
                "patterns",
                "cycle_line",
                start=dates.short_date(cycle.start, named=True),
                parts=parts,
            )
        )
    if len(cycles) > SHOWN:
        lines.append(say("patterns", "earlier_cycles", count=len(cycles) - SHOWN))
    return "\n".join(lines)


def gaps_text(found: list[patterns.Stretch]) -> str:
    gaps = patterns.days_between_incidents(found)
    if not gaps:
        return say("patterns", "gaps_none")
    lines = [
        say("patterns", "gap_line", day=dates.short_date(day, named=True), after=_days(days))
        for day, days in gaps
    ]
    lines = list(reversed(lines[-SHOWN:]))
    change = patterns.change_over_time(gaps)
    if change is not None:
        lines.append("")
        lines.append(
            say(
                "patterns",
                f"change_{change.direction}",
                recent=round(change.recent_days),
                earlier=round(change.earlier_days),
                recent_count=change.recent_count,
                earlier_count=change.earlier_count,
            )
        )
    return "\n".join(lines)


class PatternsScreen(Screen[None]):
    CSS_PATH = stylesheet("patterns.tcss")
    BINDINGS = [
        bind("patterns-back", "app.pop_screen"),
        # Priority: the scrolling body (focused, so the page scrolls at 80x24) takes PageUp
        # and PageDown for itself otherwise, and the calendar would never move.
        bind("patterns-earlier", "month(-1)", priority=True),
        bind("patterns-later", "month(1)", priority=True),
    ]

    def __init__(self, session: Session, now: datetime | None = None) -> None:
        super().__init__()
        self.session = session
        self.now = now or clock.now()
        self.today = self.now.date()
        self.year, self.month = self.today.year, self.today.month

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="patterns-body"):
            yield Static(say("patterns", "title"), classes="title", markup=False)
            yield Static(say("patterns", "note"), classes="note", markup=False)
            yield Static("", id="patterns-month")
            yield Static(say("patterns", "calendar_help"), classes="help", markup=False)
            yield Static("", id="patterns-weeks")
            yield Static(say("patterns", "cycles_title"), classes="heading", markup=False)
            yield Static("", id="patterns-cycles", markup=False)
            yield Static(say("patterns", "gaps_title"), classes="heading", markup=False)
            yield Static("", id="patterns-gaps", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        self.entries = journal.entries(self.session.unlocked)
        found = patterns.stretches(self.entries, self.now)
        self.query_one("#patterns-weeks", Static).update(weeks_text(self.entries, self.today))
        self.query_one("#patterns-cycles", Static).update(cycles_text(found))
        self.query_one("#patterns-gaps", Static).update(gaps_text(found))
        self.draw_month()
        self.query_one("#patterns-body").focus()

    def draw_month(self) -> None:
        text = month_text(self.entries, self.year, self.month, self.today)
        self.query_one("#patterns-month", Static).update(text)

    def action_month(self, step: int) -> None:
        index = self.year * 12 + self.month - 1 + step
        self.year, self.month = divmod(index, 12)
        self.month += 1
        self.draw_month()
