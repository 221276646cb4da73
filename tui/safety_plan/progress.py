"""How complete each section is: what is filled in and what is still open. A description,
never a score."""

from __future__ import annotations

from dataclasses import dataclass

from ..words import plural, say
from .plan import SectionPlan
from .sections import Section

# Ids of [plan.status] in screens.toml.
NOT_STARTED, STARTED, DONE = "not_started", "started", "done"


@dataclass(frozen=True)
class Progress:
    checked: int
    items: int
    rows: int
    ready: int | None  # rows marked ready, for a kind that tracks it (documents)
    notes: bool
    open_items: tuple[str, ...]  # checklist items not yet checked
    touched: bool  # anything differs from the section as it first comes

    @property
    def status(self) -> str:
        if self.is_done:
            return DONE
        return STARTED if self.touched else NOT_STARTED

    @property
    def is_done(self) -> bool:
        if self.items == 0 and self.rows == 0:
            return self.notes
        all_checked = self.checked == self.items
        rows_ready = self.ready is None or self.ready == self.rows
        return all_checked and rows_ready


def progress(section: Section, plan: SectionPlan) -> Progress:
    ready = None
    if section.rows is not None and section.rows.ready is not None:
        ready = sum(1 for row in plan.rows if row.get(section.rows.ready) is True)
    return Progress(
        checked=sum(1 for item in plan.checklist if item.done),
        items=len(plan.checklist),
        rows=len(plan.rows),
        ready=ready,
        notes=bool(plan.notes.strip()),
        open_items=tuple(item.text for item in plan.checklist if not item.done),
        touched=plan != SectionPlan.default(section),
    )


def describe(section: Section, done: Progress) -> str:
    """One line: "3 of 5 checked, 2 people, notes written"."""
    parts = []
    if done.items:
        parts.append(say("plan.progress.checked", checked=done.checked, items=done.items))
    if section.rows is not None:
        kind = section.rows
        if done.ready is not None and done.rows:
            parts.append(
                say("plan.progress.ready", ready=done.ready, rows=done.rows, many=kind.many)
            )
        else:
            parts.append(plural("plan.progress.rows", done.rows, one=kind.one, many=kind.many))
    parts.append(say("plan.progress.notes" if done.notes else "plan.progress.no_notes"))
    return say("plan.progress.separator").join(parts)
