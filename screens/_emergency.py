"""The line at the top of every safety screen: the emergency number, the hotline and the
person's first trusted contact, so help is never more than a glance away."""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.widgets import Static

from tui import safety_plan
from tui.visible import one_line

from ._text import discreet, say


def own_numbers(plan: safety_plan.SafetyPlan) -> list[tuple[str, str]]:
    """(short name, number) of the person's own emergency number and lines, theirs first."""
    found: list[tuple[str, str]] = []
    if plan.emergency:
        found.append((say("plan", "own_emergency"), plan.emergency))
    for row in plan.own_lines():
        name, number = one_line(str(row.get("name", ""))), one_line(str(row.get("number", "")))
        if number.strip():
            found.append((name, number))
    return found


def emergency_line(plan: safety_plan.SafetyPlan) -> Content:
    """The person's own number and first line, then the shipped numbers, then the first
    trusted person."""
    own = own_numbers(plan)[:2]
    shipped = [
        (say("plan", "shipped_short", short=n.short) if plan.emergency else n.short, n.number)
        for n in safety_plan.plan_content().numbers
    ]
    if discreet():  # the numbers alone: their names are what a glance would read
        own, shipped = [("", number) for _, number in own], [("", n) for _, n in shipped]
    numbers = "  ·  ".join(f"{short} {number}".strip() for short, number in [*own, *shipped])
    first = plan.first_trusted()
    if first is None:
        trusted = say("plan", "no_trusted")
    else:
        name, reach = one_line(str(first["name"])), one_line(str(first["reach"]))
        trusted = say("plan", "trusted", name=name, reach=reach) if reach else name
        trusted = say("plan", "trusted_label") + trusted
    return Content.assemble((numbers, "bold"), "  ·  ", trusted)


class EmergencyBar(Static):
    DEFAULT_CSS = """
    EmergencyBar {
        dock: top;
        height: auto;
        max-height: 2;
        padding: 0 1;
        background: $error-muted;
        color: $text;
    }
    """

    def __init__(self, plan: safety_plan.SafetyPlan) -> None:
        super().__init__(emergency_line(plan), markup=False)

    def show(self, plan: safety_plan.SafetyPlan) -> None:
        self.update(emergency_line(plan))


def number_lines(numbers: Iterable[safety_plan.Number]) -> Content:
    """One number per line, the number first so it is found at a glance."""
    return Content("\n").join(
        Content.assemble((f"{n.number:<14}", "bold"), n.label) for n in numbers
    )


def own_number_lines(plan: safety_plan.SafetyPlan) -> Content | None:
    """The person's own emergency number and lines, one per line, or None if they have
    none yet."""
    rows: list[tuple[str, str, str]] = []
    if plan.emergency:
        rows.append((plan.emergency, say("plan", "own_emergency"), ""))
    for row in plan.own_lines():
        number = one_line(str(row.get("number", "")))
        name, when = one_line(str(row.get("name", ""))), one_line(str(row.get("when", "")))
        rows.append((number, name, when))
    if not rows:
        return None
    lines = []
    for number, name, when in rows:
        parts: list[str | tuple[str, str]] = [(f"{number:<14}", "bold"), name]
        if when.strip():
            parts += ["  ·  ", (when, "dim")]
        lines.append(Content.assemble(*parts))
    return Content("\n").join(lines)


def contact_lines(rows: Iterable[tuple[str, str, str]], indent: str = "") -> Content:
    """One contact per line: the name in bold, how to reach them, then a note; all literal."""
    lines = []
    for name, reach, note in rows:
        parts: list[str | tuple[str, str]] = [indent, (one_line(name), "bold")]
        if reach.strip():
            parts += ["  ", one_line(reach)]
        if note.strip():
            parts += ["  ·  ", (one_line(note), "dim")]
        lines.append(Content.assemble(*parts))
    return Content("\n").join(lines)
