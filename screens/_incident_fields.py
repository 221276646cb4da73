"""The fields of one journal entry, shared by the entry editor and the daily page."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.suggester import Suggester
from textual.widgets import Input, Label, Select, TextArea

from tui import journal

from ._plain import PlainInput, PlainTextArea
from ._text import say

# Multi-line fields and their heights; every other field is one line.
AREAS = {"text": 6, "said": 3, "afterwards": 3, "felt": 3}
PLAIN = ("where", "who", "evidence")


class TagSuggester(Suggester):
    """Completes the tag being typed (after the last comma) from tags used before."""

    def __init__(self, tags: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.tags = tags

    async def get_suggestion(self, value: str) -> str | None:
        head, _, current = value.rpartition(",")
        typed = current.lstrip()
        if not typed:
            return None
        for tag in self.tags:
            if tag.casefold().startswith(typed.casefold()) and tag != typed:
                prefix = f"{head}, " if head else ""
                return prefix + tag
        return None


def field_label(key: str) -> Label:
    return Label(journal.labels()[key], classes="field-label", markup=False)


def text_area(key: str, text: str = "") -> PlainTextArea:
    area = PlainTextArea(text, id=f"field-{key}", classes="field-area", soft_wrap=True)
    area.styles.height = AREAS[key] + 2
    area.cursor_blink = False
    area.show_line_numbers = False
    return area


class IncidentFields(Vertical):
    """When, where, who, what happened, what was said, phase, tags, afterwards, how I felt,
    where evidence is kept. Values are plain text; nothing typed is read as markup."""

    DEFAULT_CSS = """
    IncidentFields { height: auto; }
    IncidentFields .field-label { margin-top: 1; text-style: bold; }
    IncidentFields Input, IncidentFields Select { width: 100%; }
    """

    def __init__(self, tags: list[str], *, show_when: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.tags = tags
        self.show_when = show_when

    def compose(self) -> ComposeResult:
        for item in journal.entry_fields():
            key = item.key
            if key == "occurred" and not self.show_when:
                continue
            yield field_label(key)
            if key in AREAS:
                yield text_area(key)
            elif key == "phase":
                options = [(phase.label, phase.id) for phase in journal.phases()]
                yield Select(options, id="field-phase", prompt=say("entry", "no_phase"))
            elif key == "tags":
                yield PlainInput(id="field-tags", suggester=TagSuggester(self.tags))
            else:
                yield PlainInput(id=f"field-{key}")

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = False

    # -- reading and writing ------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """What is on screen now, as plain strings (and the phase id or None)."""
        found: dict[str, Any] = {}
        for key in AREAS:
            found[key] = self.query_one(f"#field-{key}", TextArea).text
        for key in (*PLAIN, "tags"):
            found[key] = self.query_one(f"#field-{key}", Input).value
        if self.show_when:
            found["occurred"] = self.query_one("#field-occurred", Input).value
        phase = self.query_one("#field-phase", Select).value
        found["phase"] = phase if isinstance(phase, str) else None
        return found

    def fill(self, values: dict[str, Any]) -> None:
        for key in AREAS:
            if isinstance(values.get(key), str):
                self.query_one(f"#field-{key}", TextArea).load_text(values[key])
        for key in (*PLAIN, "tags", "occurred"):
            if isinstance(values.get(key), str) and (key != "occurred" or self.show_when):
                self.query_one(f"#field-{key}", Input).value = values[key]
        phase = values.get("phase")
        select: Select[str] = self.query_one("#field-phase", Select)
        if phase in journal.phase_ids():
            select.value = phase
        else:
            select.clear()


def entry_values(entry: journal.JournalEntry) -> dict[str, Any]:
    """An entry as the strings its fields show."""
    values: dict[str, Any] = {key: getattr(entry, key) for key in (*AREAS, *PLAIN)}
    values["tags"] = ", ".join(entry.tags)
    values["occurred"] = journal.editable(entry.occurred)
    values["phase"] = entry.phase
    return values


def apply_values(entry: journal.JournalEntry, values: dict[str, Any]) -> journal.JournalEntry:
    """The entry with the fields' values; raises BadTime for a time that cannot be read."""
    changes: dict[str, Any] = {key: values[key] for key in (*AREAS, *PLAIN) if key in values}
    if "tags" in values:
        changes["tags"] = journal.split_tags(values["tags"])
    if "phase" in values:
        changes["phase"] = values["phase"]
    # An unchanged time keeps its stored form (seconds, offset): no new version for nothing.
    if "occurred" in values and values["occurred"].strip() != journal.editable(entry.occurred):
        changes["occurred"] = journal.parse_when(values["occurred"])
    return entry.edited(**changes)
