"""The plan's sections, plans, row kinds and numbers, read from tui/content/safety_plan.toml.

The file is checked when it is loaded: a problem names the file and the place in it, so a
mistake in the content is found at once and never shows up as a half-drawn screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..content.bundle import content
from ..content.checks import ContentProblem, TableReader, parse_toml

CONTENT_FILE = "safety_plan.toml"
FIELD_KINDS = ("text", "check")


class PlanContentProblem(ContentProblem):
    """The plan's content file is not usable; ``str()`` names the file and the place."""


@dataclass(frozen=True)
class RowField:
    key: str
    label: str
    hint: str = ""
    required: bool = False
    kind: str = "text"  # "check": a yes or no, stored as True or False


@dataclass(frozen=True)
class RowKind:
    key: str
    one: str  # "person"
    many: str  # "people"
    fields: tuple[RowField, ...]
    ready: str | None = None  # a "check" field that says a row is ready (documents)

    @property
    def title_field(self) -> RowField:
        return self.fields[0]


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    about: str
    leads: tuple[str, ...]  # the plans this section comes first in
    checklist: tuple[str, ...]
    rows: RowKind | None = None
    default_rows: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class Mode:
    key: str
    title: str
    about: str


@dataclass(frozen=True)
class Number:
    label: str
    short: str  # where the line is narrow: the bar on every safety screen
    number: str
    source: str


@dataclass(frozen=True)
class PlanContent:
    sections: tuple[Section, ...]
    modes: tuple[Mode, ...]
    numbers: tuple[Number, ...]
    source: str
    source_short: str
    # the card for a trusted person: its sentences by key, and its two lists (do, dont)
    trusted_card: dict[str, str] = field(default_factory=dict)
    trusted_lists: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def section(self, key: str) -> Section:
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)

    def mode(self, key: str) -> Mode:
        for mode in self.modes:
            if mode.key == key:
                return mode
        raise KeyError(key)

    def ordered(self, mode: str | None) -> tuple[tuple[Section, ...], tuple[Section, ...]]:
        """The sections that lead for this plan, and the others (both in the file's order)."""
        if mode is None:
            return self.sections, ()
        leading = tuple(s for s in self.sections if mode in s.leads)
        return leading, tuple(s for s in self.sections if mode not in s.leads)


def _row_kind(key: str, table: Any, name: str) -> RowKind:
    read = TableReader(table, f"[rows.{key}]", name, PlanContentProblem)
    read.only("one", "many", "field", "ready")
    fields = []
    for number, raw in enumerate(read.tables("field"), start=1):
        each = TableReader(raw, f"[rows.{key}] field {number}", name, PlanContentProblem)
        each.only("key", "label", "hint", "required", "kind")
        kind = each.text("kind", "text")
        if kind not in FIELD_KINDS:
            raise each.problem(f"'kind' should be one of {', '.join(FIELD_KINDS)}.")
        required = each.flag("required")
        fields.append(
            RowField(
                key=each.text("key"),
                label=each.text("label"),
                hint=each.text("hint", ""),
                required=required,
                kind=kind,
            )
        )
    if not fields or fields[0].kind != "text" or not fields[0].required:
        raise read.problem("the first field names the row, so it should be required text.")
    keys = [f.key for f in fields]
    if len(set(keys)) != len(keys):
        raise read.problem("two fields share a key.")
    ready = table.get("ready")
    if ready is not None and not any(f.key == ready and f.kind == "check" for f in fields):
        raise read.problem("'ready' should name one of its check fields.")
    return RowKind(key, read.text("one"), read.text("many"), tuple(fields), ready)


def _section(
    number: int, raw: Any, kinds: dict[str, RowKind], modes: set[str], name: str
) -> Section:
    read = TableReader(raw, f"section {number}", name, PlanContentProblem)
    read.only("key", "title", "about", "leads", "checklist", "rows", "default_rows")
    key = read.text("key")
    read.where = f"section '{key}'"
    leads = read.texts("leads")
    for mode in leads:
        if mode not in modes:
            raise read.problem(f"'leads' names '{mode}', which is not a plan.")
    rows = None
    if "rows" in raw:
        rows = kinds.get(read.text("rows"))
        if rows is None:
            raise read.problem(f"'rows' names '{raw['rows']}', which is not a row kind.")
    defaults = read.tables("default_rows")
    if defaults and rows is None:
        raise read.problem("'default_rows' needs 'rows'.")
    known = {f.key for f in rows.fields} if rows else set()
    title_key = rows.title_field.key if rows else ""
    for row in defaults:
        if not isinstance(row, dict) or not set(row) <= known or not row.get(title_key):
            raise read.problem("each default row should use its kind's fields and name the row.")
    return Section(
        key=key,
        title=read.text("title"),
        about=read.text("about"),
        leads=leads,
        checklist=read.texts("checklist"),
        rows=rows,
        default_rows=tuple(dict(row) for row in defaults),
    )


def parse_content(data: dict[str, Any], name: str = CONTENT_FILE) -> PlanContent:
    """Check the file's data and build the content; raises PlanContentProblem."""
    top = TableReader(data, "the top level", name, PlanContentProblem)
    top.only("source", "number", "mode", "rows", "section", "trusted_card")
    source = TableReader(data.get("source"), "[source]", name, PlanContentProblem)
    source.only("title", "short")
    card = TableReader(data.get("trusted_card"), "[trusted_card]", name, PlanContentProblem)
    card_keys = ("title", "intro", "code_words", "no_code_words", "emergency", "do_heading",
                 "dont_heading", "thanks")  # fmt: skip
    card.only(*card_keys, "do", "dont")
    trusted_card = {key: card.text(key) for key in card_keys}
    trusted_lists = {key: card.texts(key) for key in ("do", "dont")}
    modes = []
    for number, raw in enumerate(top.tables("mode"), start=1):
        read = TableReader(raw, f"plan {number}", name, PlanContentProblem)
        read.only("key", "title", "about")
        modes.append(Mode(read.text("key"), read.text("title"), read.text("about")))
    if not modes:
        raise top.problem("there should be at least one plan ([[mode]]).")
    numbers = []
    for number, raw in enumerate(top.tables("number"), start=1):
        read = TableReader(raw, f"number {number}", name, PlanContentProblem)
        read.only("label", "short", "number", "source")
        numbers.append(
            Number(read.text("label"), read.text("short"), read.text("number"), read.text("source"))
        )
    row_tables = data.get("rows", {})
    if not isinstance(row_tables, dict):
        raise top.problem("'rows' should be a table of row kinds.")
    kinds = {key: _row_kind(key, table, name) for key, table in row_tables.items()}
    sections = [
        _section(number, raw, kinds, {m.key for m in modes}, name)
        for number, raw in enumerate(top.tables("section"), start=1)
    ]
    if not sections:
        raise top.problem("there should be at least one section ([[section]]).")
    keys = [s.key for s in sections]
    if len(set(keys)) != len(keys):
        raise top.problem("two sections share a key.")
    return PlanContent(
        sections=tuple(sections),
        modes=tuple(modes),
        numbers=tuple(numbers),
        source=source.text("title"),
        source_short=source.text("short"),
        trusted_card=trusted_card,
        trusted_lists=trusted_lists,
    )


def parse_content_text(text: str, name: str = CONTENT_FILE) -> PlanContent:
    return parse_content(parse_toml(text, name, PlanContentProblem), name)


def plan_content() -> PlanContent:
    """The plan's sections, plans and numbers, from the one content bundle."""
    return content().safety_plan
