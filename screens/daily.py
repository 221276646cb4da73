"""Today's page: a short daily check-in, with the incident fields one tick away."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Checkbox, Static, TextArea

from styles import stylesheet
from tui import clock, journal
from tui.dates import long_date
from tui.session import Session
from tui.vault import VaultError

from ._footer import CairnFooter
from ._incident_fields import IncidentFields, apply_values, entry_values, field_label
from ._keys import bind
from ._plain import PlainTextArea
from ._text import say
from .confirm import leave_asking_first

DRAFT_KIND = "daily-page"


def _daily_keys() -> tuple[str, ...]:
    return tuple(item.key for item in journal.daily_fields())


class DailyScreen(Screen[None]):
    CSS_PATH = stylesheet("daily.tcss")
    BINDINGS = [
        # Not a priority binding, as in the entry editor: saved after every key typed before.
        bind("daily-save", "save"),
        bind("daily-back", "leave"),
    ]
    draft_kind = DRAFT_KIND

    def __init__(
        self, session: Session, *, today: date | None = None, state: dict[str, Any] | None = None
    ) -> None:
        super().__init__()
        self.session = session
        vault = session.unlocked
        self.day = today or clock.today()
        if state is not None and isinstance(state.get("day"), str):
            self.day = date.fromisoformat(state["day"])
        found = journal.daily_page(vault, self.day)
        self.entry = found or journal.new_entry(kind="daily", occurred=_on_day(self.day))
        self.is_new = found is None
        self._restore = state.get("fields") if state else None
        self._saved_values: dict[str, Any] = {}
        self.tags = journal.tags_in_use(journal.entries(vault))

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="daily-body"):
            title = f"{say('daily', 'title')}: {long_date(self.day)}"
            yield Static(title, classes="title", markup=False)
            yield Static(say("daily", "intro"), classes="paragraph", markup=False)
            for item in journal.daily_fields():
                yield field_label(item.key)
                area = PlainTextArea(id=f"daily-{item.key}", classes="field-area", soft_wrap=True)
                area.cursor_blink = False
                yield area
            yield Checkbox(say("daily", "happened"), id="daily-happened")
            yield IncidentFields(self.tags, show_when=False, id="daily-incident")
        yield Static("", id="daily-field-hint", markup=False)
        yield Static("", id="daily-message", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        self.fill(self._values_of(self.entry))
        self._saved_values = self.values()
        if isinstance(self._restore, dict):
            self.fill(self._restore)
        field = self.query_one("#daily-today", PlainTextArea)
        self.set_focus(field)
        field.cursor_to_end()  # reopened on earlier text, editing goes on where it ends
        self.query_one("#daily-field-hint", Static).update(journal.daily_fields()[0].hint)

    # -- fields --------------------------------------------------------------------------

    def _values_of(self, entry: journal.JournalEntry) -> dict[str, Any]:
        values = entry_values(entry)
        values.pop("occurred")
        values.update({key: getattr(entry, key) for key in _daily_keys()})
        values["happened"] = entry.happened
        return values

    def values(self) -> dict[str, Any]:
        found = self.query_one(IncidentFields).values()
        for key in _daily_keys():
            found[key] = self.query_one(f"#daily-{key}", TextArea).text
        found["happened"] = self.query_one("#daily-happened", Checkbox).value
        return found

    def fill(self, values: dict[str, Any]) -> None:
        self.query_one(IncidentFields).fill(values)
        for key in _daily_keys():
            if isinstance(values.get(key), str):
                self.query_one(f"#daily-{key}", TextArea).load_text(values[key])
        happened = bool(values.get("happened"))
        self.query_one("#daily-happened", Checkbox).value = happened
        self.query_one(IncidentFields).display = happened

    @on(Checkbox.Changed, "#daily-happened")
    def show_incident(self, event: Checkbox.Changed) -> None:
        self.query_one(IncidentFields).display = event.value

    @on(events.DescendantFocus)
    def show_field_hint(self, event: events.DescendantFocus) -> None:
        key = (event.widget.id or "").removeprefix("field-").removeprefix("daily-")
        for item in (*journal.daily_fields(), *journal.entry_fields()):
            if item.key == key:
                self.query_one("#daily-field-hint", Static).update(item.hint)
                return

    # -- saving and leaving --------------------------------------------------------------

    @property
    def unsaved(self) -> bool:
        return self.values() != self._saved_values

    def action_save(self) -> None:
        message = self.query_one("#daily-message", Static)
        values = self.values()
        page = apply_values(self.entry, values).edited(
            **{key: values[key] for key in _daily_keys()}, happened=values["happened"]
        )
        try:
            saved = journal.save(self.session.unlocked, page)
        except (journal.EntryRejected, VaultError) as problem:
            message.update(str(problem))
            return
        self.entry, self.is_new = saved, False
        self._saved_values = self.values()
        message.update(say("entry", "saved"))

    def action_leave(self) -> None:
        leave_asking_first(self, unsaved=self.unsaved, then=self.dismiss)

    def draft_state(self) -> dict[str, Any] | None:
        if not self.unsaved:
            return None
        return {"day": self.day.isoformat(), "fields": self.values()}


def _on_day(day: date) -> str:
    """Now, on ``day``'s date: a page written for a day is dated on that day."""
    current = clock.now()
    return current.replace(year=day.year, month=day.month, day=day.day).isoformat(
        timespec="seconds"
    )
