"""Shown at once when the person answers that they feel unsafe often or always: the
emergency number, the hotline and their own trusted people, with the safety plan one key
away, before the questionnaire goes on."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from styles import stylesheet
from tui import safety_plan
from tui.session import Session

from ._emergency import contact_lines, number_lines, own_number_lines
from ._footer import CairnFooter
from ._keys import bind
from ._text import say


class SafetyNowScreen(Screen[None]):
    CSS_PATH = stylesheet("safety_now.tcss")
    BINDINGS = [
        bind("safety-now-plan", "safety_plan"),
        bind("safety-now-go-on", "go_on"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        plan = safety_plan.load(self.session.unlocked)
        numbers = safety_plan.plan_content().numbers
        emergency = plan.emergency or numbers[0].number  # the person's own number first
        # The shipped numbers follow, with their source; 911 is already above unless the
        # person's own number replaced it there.
        others = numbers if plan.emergency else numbers[1:]
        with VerticalScroll(id="safety-now-body"):
            # A quiet title: this is the screen most likely to be seen over a shoulder.
            yield Static(say("safety_now", "title"), classes="title", markup=False)
            yield Static(
                Content.assemble((say("safety_now", "now", emergency=emergency), "bold")),
                id="safety-now-emergency",
                markup=False,
            )
            own = own_number_lines(replace(plan, emergency=None))
            if own is not None:
                yield Static(say("safety_now", "own"), markup=False)
                yield Static(own, id="safety-now-own", markup=False)
            yield Static(say("safety_now", "talk"), markup=False)
            yield Static(number_lines(others), id="safety-now-numbers", markup=False)
            yield Static(
                say("safety_now", "source", source=safety_plan.plan_content().source_short),
                classes="source",
                markup=False,
            )
            yield Static("", id="safety-now-people", markup=False)
            yield Static(say("safety_now", "keys"), classes="keys-hint", markup=False)
        yield CairnFooter()

    def on_screen_resume(self) -> None:
        # Also on the first showing; the person may have added someone in the plan since.
        people = safety_plan.load(self.session.unlocked).trusted_people()
        if people:
            rows = [(str(p.get("name", "")), str(p.get("reach", "")), "") for p in people]
            heading = Content(say("safety_now", "trusted"))
            shown = Content("\n").join([heading, contact_lines(rows, indent="  ")])
        else:
            shown = Content(say("safety_now", "none_trusted"))
        self.query_one("#safety-now-people", Static).update(shown)
        self.query_one("#safety-now-body").focus()

    def action_safety_plan(self) -> None:
        from .plan import SafetyPlanScreen

        self.app.push_screen(SafetyPlanScreen(self.session))

    def action_go_on(self) -> None:
        self.dismiss(None)
