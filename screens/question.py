"""One statement at a time, answered with how often it happens. Each answer is kept in the
vault before the next statement shows, so leaving, panic or a dropped connection loses
nothing; an answer that the person feels unsafe often or always shows help first."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from styles import stylesheet
from tui import questionnaire as q
from tui.keys import DEFAULT_KEYS
from tui.session import Session
from tui.vault import VaultError

from ._footer import CairnFooter
from ._help import help_label
from ._keys import bind
from ._text import say


class QuestionScreen(Screen[None]):
    CSS_PATH = stylesheet("question.tcss")
    BINDINGS = [
        *(
            Binding(
                DEFAULT_KEYS[f"question-{n + 1}"],
                f"answer({n})",
                say("answers", answer),
                id=f"question-{n + 1}",
                show=False,
            )
            for n, answer in enumerate(q.ANSWERS)
        ),
        bind("question-back", "back"),
        bind("question-skip", "skip"),
        bind("question-leave", "leave"),
    ]

    def __init__(self, session: Session, questionnaire: q.Questionnaire, run: q.Run | None):
        super().__init__()
        self.session = session
        self.questionnaire = questionnaire
        self.run = run or q.Run.begin(questionnaire)
        self.items = questionnaire.items
        self.position = min(self.run.position, len(self.items) - 1)

    def compose(self) -> ComposeResult:
        with Vertical(id="question-body"):
            yield Static("", id="question-progress-line", markup=False)
            yield ProgressBar(
                total=len(self.items), show_eta=False, show_percentage=False, id="question-bar"
            )
            yield Static(self.questionnaire.frame, id="question-frame", markup=False)
            yield Static("", id="question-text", markup=False)
            yield OptionList(
                *(
                    Option(f"{n + 1}  {say('answers', answer)}")
                    for n, answer in enumerate(q.ANSWERS)
                ),
                markup=False,
                id="question-answers",
            )
            yield Static("", id="question-message", markup=False)
            yield Static(say("question", "keys"), classes="keys-hint", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        self.set_focus(self.query_one(OptionList))
        self._draw()

    @property
    def item(self) -> q.Item:
        return self.items[self.position]

    def _draw(self) -> None:
        item = self.item
        area = self.questionnaire.area(item.area)
        line = say(
            "question", "progress", number=self.position + 1, total=len(self.items), area=area.title
        )
        self.query_one("#question-progress-line", Static).update(line)
        self.query_one(ProgressBar).update(progress=self.position)
        self.query_one("#question-text", Static).update(item.text)
        given = self.run.answers.get(item.key, -1)
        answers = self.query_one(OptionList)
        answers.highlighted = given if given is not None and given >= 0 else None
        skipped = item.key in self.run.answers and given is None
        self.query_one("#question-message", Static).update(
            say("question", "skipped") if skipped else ""
        )
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return self.position > 0
        return True

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_answer(event.option_index)

    def action_answer(self, answer: int) -> None:
        self._keep(answer)

    def action_skip(self) -> None:
        if self.run.answers.get(self.item.key) is not None:
            self._next()  # gone back to an answered one: moving on keeps its answer
        else:
            self._keep(None)

    def action_back(self) -> None:
        if self.position > 0:
            self.position -= 1
            self._draw()

    def action_leave(self) -> None:
        if self.run.answers:
            self.app.notify(say("question", "kept"), timeout=6)
        self.app.pop_screen()

    def _keep(self, answer: int | None) -> None:
        item = self.item
        run = self.run.answered(item.key, answer, position=self.position + 1)
        try:
            # On this thread: the answer is on disk before the next statement shows.
            q.keep_unfinished(self.session.unlocked, run)
        except VaultError as problem:
            self.query_one("#question-message", Static).update(str(problem))
            return
        self.run = run
        if answer is not None and item.asks_for_help(answer):
            from .safety_now import SafetyNowScreen

            self.app.push_screen(SafetyNowScreen(self.session), lambda _: self._next())
            return
        self._next()
        if answer is not None and item.offers_help(answer):
            # A lighter line, on the next statement: where help is, without stopping.
            help_key = help_label(self.session)
            self.query_one("#question-message", Static).update(
                say("question", "help_line", help=help_key)
            )

    def _next(self) -> None:
        if self.position + 1 < len(self.items):
            self.position += 1
            self._draw()
            return
        if self.run.is_complete(self.questionnaire):
            from .questionnaire_summary import SummaryScreen

            self.app.switch_screen(SummaryScreen(self.session, self.questionnaire, self.run))
            return
        # The last statement, with some earlier ones gone back to and left open: show the first.
        self.position = next(
            n for n, item in enumerate(self.items) if item.key not in self.run.answers
        )
        self._draw()
