"""The person's safety plan: which plan it is, when to review it, and each section's notes,
checklist and rows. Plain data; sections never changed from their defaults are not stored."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from ..words import Told
from .sections import RowKind, Section, plan_content

MAX_NOTES_CHARS = 1024 * 1024
MAX_LINE_CHARS = 2000  # one checklist item, one field of a row
MAX_ITEMS = 500  # checklist items, or rows, in one section

Row = dict[str, Any]  # field key -> text, or True/False for a check field


class PlanRejected(Told, ValueError):
    """The plan cannot be saved as it is; ``str()`` says why in one sentence."""


@dataclass(frozen=True)
class ChecklistItem:
    text: str
    done: bool = False


@dataclass(frozen=True)
class SectionPlan:
    """One section as the person keeps it."""

    key: str
    notes: str = ""
    checklist: tuple[ChecklistItem, ...] = ()
    rows: tuple[Row, ...] = ()

    @classmethod
    def default(cls, section: Section) -> SectionPlan:
        return cls(
            key=section.key,
            checklist=tuple(ChecklistItem(text) for text in section.checklist),
            rows=tuple(_complete_row(section.rows, row) for row in section.default_rows),
        )

    def as_record(self) -> dict[str, Any]:
        return {
            "notes": self.notes,
            "checklist": [{"text": item.text, "done": item.done} for item in self.checklist],
            "rows": [dict(row) for row in self.rows],
        }

    @classmethod
    def from_record(cls, key: str, record: Mapping[str, Any]) -> SectionPlan:
        items = record.get("checklist", [])
        return cls(
            key=key,
            notes=str(record.get("notes", "")),
            checklist=tuple(
                ChecklistItem(str(item.get("text", "")), bool(item.get("done", False)))
                for item in items
                if isinstance(item, dict)
            ),
            rows=tuple(
                _complete_row(plan_content().section(key).rows, row)
                for row in record.get("rows", [])
                if isinstance(row, dict)
            ),
        )


def _complete_row(kind: RowKind | None, row: Mapping[str, Any]) -> Row:
    """Every field of the kind present, check fields as True/False and text as text."""
    if kind is None:
        return dict(row)
    return {
        f.key: bool(row.get(f.key, False)) if f.kind == "check" else str(row.get(f.key, ""))
        for f in kind.fields
    }


def blank_row(kind: RowKind) -> Row:
    return _complete_row(kind, {})


@dataclass(frozen=True)
class SafetyPlan:
    mode: str | None = None  # "stay", "leave" or "after"; None until the person chooses
    review_by: str | None = None  # a day, 2026-12-24
    # The emergency number where the person lives, as they typed it ("112", "999"); None:
    # the shipped one (911, from the source), shown with the country it is for.
    emergency: str | None = None
    stored: Mapping[str, SectionPlan] = field(default_factory=dict)  # sections ever saved
    updated: str | None = None
    # sections a newer Cairn wrote and this one does not know: kept as they are, never shown
    unknown: Mapping[str, Any] = field(default_factory=dict)

    def section(self, key: str) -> SectionPlan:
        found = self.stored.get(key)
        return found if found is not None else SectionPlan.default(plan_content().section(key))

    def with_section(self, section: SectionPlan) -> SafetyPlan:
        return replace(self, stored={**self.stored, section.key: section})

    @property
    def review_day(self) -> date | None:
        return date.fromisoformat(self.review_by) if self.review_by else None

    def review_due(self, today: date) -> bool:
        day = self.review_day
        return day is not None and day <= today

    def trusted_people(self) -> tuple[Row, ...]:
        return self.section("people").rows

    def first_trusted(self) -> Row | None:
        people = self.trusted_people()
        return people[0] if people else None

    def own_lines(self) -> tuple[Row, ...]:
        """The lines and services the person added for where they live."""
        return self.section("lines").rows

    def as_record(self) -> dict[str, Any]:
        return {
            "mode": self.mode,
            "review_by": self.review_by,
            "emergency": self.emergency,
            "updated": self.updated,
            "sections": {
                **self.unknown,
                **{key: section.as_record() for key, section in self.stored.items()},
            },
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> SafetyPlan:
        known = {s.key for s in plan_content().sections}
        sections = record.get("sections", {})
        mode = record.get("mode")
        return cls(
            mode=mode if mode in {m.key for m in plan_content().modes} else None,
            review_by=_day_or_none(record.get("review_by")),
            emergency=_number_or_none(record.get("emergency")),
            stored={
                key: SectionPlan.from_record(key, value)
                for key, value in sections.items()
                if key in known and isinstance(value, dict)
            },
            updated=record.get("updated"),
            unknown={key: value for key, value in sections.items() if key not in known},
        )


MAX_NUMBER_CHARS = 40


def check_number(text: str) -> str | None:
    """An emergency number as typed ("112", "0800 123 456"), or None for the default.
    Raises PlanRejected for something that is not one."""
    number = " ".join(text.split())
    if not number:
        return None
    if len(number) > MAX_NUMBER_CHARS or not all(c.isdigit() or c in " +-().#*" for c in number):
        raise PlanRejected("plan.number_chars")
    if not any(c.isdigit() for c in number):
        raise PlanRejected("plan.number_digit")
    return number


def _number_or_none(value: Any) -> str | None:
    try:
        return check_number(value) if isinstance(value, str) else None
    except PlanRejected:
        return None


def _day_or_none(value: Any) -> str | None:
    try:
        return date.fromisoformat(value).isoformat() if isinstance(value, str) else None
    except ValueError:
        return None


def check_section(section: SectionPlan) -> SectionPlan:
    """The section as it will be stored, or PlanRejected with the one thing to fix."""
    definition = plan_content().section(section.key)
    if len(section.notes) > MAX_NOTES_CHARS:
        raise PlanRejected("plan.notes_long")
    if len(section.checklist) > MAX_ITEMS or len(section.rows) > MAX_ITEMS:
        raise PlanRejected("plan.too_many_items", most=MAX_ITEMS)
    for item in section.checklist:
        if not item.text.strip():
            raise PlanRejected("plan.item_empty")
        if len(item.text) > MAX_LINE_CHARS:
            raise PlanRejected("plan.item_long", most=MAX_LINE_CHARS)
    rows = tuple(check_row(definition.rows, row) for row in section.rows)
    return replace(section, rows=rows)


def check_row(kind: RowKind | None, row: Mapping[str, Any]) -> Row:
    if kind is None:
        raise PlanRejected("plan.no_rows")
    complete = _complete_row(kind, row)
    for f in kind.fields:
        value = complete[f.key]
        if f.kind == "text" and len(value) > MAX_LINE_CHARS:
            raise PlanRejected("plan.field_long", field=f.label, most=MAX_LINE_CHARS)
        if f.required and not value.strip():
            raise PlanRejected("plan.field_needed", field=f.label.lower(), row=kind.one)
    return complete
