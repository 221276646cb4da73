"""The safety plan: which plan it is, when to look it over again, and every section with
what is filled in and what is still open. The sections that matter most for the chosen plan
come first; the others are one key (O) away."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from styles import stylesheet
from tui import clock, safety_plan
from tui.dates import long_date
from tui.session import Session
from tui.vault import VaultError

from ._emergency import EmergencyBar
from ._footer import CairnFooter
from ._keys import bind
from ._plan_screen import PlanScreen
from ._text import say
from .plan_settings import EmergencyNumberScreen, ModeScreen, ReviewScreen


class SafetyPlanScreen(PlanScreen):
    CSS_PATH = stylesheet("plan.tcss")
    BINDINGS = [
        bind("plan-mode", "choose_mode"),
        bind("plan-others", "others", show=False),
        bind("plan-review", "review", show=False),
        bind("plan-emergency", "emergency", show=False),
        bind("plan-card", "card"),
        bind("plan-print", "print"),
        bind("plan-back", "app.pop_screen"),
    ]

    def __init__(self, session: Session, today: date | None = None) -> None:
        super().__init__(session)
        self.today = today or clock.today()
        self.show_all = False
        self._asked_mode = False

    def compose(self) -> ComposeResult:
        yield EmergencyBar(self.plan)
        with Vertical(id="plan-body"):
            yield Static(say("plan", "title"), classes="title", markup=False)
            yield Static("", id="plan-mode-line", markup=False)
            yield Static("", id="plan-review-line", markup=False)
            yield Static("", id="plan-emergency-line", markup=False)
            yield Static("", id="plan-showing", markup=False)
            yield OptionList(markup=False, id="plan-sections")
        yield Static("", id="plan-message", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#plan-sections", OptionList))

    def on_screen_resume(self) -> None:
        # Also on the first showing; afterwards a section may have changed the plan.
        self.plan = safety_plan.load(self.session.unlocked)
        self.plan_changed()
        self._draw()
        if self.plan.mode is None and not self._asked_mode:
            self._asked_mode = True  # asked once; M asks again
            self.action_choose_mode()

    def _draw(self) -> None:
        plan = self.plan
        if plan.mode is None:
            mode_line = say("plan", "mode_none")
        else:
            mode = safety_plan.plan_content().mode(plan.mode)
            mode_line = say("plan", "mode_line", title=mode.title, about=mode.about)
        self.query_one("#plan-mode-line", Static).update(mode_line)
        day = plan.review_day
        if day is None:
            review = say("plan", "review_none")
        else:
            review = say(
                "plan",
                "review_due" if plan.review_due(self.today) else "review_line",
                day=long_date(day),
            )
        self.query_one("#plan-review-line", Static).update(review)
        number = plan.emergency
        emergency = (
            say("plan", "emergency_line", number=number)
            if number
            else say("plan", "emergency_none")
        )
        self.query_one("#plan-emergency-line", Static).update(emergency)

        leading, others = safety_plan.plan_content().ordered(plan.mode)
        total = len(leading) + len(others)
        shown = leading + others if self.show_all or not others else leading
        if not others:
            showing = say("plan", "showing_every", total=total)
        elif self.show_all:
            showing = say("plan", "showing_all", total=total, count=len(leading))
        else:
            showing = say("plan", "showing_leading", total=total, count=len(leading))
        self.query_one("#plan-showing", Static).update(showing)

        sections = self.query_one("#plan-sections", OptionList)
        keep = sections.highlighted
        sections.set_options(_section_option(plan, section) for section in shown)
        sections.highlighted = min(keep or 0, len(shown) - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        from .plan_section import PlanSectionScreen

        if event.option.id is not None:
            self.app.push_screen(PlanSectionScreen(self.session, event.option.id))

    # -- the plan as a whole --------------------------------------------------------------

    def action_choose_mode(self) -> None:
        def chosen(mode: str | None) -> None:
            if mode is None or mode == self.plan.mode:
                return
            self.show_all = False  # lead with the new plan's sections
            self._keep(lambda: safety_plan.set_mode(self.session.unlocked, mode))

        self.app.push_screen(ModeScreen(self.plan.mode), chosen)

    def action_others(self) -> None:
        self.show_all = not self.show_all
        self._draw()

    def action_review(self) -> None:
        current = self.plan.review_day
        suggested = current or self.today + timedelta(days=30)

        def keep(day: date | None) -> str | None:
            return self._keep(lambda: safety_plan.set_review_by(self.session.unlocked, day))

        self.app.push_screen(ReviewScreen(suggested, self.today, keep))

    def action_emergency(self) -> None:
        def keep(typed: str) -> str | None:
            return self._keep(lambda: safety_plan.set_emergency(self.session.unlocked, typed))

        self.app.push_screen(EmergencyNumberScreen(self.plan.emergency, keep))

    def _keep(self, change: Callable[[], safety_plan.SafetyPlan]) -> str | None:
        message = self.query_one("#plan-message", Static)
        try:
            self.plan = change()
        except (safety_plan.PlanRejected, VaultError) as problem:
            message.update(str(problem))
            return str(problem)
        message.update(say("plan.section", "saved"))
        self.plan_changed()
        self._draw()
        return None

    def action_card(self) -> None:
        from .plan_card import PlanCardScreen

        self.app.push_screen(PlanCardScreen(self.session))

    def action_print(self) -> None:
        from .plan_print import PlanPrintScreen

        self.app.push_screen(PlanPrintScreen(self.session, today=self.today))


def _section_option(plan: safety_plan.SafetyPlan, section: safety_plan.Section) -> Option:
    done = safety_plan.progress(section, plan.section(section.key))
    status = say("plan.status", done.status)
    line = f"   {status}: {safety_plan.describe(section, done)}"
    return Option(Content.assemble((section.title, "bold"), "\n", (line, "dim")), id=section.key)
