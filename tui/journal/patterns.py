"""What the entries show over time: a month of days by phase, entries per week, and the
cycles (tension, incident, reconciliation, calm) with how long each part lasted.

Descriptions only: counts, dates and durations. No score and no verdict; what they mean is
for the person, and perhaps someone they trust, to decide.
"""

from __future__ import annotations

import calendar
import itertools
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .entry import JournalEntry
from .store import sort_key
from .when import local_day

# The order of the cycle. "unsure" and entries without a phase are left out of cycles.
CYCLE_ORDER = {"tension": 0, "incident": 1, "reconciliation": 2, "calm": 3}
NO_PHASE = "none"


def month_marks(entries: list[JournalEntry], year: int, month: int) -> dict[int, list[str]]:
    """Day of the month -> the phases of that day's entries in time order (``none`` for an
    entry without a phase; a check-in without an event counts as ``none``)."""
    marks: dict[int, list[str]] = {}
    for entry in sorted(entries, key=sort_key):
        day = local_day(entry.occurred)
        if day.year == year and day.month == month:
            marks.setdefault(day.day, []).append(entry.phase or NO_PHASE)
    return marks


def month_grid(year: int, month: int) -> list[list[int]]:
    """Weeks of the month, Monday first; 0 where a day belongs to another month."""
    return calendar.Calendar(firstweekday=0).monthdayscalendar(year, month)


def weekly_counts(
    entries: list[JournalEntry], today: date, weeks: int = 26
) -> list[tuple[date, int]]:
    """(Monday, number of entries that week) for the last ``weeks`` weeks, oldest first."""
    this_monday = today - timedelta(days=today.weekday())
    mondays = [this_monday - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    counts = dict.fromkeys(mondays, 0)
    for entry in entries:
        day = local_day(entry.occurred)
        monday = day - timedelta(days=day.weekday())
        if monday in counts:
            counts[monday] += 1
    return list(counts.items())


@dataclass(frozen=True)
class Stretch:
    """Consecutive entries in one phase: from the first of them to the next phase."""

    phase: str
    start: datetime
    end: datetime
    entries: int
    ongoing: bool  # nothing in another phase has been written since

    @property
    def days(self) -> float:
        return (self.end - self.start).total_seconds() / 86400


@dataclass(frozen=True)
class Cycle:
    stretches: tuple[Stretch, ...]

    @property
    def start(self) -> datetime:
        return self.stretches[0].start

    @property
    def phases(self) -> tuple[str, ...]:
        return tuple(stretch.phase for stretch in self.stretches)

    @property
    def incident(self) -> datetime | None:
        for stretch in self.stretches:
            if stretch.phase == "incident":
                return stretch.start
        return None


def stretches(entries: list[JournalEntry], until: datetime) -> list[Stretch]:
    """Entries with a phase of the cycle, oldest first, grouped into stretches."""
    phased = [e for e in sorted(entries, key=sort_key) if e.phase in CYCLE_ORDER]
    groups: list[tuple[str, datetime, int]] = []
    for entry in phased:
        moment = datetime.fromisoformat(entry.occurred)
        assert entry.phase is not None
        if groups and groups[-1][0] == entry.phase:
            phase, start, count = groups[-1]
            groups[-1] = (phase, start, count + 1)
        else:
            groups.append((entry.phase, moment, 1))
    found: list[Stretch] = []
    for index, (phase, start, count) in enumerate(groups):
        last = index == len(groups) - 1
        end = until if last else groups[index + 1][1]
        found.append(Stretch(phase, start, max(end, start), count, ongoing=last))
    return found


def cycles(found: list[Stretch]) -> list[Cycle]:
    """Stretches grouped into cycles: a cycle runs while the phases move forward through
    tension, incident, reconciliation and calm; a phase that comes earlier in that order
    than the one before it starts the next cycle. Phases may be missing from a cycle."""
    grouped: list[list[Stretch]] = []
    for stretch in found:
        if not grouped or CYCLE_ORDER[stretch.phase] <= CYCLE_ORDER[grouped[-1][-1].phase]:
            grouped.append([stretch])
        else:
            grouped[-1].append(stretch)
    return [Cycle(tuple(group)) for group in grouped]


def days_between_incidents(found: list[Stretch]) -> list[tuple[date, float]]:
    """(date of an incident, days since the incident before it), oldest first."""
    starts = [s.start for s in found if s.phase == "incident"]
    return [
        (later.date(), (later - earlier).total_seconds() / 86400)
        for earlier, later in itertools.pairwise(starts)
    ]


@dataclass(frozen=True)
class Change:
    """How the gaps between incidents compare: the earlier half against the later half."""

    earlier_days: float
    recent_days: float
    earlier_count: int
    recent_count: int

    @property
    def direction(self) -> str:
        """'shorter', 'longer' or 'similar' (within a fifth of each other)."""
        if self.recent_days < self.earlier_days * 0.8:
            return "shorter"
        if self.recent_days > self.earlier_days * 1.2:
            return "longer"
        return "similar"


def change_over_time(gaps: list[tuple[date, float]]) -> Change | None:
    """None until there are at least four gaps: fewer say nothing about a change."""
    if len(gaps) < 4:
        return None
    half = len(gaps) // 2
    earlier = [days for _, days in gaps[:half]]
    recent = [days for _, days in gaps[half:]]
    return Change(
        earlier_days=sum(earlier) / len(earlier),
        recent_days=sum(recent) / len(recent),
        earlier_count=len(earlier),
        recent_count=len(recent),
    )
