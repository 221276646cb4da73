"""When something happened: typed by a person, stored as ISO 8601 with the local offset.

Only unambiguous forms are accepted (never 03/04/2026, which reads differently in different
countries): ``2026-11-24 18:30``, ``2026-11-24``, ``today 18:30``, ``yesterday 21:00``.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from .. import clock
from ..fold import fold
from ..words import Told, names

EARLIEST = date(1900, 1, 1)
# A little slack for clocks and time zones; a record of what happened is never in the future.
FUTURE_SLACK = timedelta(hours=1)

# A day (a date, or a word for today or yesterday), then perhaps the time. The words are
# the catalogue's ([dates] typed_today, typed_yesterday in words.toml).
_FORM = re.compile(r"^(?P<day>.+?)(?:[ t]+(?P<hour>\d{1,2}):(?P<minute>\d{2}))?$")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class BadTime(Told, ValueError):
    """The text is not a time Cairn can store; ``str()`` says why in one sentence."""


def now() -> str:
    """This moment as stored (tui/clock.py, the one clock)."""
    return clock.stamp()


def local_now() -> datetime:
    return clock.now()


def parse_when(text: str, *, current: datetime | None = None) -> str:
    """The ISO 8601 form (local offset) of what the person typed, or BadTime."""
    current = current or local_now()
    match = _FORM.match(fold(text.strip()))
    if match is None:
        raise BadTime("journal.time_shape")
    day_text = match["day"]
    if day_text in {fold(word) for word in names("dates.typed_today")}:
        day = current.date()
    elif day_text in {fold(word) for word in names("dates.typed_yesterday")}:
        day = current.date() - timedelta(days=1)
    elif _ISO_DAY.fullmatch(day_text):
        try:
            day = date.fromisoformat(day_text)
        except ValueError:
            raise BadTime("journal.no_such_day", day=day_text) from None
    else:
        raise BadTime("journal.time_shape")
    hour = int(match["hour"]) if match["hour"] else 0
    minute = int(match["minute"]) if match["minute"] else 0
    if hour > 23 or minute > 59:
        raise BadTime("journal.hours_minutes")
    if day < EARLIEST:
        raise BadTime("journal.too_long_ago")
    moment = datetime(day.year, day.month, day.day, hour, minute).astimezone()
    if moment > current + FUTURE_SLACK:
        raise BadTime("journal.future")
    return moment.isoformat(timespec="seconds")


def parse_day(text: str | None) -> date | None:
    """A day typed as ``2026-11-24``; empty or None means no day was given."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadTime("journal.day_shape") from None


def check_stored(value: str) -> datetime:
    """A stored time, which must carry its offset so that instants compare correctly."""
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise BadTime("journal.not_iso", value=value) from None
    if moment.tzinfo is None:
        raise BadTime("journal.no_offset", value=value)
    if moment.date() < EARLIEST:
        raise BadTime("journal.too_long_ago")
    return moment


def editable(value: str) -> str:
    """How a stored time is shown for editing: the same form parse_when accepts."""
    moment = datetime.fromisoformat(value)
    return f"{moment:%Y-%m-%d %H:%M}"


def local_day(value: str) -> date:
    """The calendar day of a stored time, on the clock of the place where it was written
    (a record made while travelling keeps that place's day)."""
    return datetime.fromisoformat(value).date()
