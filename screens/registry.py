"""One table of the screens a person can go to: their name, how each is made, its words
(title and one line for the palette, a phrase for home's list of keys; the footer's word is
its binding's, in [bindings]), its key on home, whether the palette lists it, and the kind
of unsaved work it keeps and how it is rebuilt from it. Home, the palette, the links
between screens and draft restoring all read this table; a new screen is one row here and
its words in screens.toml ([places.NAME]).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from tui.session import DraftScreenFactory, Session

from ._help import key_for
from ._keys import bind
from ._text import say


@dataclass(frozen=True)
class Place:
    name: str
    module: str  # screens.<module>, imported only when the screen is made
    # (module, session, today) -> the screen; None for one opened only from another screen
    make: Callable[[Any, Session, date | None], Screen[Any]] | None
    home_binding: str | None = None  # its binding id on home; None: not on home
    palette: bool = True
    draft_kind: str | None = None
    restore: Callable[[Any, Session, dict[str, Any]], Screen[Any]] | None = None

    @property
    def title(self) -> str:
        return say(f"places.{self.name}", "title")

    @property
    def help(self) -> str:
        return say(f"places.{self.name}", "help")

    def screen(self, session: Session, today: date | None = None) -> Screen[Any]:
        assert self.make is not None, f"{self.name} is opened from another screen"
        return self.make(importlib.import_module(f"screens.{self.module}"), session, today)

    def rebuilt(self, session: Session, state: dict[str, Any]) -> Screen[Any]:
        assert self.restore is not None
        return self.restore(importlib.import_module(f"screens.{self.module}"), session, state)


def _plan_section(module: Any, session: Session, state: dict[str, Any]) -> Screen[Any]:
    from tui.safety_plan import plan_content

    key = state.get("section")
    if key not in {section.key for section in plan_content().sections}:
        raise KeyError(key)  # a section since removed: the draft is offered, not lost
    return module.PlanSectionScreen(session, str(key), state=state)  # type: ignore[no-any-return]


def _file_note(module: Any, session: Session, state: dict[str, Any]) -> Screen[Any]:
    from tui.journal import EntryRejected

    try:
        return module.FileNoteScreen(session, str(state["attachment"]), state=state)  # type: ignore[no-any-return]
    except EntryRejected:  # the file was removed since: the note stays kept, not lost
        raise KeyError(state["attachment"]) from None


# In the order home lists its keys and the palette its places.
PLACES: tuple[Place, ...] = (
    Place(
        "quick-note",
        "quick_note",
        lambda m, s, _t: m.QuickNoteScreen(s),
        draft_kind="quick-note",
        restore=lambda m, s, state: m.QuickNoteScreen(s, state=state),
    ),
    Place(
        "new-entry",
        "entry",
        lambda m, s, _t: m.EntryScreen(s),
        home_binding="home-new-entry",
        draft_kind="journal-entry",
        restore=lambda m, s, state: m.EntryScreen(s, state=state),
    ),
    Place(
        "today",
        "daily",
        lambda m, s, t: m.DailyScreen(s, today=t),
        home_binding="home-today",
        draft_kind="daily-page",
        restore=lambda m, s, state: m.DailyScreen(s, state=state),
    ),
    Place("journal", "journal", lambda m, s, _t: m.JournalScreen(s), "home-journal"),
    Place("patterns", "patterns", lambda m, s, _t: m.PatternsScreen(s), "home-patterns"),
    Place("report", "report", lambda m, s, _t: m.ReportScreen(s), "home-report"),
    Place(
        "safety-plan",
        "plan",
        lambda m, s, t: m.SafetyPlanScreen(s, today=t),
        home_binding="home-safety-plan",
    ),
    Place("safety-card", "plan_card", lambda m, s, _t: m.PlanCardScreen(s)),
    Place("plan-print", "plan_print", lambda m, s, t: m.PlanPrintScreen(s, today=t)),
    Place(
        "questionnaire",
        "questionnaire",
        lambda m, s, _t: m.QuestionnaireScreen(s),
        "home-questionnaire",
    ),
    Place("learn", "learn", lambda m, s, _t: m.LearnScreen(s), "home-learn"),
    Place("backup", "backup_now", lambda m, s, _t: m.BackupScreen(s), "home-backup"),
    Place("privacy", "privacy", lambda m, s, _t: m.PrivacyScreen(s)),
    Place("change-passphrase", "keys_change", lambda m, s, _t: m.ChangePassphraseScreen(s)),
    Place("new-recovery-code", "keys_change", lambda m, s, _t: m.NewRecoveryCodeScreen(s)),
    Place("help", "resources", lambda m, s, _t: m.ResourcesScreen(s)),
    # Reached from other screens only, and rebuilt from the unsaved work they keep.
    Place(
        "plan-section",
        "plan_section",
        None,
        palette=False,
        draft_kind="safety-plan-section",
        restore=_plan_section,
    ),
    Place(
        "attach-file",
        "file_add",
        None,
        palette=False,
        draft_kind="attach-file",
        restore=lambda m, s, state: m.FileAddScreen(s, str(state["entry"]), state=state),
    ),
    Place(
        "file-note",
        "file_note",
        None,
        palette=False,
        draft_kind="file-note",
        restore=_file_note,
    ),
)
BY_NAME = {place.name: place for place in PLACES}


def place(name: str) -> Place:
    return BY_NAME[name]


def go(app: App[Any], session: Session, name: str, today: date | None = None) -> None:
    """Open the screen called ``name`` on top of the current one."""
    app.push_screen(place(name).screen(session, today))


def draft_screens() -> dict[str, DraftScreenFactory]:
    """Draft kind -> how its screen is rebuilt, for restoring sealed unsaved work."""
    return {p.draft_kind: p.rebuilt for p in PLACES if p.draft_kind and p.restore}


def home_bindings() -> list[Binding | tuple[str, str] | tuple[str, str, str]]:
    """Home's keys, one per place on home: ``open('NAME')`` under the place's binding id."""
    return [bind(p.home_binding, f"open('{p.name}')") for p in PLACES if p.home_binding]


def home_keys(session: Session) -> Iterator[str]:
    """'J the journal' for each place on home, with the key the person's keymap gives it."""
    for p in PLACES:
        if p.home_binding:
            key = key_for(session, p.home_binding)
            yield say("home", "key", key=key, what=say(f"places.{p.name}", "home"))
