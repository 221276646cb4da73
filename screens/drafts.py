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


def _plan_section(session: Session, state: dict[str, Any]) -> Screen[Any]:
    from tui.safety_plan import CONTENT

    from .plan_section import PlanSectionScreen

    key = state.get("section")
    if key not in {section.key for section in CONTENT.sections}:
        raise KeyError(key)
    return PlanSectionScreen(session, str(key), state=state)


def _attach_file(session: Session, state: dict[str, Any]) -> Screen[Any]:
    from .file_add import FileAddScreen

    return FileAddScreen(session, str(state["entry"]), state=state)


def _file_note(session: Session, state: dict[str, Any]) -> Screen[Any]:
    from tui.journal import EntryRejected

    from .file_note import FileNoteScreen

    try:
        return FileNoteScreen(session, str(state["attachment"]), state=state)
    except EntryRejected:  # the file was removed since: the note stays kept, not lost
        raise KeyError(state["attachment"]) from None


DRAFT_SCREENS: dict[str, DraftScreenFactory] = {
    "attach-file": _attach_file,
    "file-note": _file_note,
    "safety-plan-section": _plan_section,
    "journal-entry": _entry,
    "daily-page": _daily,
    "quick-note": _quick,
}
