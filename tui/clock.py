"""The one clock. Everything that stamps a time (entries, plan changes, attached files,
questionnaire runs, backups, exports, sealed drafts, failed unlocks) or asks for today
reads it here, so that a test sets the time in one place and the times Cairn writes can
never disagree about the time zone (always the local offset, to the second)."""

from __future__ import annotations

from datetime import UTC, date, datetime


def now() -> datetime:
    """This moment, with the local offset."""
    return datetime.now(UTC).astimezone()


def stamp() -> str:
    """This moment as Cairn stores it: ISO 8601 with the local offset, to the second."""
    return now().isoformat(timespec="seconds")


def today() -> date:
    """Today where the person is."""
    return now().date()
