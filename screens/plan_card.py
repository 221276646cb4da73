"""The plan's essentials on one screen: numbers, trusted people and their check-in, code
words, the go-bag and the documents. Made to be read at a glance, or copied by hand."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from styles import stylesheet
from tui import safety_plan
from tui.dates import long_date
from tui.visible import one_line

from ._emergency import own_numbers
from ._footer import CairnFooter
from ._keys import bind
from ._plan_screen import PlanScreen
from ._text import say


def card_text(plan: safety_plan.SafetyPlan, *, meanings: bool = False) -> Content:
    """The card. Code words are shown without what they mean unless ``meanings``: the card
    is the screen most likely to be read over a shoulder."""
    facts = safety_plan.essentials(plan)
    lines: list[Content | str | tuple[str, str]] = []

    def heading(text: str) -> None:
        lines.extend([(text, "bold"), "\n"])

    heading(say("plan.card", "numbers"))
    for short, number in own_numbers(plan):  # the person's own, for where they live, first
        lines.extend([f"  {short}: ", (number, "bold"), "\n"])
    for n in facts.numbers:
        lines.extend([f"  {n.label}: ", (n.number, "bold"), "\n"])
    source = say("plan.card", "source", source=safety_plan.plan_content().source_short)
    lines.extend([("  " + source, "dim"), "\n\n"])
    heading(say("plan.card", "people"))
    if not facts.people:
        lines.extend(["  " + say("plan.card", "no_people"), "\n"])
    for name, reach, check_in in facts.people:
        parts = [one_line(reach)] if reach.strip() else []
        if check_in.strip():
            parts.append(say("plan.card", "check_in", text=one_line(check_in)))
        rest = "".join(f"; {part}" for part in parts)
        lines.extend(["  ", (one_line(name), "bold"), rest, "\n"])
    if facts.more_people:
        lines.extend(["  " + say("plan.card", "more_people", count=facts.more_people), "\n"])
    lines.append("\n")
    heading(say("plan.card", "code_words"))
    if not facts.code_words:
        lines.extend(["  " + say("plan.card", "no_code_words"), "\n"])
    for word, meaning in facts.code_words:
        if not meaning.strip():
            means = ""
        elif meanings:
            means = f": {one_line(meaning)}"
        else:
            means = ": " + say("plan.card", "meaning_hidden")
        lines.extend(["  ", (one_line(word), "bold"), means, "\n"])
    if facts.more_code_words:
        count = facts.more_code_words
        lines.extend(["  " + say("plan.card", "more_code_words", count=count), "\n"])
    lines.append("\n")
    packed, items = facts.go_bag
    lines.extend([say("plan.card", "go_bag", packed=packed, items=items), "\n"])
    if facts.documents_ready:
        names = ", ".join(one_line(name) for name in facts.documents_ready)
        lines.extend([say("plan.card", "ready", names=names), "\n"])
    if facts.documents_missing:
        names = ", ".join(one_line(name) for name in facts.documents_missing)
        lines.extend([say("plan.card", "not_ready", names=names), "\n"])
    if not facts.documents_ready and not facts.documents_missing:
        lines.extend([say("plan.card", "no_documents"), "\n"])
    if plan.review_day is not None:
        lines.extend([say("plan.card", "review", day=long_date(plan.review_day)), "\n"])
    return Content.assemble(*lines).rstrip()


class PlanCardScreen(PlanScreen):
    CSS_PATH = stylesheet("plan_card.tcss")
    BINDINGS = [
        bind("plan-card-meanings", "meanings"),
        bind("plan-card-print", "print"),
        bind("plan-card-back", "app.pop_screen"),
    ]
    meanings = False

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="card-body"):
            yield Static(say("plan.card", "title"), classes="title", markup=False)
            yield Static(card_text(self.plan), id="card-text", markup=False)
            yield Static(say("plan.card", "keys"), classes="keys-hint", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#card-body"))

    def action_meanings(self) -> None:
        """M shows what the code words mean; M again hides it."""
        self.meanings = not self.meanings
        self.query_one("#card-text", Static).update(card_text(self.plan, meanings=self.meanings))

    def action_print(self) -> None:
        from .plan_print import PlanPrintScreen

        self.app.push_screen(PlanPrintScreen(self.session))
