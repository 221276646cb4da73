"""One section of the safety plan: what it is for, its checklist, its rows (trusted people,
code words, documents, legal notes) and free notes.

Checking, adding, changing, removing and moving are saved at once, durably, one change at a
time: there is nothing to remember. The notes are saved with Ctrl+S. Whatever is unsaved
(the notes, a change the disk refused, a half-typed item or row) is sealed as a draft by
panic, idle lock, quit or hang-up, and Escape asks before throwing it away.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static, TextArea

from styles import stylesheet
from tui import safety_plan
from tui.session import Session
from tui.vault import VaultError
from tui.visible import one_line

from ._emergency import EmergencyBar
from ._footer import CairnFooter
from ._keys import bind
from ._plain import PlainTextArea
from ._plan_list import ADD, CHANGE, DOWN, REMOVE, TOGGLE, UP, PlanList
from ._plan_screen import PlanScreen
from ._text import say
from .confirm import ask, leave_asking_first
from .plan_item import FormScreen, ItemScreen, RowScreen

DRAFT_KIND = "safety-plan-section"


class PlanSectionScreen(PlanScreen):
    CSS_PATH = stylesheet("plan_section.tcss")
    BINDINGS = [
        bind("plan-section-save", "save"),
        bind("plan-section-back", "leave"),
    ]
    draft_kind = DRAFT_KIND

    def __init__(
        self,
        session: Session,
        key: str,
        *,
        state: dict[str, Any] | None = None,
        add_row: bool = False,
    ) -> None:
        super().__init__(session)
        self._add_row = add_row  # open the form for a new row at once (help's "add a line")
        self.section = safety_plan.plan_content().section(key)
        self.kept = self.plan.section(key)  # as saved
        self.working = self.kept  # as shown; its notes live in the notes field
        self._form: tuple[str, int | None, FormScreen] | None = None
        self._restore_form: dict[str, Any] | None = None
        if state is not None:
            working = state.get("working")
            if isinstance(working, dict):
                self.working = safety_plan.SectionPlan.from_record(key, working)
            form = state.get("form")
            self._restore_form = form if isinstance(form, dict) else None

    # -- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield EmergencyBar(self.plan)
        rows = self.section.rows
        with VerticalScroll(id="section-body"):
            yield Static(self.section.title, classes="title", markup=False)
            yield Static(self.section.about, classes="about", markup=False)
            yield Static("", id="section-progress", markup=False)
            yield Label(say("plan.section", "checklist"), classes="field-label", markup=False)
            yield Static(say("plan.section", "checklist_keys"), classes="keys-hint", markup=False)
            yield PlanList(
                toggles=True, empty=say("plan.section", "empty_checklist"), id="section-checklist"
            )
            if rows is not None:
                hint = "ready_keys" if rows.ready else "rows_keys"
                yield Label(Content(rows.many.capitalize()), classes="field-label")
                yield Static(say("plan.section", hint), classes="keys-hint", markup=False)
                yield PlanList(
                    toggles=rows.ready is not None,
                    empty=say("plan.section", "no_rows", many=rows.many),
                    id="section-rows",
                )
            yield Label(say("plan.section", "notes"), classes="field-label", markup=False)
            yield Static(say("plan.section", "notes_hint"), classes="keys-hint", markup=False)
            yield PlainTextArea(self.working.notes, id="section-notes", soft_wrap=True)
        yield Static("", id="section-message", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        self.query_one("#section-notes", TextArea).cursor_blink = False
        # Focus at once so that a burst of keys lands in the list, then draw the cue.
        self.set_focus(self.query_one("#section-checklist", PlanList))
        self._draw()
        self.call_after_refresh(self.query_one("#section-body").scroll_home, animate=False)
        if self._restore_form is not None:
            self._reopen(self._restore_form)
        elif self._add_row and self.section.rows is not None:
            self._open_form("row", None)

    def _draw(self, highlight: tuple[str, int] | None = None) -> None:
        checklist = self.query_one("#section-checklist", PlanList)
        checklist.show(
            [_item_line(item) for item in self.working.checklist],
            highlight[1] if highlight and highlight[0] == "item" else None,
        )
        if self.section.rows is not None:
            self.query_one("#section-rows", PlanList).show(
                [_row_line(self.section.rows, row) for row in self.working.rows],
                highlight[1] if highlight and highlight[0] == "row" else None,
            )
        done = safety_plan.progress(self.section, self.current())
        status = say("plan.status", done.status)
        line = f"{status}: {safety_plan.describe(self.section, done)}"
        self.query_one("#section-progress", Static).update(line)

    # -- what the person asks of a list -------------------------------------------------

    @on(PlanList.Asked)
    def act(self, event: PlanList.Asked) -> None:
        is_rows = event.plan_list.id == "section-rows"
        index = event.index
        if event.verb == ADD:
            self._open_form("row" if is_rows else "item", None)
        elif index is None:
            return
        elif event.verb == CHANGE:
            self._open_form("row" if is_rows else "item", index)
        elif event.verb == TOGGLE:
            self._toggle(is_rows, index)
        elif event.verb in (UP, DOWN):
            self._move(is_rows, index, -1 if event.verb == UP else 1)
        elif event.verb == REMOVE:
            self._ask_to_remove(is_rows, index)

    def _toggle(self, is_rows: bool, index: int) -> None:
        if is_rows:
            rows = self.section.rows
            if rows is None or rows.ready is None:
                return
            row = dict(self.working.rows[index])
            row[rows.ready] = row.get(rows.ready) is not True
            self._change(rows=_put(self.working.rows, index, row), at=("row", index))
        else:
            item = self.working.checklist[index]
            item = safety_plan.ChecklistItem(item.text, not item.done)
            self._change(checklist=_put(self.working.checklist, index, item), at=("item", index))

    def _move(self, is_rows: bool, index: int, by: int) -> None:
        things: tuple[Any, ...] = self.working.rows if is_rows else self.working.checklist
        to = index + by
        if not 0 <= to < len(things):
            return
        moved = list(things)
        moved[index], moved[to] = moved[to], moved[index]
        where = ("row" if is_rows else "item", to)
        if is_rows:
            self._change(rows=tuple(moved), at=where)
        else:
            self._change(checklist=tuple(moved), at=where)

    def _ask_to_remove(self, is_rows: bool, index: int) -> None:
        if is_rows:
            assert self.section.rows is not None
            kind = self.section.rows
            what = one_line(str(self.working.rows[index][kind.title_field.key]))
        else:
            what = one_line(self.working.checklist[index].text)

        def remove() -> None:
            if is_rows:
                rows = self.working.rows[:index] + self.working.rows[index + 1 :]
                self._change(rows=rows, at=("row", index))
            else:
                items = self.working.checklist[:index] + self.working.checklist[index + 1 :]
                self._change(checklist=items, at=("item", index))

        ask(self, "plan.remove", keys=("yes", "no"), then=remove, what=what)

    # -- forms for one item or one row --------------------------------------------------

    def _open_form(self, kind: str, index: int | None, values: Any = None) -> None:
        form: FormScreen
        if kind == "row":
            rows = self.section.rows
            assert rows is not None
            title = say("plan.row", "add" if index is None else "change", one=rows.one)
            row = values if isinstance(values, dict) else None
            if row is None:
                row = safety_plan.blank_row(rows) if index is None else self.working.rows[index]
            form = RowScreen(rows, title, row, lambda got: self._keep_row(index, got))
        else:
            title = say("plan.item", "add" if index is None else "change")
            text = values if isinstance(values, str) else None
            if text is None:
                text = "" if index is None else self.working.checklist[index].text
            form = ItemScreen(title, text, lambda got: self._keep_item(index, got))
        self._form = (kind, index, form)

        def closed(_: None) -> None:
            self._form = None

        self.app.push_screen(form, closed)

    def _reopen(self, form: dict[str, Any]) -> None:
        kind, index = form.get("kind"), form.get("index")
        if kind == "item" or (kind == "row" and self.section.rows is not None):
            count = len(self.working.rows if kind == "row" else self.working.checklist)
            if not (index is None or (isinstance(index, int) and 0 <= index < count)):
                index = None
            self._open_form(str(kind), index, form.get("values"))

    def _keep_item(self, index: int | None, text: str) -> str | None:
        if not text.strip():
            return say("plan.item", "empty")
        items = self.working.checklist
        if index is None:
            items, at = (*items, safety_plan.ChecklistItem(text)), len(items)
        else:
            items, at = _put(items, index, replace(items[index], text=text)), index
        return self._change(checklist=items, at=("item", at), from_form=True)

    def _keep_row(self, index: int | None, row: safety_plan.Row) -> str | None:
        try:
            row = safety_plan.check_row(self.section.rows, row)
        except safety_plan.PlanRejected as problem:
            return str(problem)
        rows = self.working.rows
        if index is None:
            rows, at = (*rows, row), len(rows)
        else:
            rows, at = _put(rows, index, row), index
        return self._change(rows=rows, at=("row", at), from_form=True)

    # -- saving ---------------------------------------------------------------------------

    def current(self) -> safety_plan.SectionPlan:
        """The section as it stands on screen, notes included."""
        return replace(self.working, notes=self.query_one("#section-notes", TextArea).text)

    @property
    def unsaved(self) -> bool:
        return self.current() != self.kept

    def _change(self, at: tuple[str, int], from_form: bool = False, **changes: Any) -> str | None:
        """Apply one change and save it at once; the notes keep their own unsaved state.

        If the disk refuses, a change made in a form is taken back (its words stay in the
        form, with the reason); any other change stays on screen, unsaved, for Ctrl+S.
        """
        before = self.working
        self.working = replace(self.working, **changes)
        # On this thread, not a worker: the panic key then never finds a save half done.
        problem = self._save(replace(self.working, notes=self.kept.notes))
        if problem is not None and from_form:
            self.working = before
        self._draw(highlight=at)
        return problem

    def action_save(self) -> None:
        self._save(self.current())
        self._draw()

    def _save(self, section: safety_plan.SectionPlan) -> str | None:
        message = self.query_one("#section-message", Static)
        try:
            self.plan = safety_plan.save_section(self.session.unlocked, section)
        except (safety_plan.PlanRejected, VaultError) as problem:
            message.update(str(problem))  # the change stays on screen, unsaved
            return str(problem)
        self.kept = self.plan.section(self.section.key)
        self.working = replace(self.working, checklist=self.kept.checklist, rows=self.kept.rows)
        message.update(say("plan.section", "saved"))
        self.plan_changed()
        return None

    def action_leave(self) -> None:
        leave_asking_first(self, unsaved=self.unsaved, then=self.dismiss)

    def draft_state(self) -> dict[str, Any] | None:
        form = None
        if self._form is not None and self._form[2].changed:
            kind, index, screen = self._form
            form = {"kind": kind, "index": index, "values": screen.form_values()}
        if not self.unsaved and form is None:
            return None
        return {"section": self.section.key, "working": self.current().as_record(), "form": form}


def _put(things: tuple[Any, ...], index: int, thing: Any) -> tuple[Any, ...]:
    return (*things[:index], thing, *things[index + 1 :])


def _item_line(item: safety_plan.ChecklistItem) -> Content:
    mark = "[x] " if item.done else "[ ] "
    return Content.assemble((mark, "bold"), one_line(item.text))


def _row_line(kind: safety_plan.RowKind, row: safety_plan.Row) -> Content:
    parts: list[str] = []
    mark = ""
    for field in kind.fields:
        value = row.get(field.key)
        if field.kind == "check":
            mark = "[x] " if value is True else "[ ] "
        elif isinstance(value, str) and value.strip() and field is not kind.title_field:
            parts.append(one_line(value))
    title = one_line(str(row.get(kind.title_field.key, "")))
    rest = "".join(f"  ·  {part}" for part in parts)
    return Content.assemble((mark, "bold"), (title, "bold"), rest)
