"""Dates and times as a person reads them, spelled out in the catalogue's words (day and
month names and the order of the parts are words.toml's [dates]), never 03/04 and never
the machine's locale, which a shared server often lacks."""

from __future__ import annotations

from datetime import date, datetime

from .words import names, say


def weekday(day: date, *, short: bool = False) -> str:
    return names("dates.weekdays_short" if short else "dates.weekdays")[day.weekday()]


def month(day: date, *, short: bool = False) -> str:
    return names("dates.months_short" if short else "dates.months")[day.month - 1]


def long_date(day: date) -> str:
    """'Tuesday 24 November 2026'."""
    return say("dates.long", weekday=weekday(day), day=day.day, month=month(day), year=day.year)


def short_date(day: date, *, year: bool = True, named: bool = False) -> str:
    """'24 Nov 2026' (zero-padded day), '24 Nov' without the year; 'Tue 24 Nov 2026'
    with the day ``named``."""
    parts = {"day": f"{day.day:02d}", "month": month(day, short=True), "year": day.year}
    if named:
        return say("dates.short_named", weekday=weekday(day, short=True), **parts)
    return say("dates.short" if year else "dates.short_no_year", **parts)


def month_year(day: date) -> str:
    """'November 2026'."""
    return say("dates.month_year", month=month(day), year=day.year)


def list_moment(moment: datetime) -> str:
    """'Tue  1 Dec 2026 15:21': fixed width, for a list's column."""
    return say(
        "dates.list",
        weekday=weekday(moment, short=True),
        day=f"{moment.day:>2}",
        month=month(moment, short=True),
        year=moment.year,
        time=f"{moment:%H:%M}",
    )


def moment_text(moment: datetime, *, zone: bool = False) -> str:
    """'Tuesday 24 November 2026, 18:30', with '(UTC+0100)' when ``zone``."""
    key = "dates.moment_zone" if zone else "dates.moment"
    return say(key, day=long_date(moment), time=f"{moment:%H:%M}", zone=f"{moment:%z}")


def long_moment(iso: object) -> str | None:
    """'Tuesday 24 November 2026 at 07:41' for an ISO 8601 text, or None if it is not one."""
    try:
        moment = datetime.fromisoformat(str(iso))
    except ValueError:
        return None
    return say("dates.at", day=long_date(moment.date()), time=f"{moment:%H:%M}")
