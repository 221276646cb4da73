"""Two small questions about the plan as a whole: which plan it is (staying safer,
preparing to leave, after leaving) and the day to look it over again."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from styles import stylesheet
from tui import journal, safety_plan

from ._footer import MODAL_PANIC, CairnFooter
from ._keys import bind
from ._plain import PlainInput
from ._text import say


class ModeScreen(ModalScreen[str | None]):
    """Returns the chosen plan's key, or None for Escape."""

    offers_quick_note = False
    CSS_PATH = stylesheet("plan_settings.tcss")
    BINDINGS = [
        bind("plan-mode-back", "dismiss(None)"),
        MODAL_PANIC,
    ]

    def __init__(self, current: str | None) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="settings-box"):
            yield Static(say("plan.mode_choice", "title"), classes="title", markup=False)
            yield Static(say("plan.mode_choice", "intro"), markup=False)
            for number, mode in enumerate(safety_plan.plan_content().modes, start=1):
                chosen = say("plan.mode_choice", "chosen") if mode.key == self.current else ""
                yield Static(f"{number}  {mode.title}{chosen}", classes="mode-title", markup=False)
                yield Static(mode.about, classes="mode-about", markup=False)
            yield Static(say("plan.mode_choice", "keys"), classes="settings-hint", markup=False)
        yield CairnFooter()

    def on_key(self, event: events.Key) -> None:
        modes = safety_plan.plan_content().modes
        if event.character and event.character.isdigit():
            number = int(event.character)
            if 1 <= number <= len(modes):
                event.stop()
                self.dismiss(modes[number - 1].key)


class ReviewScreen(ModalScreen[None]):
    """Asks for the review day; ``keep`` saves it and returns a problem sentence or None."""

    offers_quick_note = False
    CSS_PATH = stylesheet("plan_settings.tcss")
    BINDINGS = [
        bind("plan-review-back", "dismiss(None)"),
        MODAL_PANIC,
    ]

    def __init__(
        self, current: date | None, today: date, keep: Callable[[date | None], str | None]
    ) -> None:
        super().__init__()
        self.current = current
        self.today = today
        self.keep = keep

    def compose(self) -> ComposeResult:
        with Vertical(classes="settings-box"):
            yield Static(say("plan.review", "title"), classes="title", markup=False)
            yield Static(say("plan.review", "intro"), markup=False)
            shown = self.current.isoformat() if self.current else ""
            yield PlainInput(shown, placeholder=say("plan.review", "example"), id="review-day")
            yield Static(say("plan.review", "hint"), classes="settings-hint", markup=False)
            yield Static("", classes="settings-message", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        field = self.query_one("#review-day", Input)
        field.cursor_blink = False
        self.set_focus(field)

    @on(Input.Submitted)
    def save(self, event: Input.Submitted) -> None:
        message = self.query_one(".settings-message", Static)
        try:
            day = journal.parse_day(event.value)
        except journal.BadTime:
            message.update(say("plan.review", "bad"))
            return
        if day is not None and day < self.today:
            message.update(say("plan.review", "past"))
            return
        problem = self.keep(day)
        if problem is None:
            self.dismiss()
        else:
            message.update(problem)


class EmergencyNumberScreen(ModalScreen[None]):
    """The emergency number where the person lives; ``keep`` saves what was typed (empty
    for the default) and returns a problem sentence or None."""

    offers_quick_note = False
    CSS_PATH = stylesheet("plan_settings.tcss")
    BINDINGS = [
        bind("plan-emergency-back", "dismiss(None)"),
        MODAL_PANIC,
    ]

    def __init__(self, current: str | None, keep: Callable[[str], str | None]) -> None:
        super().__init__()
        self.current = current
        self.keep = keep

    def compose(self) -> ComposeResult:
        with Vertical(classes="settings-box"):
            yield Static(say("plan.emergency", "title"), classes="title", markup=False)
            yield Static(say("plan.emergency", "intro"), markup=False)
            yield PlainInput(
                self.current or "", placeholder=say("plan.emergency", "example"), id="emergency"
            )
            yield Static(say("plan.emergency", "hint"), classes="settings-hint", markup=False)
            yield Static("", classes="settings-message", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        field = self.query_one("#emergency", Input)
        field.cursor_blink = False
        self.set_focus(field)

    @on(Input.Submitted)
    def save(self, event: Input.Submitted) -> None:
        problem = self.keep(event.value)
        if problem is None:
            self.dismiss()
        else:
            self.query_one(".settings-message", Static).update(problem)
