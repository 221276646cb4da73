"""Dates and times as a person reads them: spelled out, never 03/04."""

from __future__ import annotations

from datetime import date, datetime


def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def long_moment(iso: object) -> str | None:
    """'Tuesday 24 November 2026 at 07:41' for an ISO 8601 text, or None if it is not one."""
    try:
        moment = datetime.fromisoformat(str(iso))
    except ValueError:
        return None
    return f"{long_date(moment.date())} at {moment:%H:%M}"
