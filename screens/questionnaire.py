"""The questionnaire's front page: take it somewhere private, what it is and is not, the
panic and help keys, and each questionnaire with where the person left it. Enter starts a
run, goes on with an unfinished one, or shows a finished one's summary again."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from styles import stylesheet
from tui import questionnaire as q
from tui.config import keys_label
from tui.dates import long_date
from tui.session import Session
from tui.vault import VaultError

from ._footer import CairnFooter
from ._help import help_label
from ._keys import bind
from ._text import say
from .confirm import ask


class QuestionnaireScreen(Screen[None]):
    CSS_PATH = stylesheet("questionnaire.tcss")
    BINDINGS = [
        bind("questionnaire-again", "start_again"),
        bind("questionnaire-back", "app.pop_screen"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.problem: str | None = None
        self.choices: tuple[q.Questionnaire, ...] = ()
        # questionnaire key -> its unfinished run, as the vault held it when this screen showed
        self.waiting: dict[str, q.Run] = {}
        try:
            self.choices = q.questionnaires()
        except q.QuestionnaireProblem as problem:  # a damaged install: say so, calmly
            self.problem = say("questionnaire", "problem", problem=problem)

    def compose(self) -> ComposeResult:
        panic = keys_label(self.session.settings.panic_keys)
        with Vertical(id="questionnaire-body"):
            yield Static("", id="questionnaire-title", classes="title", markup=False)
            yield Static("", id="questionnaire-about", markup=False)
            yield Static(say("questionnaire", "private", panic=panic), markup=False)
            yield Static(say("questionnaire", "help", help=help_label(self.session)), markup=False)
            yield OptionList(markup=False, id="questionnaire-list")
            yield Static(say("questionnaire", "keys"), classes="keys-hint", markup=False)
        yield Static("", id="questionnaire-message", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        if self.problem is not None:
            self.query_one("#questionnaire-message", Static).update(self.problem)
        self.set_focus(self.query_one(OptionList))

    def on_screen_resume(self) -> None:
        # Also on the first showing; afterwards a run may have moved on.
        if not self.choices:
            return
        vault = self.session.unlocked
        found = ((chosen.key, q.unfinished(vault, chosen)) for chosen in self.choices)
        self.waiting = {key: run for key, run in found if run is not None}
        listed = self.query_one(OptionList)
        keep = listed.highlighted or 0
        listed.set_options(self._choice(choice) for choice in self.choices)
        listed.highlighted = min(keep, len(self.choices) - 1)
        self._describe(self.highlighted)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._describe(self.choices[event.option_index])

    def _describe(self, chosen: q.Questionnaire) -> None:
        self.query_one("#questionnaire-title", Static).update(chosen.title)
        about = f"{chosen.about} {chosen.person}\n\n{chosen.is_not}"
        self.query_one("#questionnaire-about", Static).update(about)
        self.refresh_bindings()

    def _choice(self, chosen: q.Questionnaire) -> Option:
        run = self.waiting.get(chosen.key)
        if run is not None:
            answered = run.answered_count(chosen)
            if run.is_complete(chosen):
                status = say("questionnaire", "waiting")
            else:
                status = say(
                    "questionnaire", "unfinished", answered=answered, total=len(chosen.items)
                )
        else:
            kept = q.saved_runs(self.session.unlocked, chosen)
            if kept:
                day = long_date(kept[-1].day)
                status = say("questionnaire", "kept", count=len(kept), day=day)
            else:
                status = say("questionnaire", "not_taken")
        return Option(Content.assemble((chosen.short, "bold"), "\n", (f"   {status}", "dim")))

    @property
    def highlighted(self) -> q.Questionnaire:
        return self.choices[self.query_one(OptionList).highlighted or 0]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        from .question import QuestionScreen
        from .questionnaire_summary import SummaryScreen

        chosen = self.choices[event.option_index]
        run = self.waiting.get(chosen.key)
        if run is not None and run.is_complete(chosen):
            self.app.push_screen(SummaryScreen(self.session, chosen, run))
        else:
            self.app.push_screen(QuestionScreen(self.session, chosen, run))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "start_again":
            return self.is_mounted and bool(self.choices) and self.highlighted.key in self.waiting
        return True

    def action_start_again(self) -> None:
        chosen = self.highlighted

        def start_again() -> None:
            from .question import QuestionScreen

            try:
                q.discard_unfinished(self.session.unlocked, chosen)
            except VaultError as problem:
                self.query_one("#questionnaire-message", Static).update(str(problem))
                return
            self.app.push_screen(QuestionScreen(self.session, chosen, None))

        ask(self, "questionnaire.restart", keys=("yes", "no"), then=start_again)
