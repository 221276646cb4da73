"""What a run's answers show, area by area, in the content file's neutral words; how each
area has moved since the runs kept before, as a small chart; and next steps. The person
chooses to keep the run (K) or throw it away (D); until then it waits as unfinished."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from styles import stylesheet
from tui import questionnaire as q
from tui.dates import long_date
from tui.session import Session
from tui.vault import VaultError

from ._footer import CairnFooter
from ._help import help_label
from ._keys import bind
from ._text import say
from .confirm import ask
from .registry import go

CHART_SETS = 12  # the most recent sets of answers shown in the chart


def mark(count: int | None) -> str:
    """How many answers in an area were "often" or "always" in one set: a digit, so the
    chart says a count and nothing more (no score, no average); a dot when it was skipped."""
    if count is None:
        return "\u00b7"
    return str(count) if count < 10 else "+"


class SummaryScreen(Screen[None]):
    CSS_PATH = stylesheet("questionnaire_summary.tcss")
    BINDINGS = [
        bind("summary-keep", "keep"),
        bind("summary-discard", "discard"),
        bind("summary-journal", "open('journal')"),
        bind("summary-plan", "open('safety-plan')"),
        bind("summary-learn", "open('learn')"),
        bind("summary-back", "app.pop_screen"),
    ]

    def __init__(self, session: Session, questionnaire: q.Questionnaire, run: q.Run) -> None:
        super().__init__()
        self.session = session
        self.questionnaire = questionnaire
        self.run = run
        self.decided = False
        self.earlier = q.saved_runs(session.unlocked, questionnaire)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="summary-body"):
            yield Static(self.questionnaire.title, classes="title", markup=False)
            yield Static(say("summary", "title"), classes="heading", markup=False)
            reflection = say("summary", "reflection")
            if self.earlier:
                reflection += " " + say("summary", "compared", day=long_date(self.earlier[-1].day))
            yield Static(reflection, classes="muted", markup=False)
            yield from self._areas()
            yield Static(say("summary", "over_time"), classes="heading", markup=False)
            yield Static(self._chart(), id="summary-chart", markup=False)
            yield Static(say("summary", "chart_about"), classes="muted", markup=False)
            yield Static(say("summary", "next"), classes="heading", markup=False)
            steps = [say("summary", key) for key in ("next_journal", "next_plan", "next_learn")]
            steps.append(say("summary", "next_help", help=help_label(self.session)))
            yield Static("\n".join(steps), id="summary-next", markup=False)
        yield Static(say("summary", "choose"), id="summary-choice", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        self.query_one("#summary-body").focus()

    def _areas(self) -> ComposeResult:
        previous = self.earlier[-1] if self.earlier else None
        for shown in q.reflect(self.questionnaire, self.run.answers):
            yield Static(shown.area.title, classes="area-title", markup=False)
            parts = [shown.text or say("summary", "unanswered")]
            if previous is not None:
                earlier = q.reflect_area(self.questionnaire, shown.area, previous.answers)
                moved = q.change(earlier.count, shown.count)
                if moved is not None:
                    parts.append(say("summary", moved))
            yield Static(" ".join(parts), classes="area-text", markup=False)
            if shown.noticed:
                lines = [say("summary", "noticed")]
                for item in shown.noticed:
                    answer = say("answers", q.ANSWERS[self.run.answers[item.key] or 0])
                    lines.append(f"  · {item.text} ({answer.lower()})")
                yield Static("\n".join(lines), classes="area-noticed", markup=False)

    def _chart(self) -> Content:
        kept = [run.answers for run in self.earlier][-(CHART_SETS - 1) :]
        sets = [*kept, self.run.answers]
        counts = q.counts_over_time(self.questionnaire, sets)
        width = max(len(area.title) for area in self.questionnaire.areas)
        lines = []
        for area in self.questionnaire.areas:
            marks = " ".join(mark(count) for count in counts[area.key])
            lines.append(Content.assemble(f"{area.title:<{width}}  ", (marks, "bold")))
        return Content("\n").join(lines)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("keep", "discard"):
            return not self.decided
        return True

    def action_keep(self) -> None:
        try:
            q.save_run(self.session.unlocked, self.run)
        except VaultError as problem:
            self._say(str(problem))
            return
        self._decided(say("summary", "kept"))

    def action_discard(self) -> None:
        def discard() -> None:
            try:
                q.discard_unfinished(self.session.unlocked, self.questionnaire)
            except VaultError as problem:
                self._say(str(problem))
                return
            self._decided(say("summary", "discarded"))

        ask(self, "summary.discard", keys=("yes", "no"), then=discard)

    def _decided(self, sentence: str) -> None:
        self.decided = True
        self._say(sentence)
        self.refresh_bindings()

    def _say(self, sentence: str) -> None:
        self.query_one("#summary-choice", Static).update(sentence)

    def action_open(self, name: str) -> None:
        go(self.app, self.session, name)
