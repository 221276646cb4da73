"""Which screens can take back sealed unsaved work, and how each is rebuilt from it."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from tui.session import DraftScreenFactory, Session


def _entry(session: Session, state: dict[str, Any]) -> Screen[Any]:
    from .entry import EntryScreen

    return EntryScreen(session, state=state)


def _daily(session: Session, state: dict[str, Any]) -> Screen[Any]:
    from .daily import DailyScreen

    return DailyScreen(session, state=state)


def _quick(session: Session, state: dict[str, Any]) -> Screen[Any]:
    from .quick_note import QuickNoteScreen

    return QuickNoteScreen(session, state=state)


DRAFT_SCREENS: dict[str, DraftScreenFactory] = {
    "journal-entry": _entry,
    "daily-page": _daily,
    "quick-note": _quick,
}
