"""Help and numbers to call, one key from every screen: the two numbers Cairn ships (with
where they come from), and the person's own trusted people and local lines from their
safety plan. Adding to either opens that part of the plan, so each lives in one place."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from styles import stylesheet
from tui import safety_plan
from tui.session import Session
from tui.vault import VaultError

from ._emergency import contact_lines, number_lines, own_number_lines
from ._footer import CairnFooter
from ._keys import bind
from ._text import say
from .registry import go


class ResourcesScreen(Screen[None]):
    is_help = True  # the help key does nothing here: this is where it leads
    CSS_PATH = stylesheet("resources.tcss")
    BINDINGS = [
        bind("resources-emergency", "emergency"),
        bind("resources-lines", "add_line"),
        bind("resources-people", "section('people')"),
        bind("resources-learn", "learn"),
        bind("resources-back", "app.pop_screen"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="resources-body"):
            yield Static(say("resources", "title"), classes="title", markup=False)
            # The person's own number and lines come first: they are for where they live.
            yield Static(say("resources", "own"), classes="heading", markup=False)
            yield Static("", id="resources-lines", markup=False)
            yield Static(say("resources", "numbers"), classes="heading", markup=False)
            yield Static(
                number_lines(safety_plan.plan_content().numbers),
                id="resources-numbers",
                markup=False,
            )
            source = say("resources", "source", source=safety_plan.plan_content().source_short)
            yield Static(source, classes="source", markup=False)
            yield Static(say("resources", "people"), classes="heading", markup=False)
            yield Static("", id="resources-people", markup=False)
            yield Static(say("resources", "keys"), classes="keys-hint", markup=False)
        yield CairnFooter()

    def on_screen_resume(self) -> None:
        # Also on the first showing; afterwards the plan may have changed behind this screen.
        plan = safety_plan.load(self.session.unlocked)
        people = [
            (str(row.get("name", "")), str(row.get("reach", "")), str(row.get("check_in", "")))
            for row in plan.trusted_people()
        ]
        self.query_one("#resources-people", Static).update(
            contact_lines(people) if people else Content(say("resources", "no_people"))
        )
        own = own_number_lines(plan)
        self.query_one("#resources-lines", Static).update(
            own if own is not None else Content(say("resources", "no_own"))
        )
        self.query_one("#resources-body").focus()

    def action_section(self, key: str) -> None:
        from .plan_section import PlanSectionScreen

        self.app.push_screen(PlanSectionScreen(self.session, key))

    def action_add_line(self) -> None:
        """Straight to the form for a new line; the lines live in the safety plan."""
        from .plan_section import PlanSectionScreen

        self.app.push_screen(PlanSectionScreen(self.session, "lines", add_row=True))

    def action_emergency(self) -> None:
        from .plan_settings import EmergencyNumberScreen

        vault = self.session.unlocked

        def keep(typed: str) -> str | None:
            try:
                safety_plan.set_emergency(vault, typed)
            except (safety_plan.PlanRejected, VaultError) as problem:
                return str(problem)
            return None

        current = safety_plan.load(vault).emergency
        self.app.push_screen(
            EmergencyNumberScreen(current, keep), lambda _: self.on_screen_resume()
        )

    def action_learn(self) -> None:
        go(self.app, self.session, "learn")
