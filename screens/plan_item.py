"""Adding or changing one thing in the safety plan: a checklist item (one line) or a row (a
person, a code word, a document, a legal note). Enter or Ctrl+S keeps it and saves the plan;
if that fails the words stay here with the reason, and nothing is lost."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Static

from styles import stylesheet
from tui import safety_plan

from ._footer import MODAL_PANIC, CairnFooter
from ._keys import bind
from ._plain import PlainInput
from ._text import say
from .confirm import leave_asking_first

# Called with what was typed; returns one sentence when it could not be kept, else None.
Keep = Callable[[Any], str | None]


class FormScreen(ModalScreen[None]):
    offers_quick_note = False  # a question over the section; Ctrl+N waits until it is done
    CSS_PATH = stylesheet("plan_item.tcss")
    BINDINGS = [
        bind("plan-item-keep", "keep"),
        bind("plan-item-back", "leave"),
        # A priority binding runs as the key arrives, before later keys are handed to a
        # field: a burst ("Sam", Enter, "555") then puts each part in its own field. It only
        # moves the focus; on the last field Enter goes to the field, after its earlier keys.
        bind("plan-item-next", "next_field", show=False, priority=True),
        MODAL_PANIC,
    ]

    def __init__(self, title: str, keep: Keep) -> None:
        super().__init__()
        self.title_text = title
        self.keep = keep
        self._initial: Any = None

    def form_values(self) -> Any:
        raise NotImplementedError

    @property
    def changed(self) -> bool:
        return self.is_mounted and self.form_values() != self._initial

    def on_mount(self) -> None:
        self._initial = self.form_values()
        for field in self.query(Input):
            field.cursor_blink = False
        self.set_focus(self.query(Input).first())

    def action_keep(self) -> None:
        problem = self.keep(self.form_values())
        if problem is None:
            self.dismiss()
        else:
            self.query_one(".form-message", Static).update(problem)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_field":
            fields = list(self.query(Input))
            return self.focused in fields[:-1]
        return True

    def action_next_field(self) -> None:
        fields = list(self.query(Input))
        if self.focused in fields[:-1]:
            self.set_focus(fields[fields.index(self.focused) + 1])

    @on(Input.Submitted)
    def keep_on_the_last_field(self, event: Input.Submitted) -> None:
        if event.input is list(self.query(Input))[-1]:
            self.action_keep()

    def action_leave(self) -> None:
        leave_asking_first(self, unsaved=self.changed, then=self.dismiss)


class ItemScreen(FormScreen):
    """One checklist item."""

    def __init__(self, title: str, text: str, keep: Keep) -> None:
        super().__init__(title, keep)
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box"):
            yield Static(self.title_text, classes="title", markup=False)
            yield PlainInput(self.text, id="item-text")
            yield Static(say("plan.item", "hint"), classes="form-hint", markup=False)
            yield Static("", classes="form-message", markup=False)
        yield CairnFooter()

    def form_values(self) -> str:
        return self.query_one("#item-text", Input).value


class RowScreen(FormScreen):
    """One row: a trusted person, a code word, a document or a legal note."""

    def __init__(
        self, kind: safety_plan.RowKind, title: str, row: safety_plan.Row, keep: Keep
    ) -> None:
        super().__init__(title, keep)
        self.kind = kind
        self.row = row

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box"):
            yield Static(self.title_text, classes="title", markup=False)
            with VerticalScroll(classes="form-fields"):
                for field in self.kind.fields:
                    value = self.row.get(field.key)
                    if field.kind == "check":
                        yield Checkbox(Content(field.label), value is True, id=f"row-{field.key}")
                        continue
                    yield Label(Content(field.label), classes="field-label")
                    yield PlainInput(str(value or ""), id=f"row-{field.key}")
                    if field.hint:
                        yield Static(field.hint, classes="form-hint", markup=False)
            yield Static(say("plan.row", "hint"), classes="form-hint", markup=False)
            yield Static("", classes="form-message", markup=False)
        yield CairnFooter()

    def form_values(self) -> safety_plan.Row:
        values: safety_plan.Row = {}
        for field in self.kind.fields:
            if field.kind == "check":
                values[field.key] = self.query_one(f"#row-{field.key}", Checkbox).value
            else:
                values[field.key] = self.query_one(f"#row-{field.key}", Input).value
        return values
