"""A list in the safety plan (checklist items, or rows such as trusted people) driven from
the keyboard. It only asks; the section editor decides, changes the plan and redraws it."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ._keys import bind

TOGGLE, ADD, CHANGE, REMOVE, UP, DOWN = "toggle", "add", "change", "remove", "up", "down"


class PlanList(OptionList):
    DEFAULT_CSS = """
    PlanList {
        height: auto;
        max-height: 12;
    }
    """
    BINDINGS = [
        bind("plan-list-check", f"ask('{TOGGLE}')"),
        bind("plan-list-add", f"ask('{ADD}')"),
        bind("plan-list-remove", f"ask('{REMOVE}')"),
        bind("plan-list-up", f"ask('{UP}')", show=False),
        bind("plan-list-down", f"ask('{DOWN}')", show=False),
    ]

    @dataclass
    class Asked(Message):
        """The person asked for something on the highlighted line (None: an empty list)."""

        plan_list: PlanList
        verb: str
        index: int | None

        @property
        def control(self) -> PlanList:
            return self.plan_list

    def __init__(self, *, toggles: bool, empty: str, id: str) -> None:
        super().__init__(markup=False, id=id)
        self.toggles = toggles
        self.empty = empty
        self.count = 0

    def show(self, lines: list[Content], highlight: int | None = None) -> None:
        """Redraw with these lines, keeping the highlight where it was (or at ``highlight``)."""
        keep = self.highlighted if highlight is None else highlight
        self.count = len(lines)
        if lines:
            self.set_options(lines)
            self.highlighted = min(keep or 0, len(lines) - 1)
        else:
            self.set_options([Option(Content(self.empty), disabled=True)])
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "ask" and parameters:
            verb = parameters[0]
            if verb == TOGGLE and not self.toggles:
                return False
            if verb != ADD and self.count == 0:
                return None  # shown greyed: nothing to act on yet
        return True

    def action_ask(self, verb: str) -> None:
        index = self.highlighted if self.count else None
        self.post_message(self.Asked(self, verb, index))

    def action_select(self) -> None:  # Enter
        if self.count and self.highlighted is not None:
            self.post_message(self.Asked(self, CHANGE, self.highlighted))
