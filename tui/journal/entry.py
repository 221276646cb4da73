"""One journal entry: its fields, how it is stored, and what makes it acceptable."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

from ..content.bundle import content
from ..content.checks import TableReader
from ..words import Told
from .phases import phase_ids
from .when import BadTime, check_stored

MAX_TEXT_CHARS = 4 * 1024 * 1024
MAX_TAG_CHARS = 60
KINDS = ("entry", "daily")


class EntryRejected(Told, ValueError):
    """The entry cannot be saved as it is; ``str()`` says why in one sentence."""


@dataclass(frozen=True)
class FieldText:
    key: str
    label: str
    hint: str


def parse_fields(journal: TableReader, group: str) -> tuple[FieldText, ...]:
    """The fields of one kind ([[field]] or [[daily]]) in journal.toml, checked."""
    found = []
    for number, table in enumerate(journal.tables(group), 1):
        field_table = journal.within(table, f"[[{group}]] number {number}")
        field_table.only("key", "label", "hint")
        found.append(
            FieldText(
                key=field_table.text("key"),
                label=field_table.text("label"),
                hint=field_table.text("hint"),
            )
        )
    if not found:
        raise journal.problem(f"there is no [[{group}]].")
    return tuple(found)


def entry_fields() -> tuple[FieldText, ...]:
    return content().entry_fields


def daily_fields() -> tuple[FieldText, ...]:
    return content().daily_fields


def labels() -> dict[str, str]:
    return {f.key: f.label for f in (*entry_fields(), *daily_fields())}


# The free-text fields, in the order they are shown; all of them are searched.
TEXT_FIELDS = ("text", "said", "where", "who", "afterwards", "felt", "evidence")
DAILY_TEXT_FIELDS = ("today", "self_care")


@dataclass(frozen=True)
class JournalEntry:
    """What the person wrote about one event, or one day's check-in (kind ``daily``)."""

    id: str
    created: str  # ISO 8601 with offset; fixed when first saved, never changed
    occurred: str  # ISO 8601 with offset: when it happened
    text: str = ""  # what happened: the facts
    kind: str = "entry"
    where: str = ""
    who: str = ""
    said: str = ""
    phase: str | None = None
    tags: tuple[str, ...] = ()
    afterwards: str = ""
    felt: str = ""
    evidence: str = ""
    today: str = ""  # daily page only
    self_care: str = ""  # daily page only
    happened: bool = False  # daily page: something happened today (the incident fields)
    version: int = 1
    updated: str | None = None  # when this version was saved, for versions after the first
    history: tuple[JournalEntry, ...] = field(default=(), compare=False)

    @property
    def first_line(self) -> str:
        for source in (self.text, self.today, self.self_care):
            for line in source.splitlines():
                if line.strip():
                    return line.strip()
        return ""

    @property
    def is_daily(self) -> bool:
        return self.kind == "daily"

    def content_record(self) -> dict[str, Any]:
        """This version's fields, without earlier versions: what the record chain hashes."""
        record: dict[str, Any] = {}
        for item in fields(self):
            if item.name == "history":
                continue
            value = getattr(self, item.name)
            record[item.name] = list(value) if item.name == "tags" else value
        return record

    def full_record(self) -> dict[str, Any]:
        """Every field and every earlier version, defaults included: the export form."""
        record = self.content_record()
        record["history"] = [version.content_record() for version in self.history]
        return record

    def as_record(self) -> dict[str, Any]:
        """The stored form: fields left at their defaults are not written (every save
        serialises the whole journal, so empty fields would cost time at every save).
        ``from_record`` puts them back; the chain hashes the full ``content_record``."""
        record = _sparse(self.content_record())
        if self.history:
            record["history"] = [_sparse(version.content_record()) for version in self.history]
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> JournalEntry:
        """Read a stored entry; fields an older Cairn did not write take their defaults."""
        values = {key: value for key, value in record.items() if key in _FIELD_NAMES}
        values["tags"] = tuple(values.get("tags") or ())
        values["history"] = tuple(
            cls.from_record(dict(version)) for version in values.get("history") or ()
        )
        return cls(**values)

    def edited(self, **changes: Any) -> JournalEntry:
        return replace(self, **changes)


_ALWAYS_STORED = frozenset({"id", "created", "occurred", "text"})


def _sparse(record: dict[str, Any]) -> dict[str, Any]:
    return {
        key: value
        for key, value in record.items()
        if key in _ALWAYS_STORED or value != _DEFAULTS.get(key)
    }


def clean_tags(tags: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Trimmed, without empties or repeats (ignoring case), in the order given."""
    kept: list[str] = []
    seen: set[str] = set()
    for tag in tags:
        tag = " ".join(tag.split())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            kept.append(tag)
    return tuple(kept)


def split_tags(text: str) -> tuple[str, ...]:
    return clean_tags(text.split(","))


def validate(entry: JournalEntry) -> JournalEntry:
    """The entry as it will be stored, or EntryRejected with one sentence."""
    if entry.kind not in KINDS:
        raise EntryRejected("journal.unknown_kind", kind=entry.kind)
    for name in (*TEXT_FIELDS, *DAILY_TEXT_FIELDS):
        if len(getattr(entry, name)) > MAX_TEXT_CHARS:
            raise EntryRejected("journal.too_long", field=labels()[name])
    if entry.is_daily:
        if entry.happened and not entry.text.strip():
            raise EntryRejected("journal.daily_happened_empty")
        if not any(getattr(entry, name).strip() for name in (*TEXT_FIELDS, *DAILY_TEXT_FIELDS)):
            raise EntryRejected("journal.daily_empty")
    elif not entry.text.strip():
        raise EntryRejected("journal.empty")
    if entry.phase is not None and entry.phase not in phase_ids():
        raise EntryRejected("journal.unknown_phase", phase=entry.phase)
    for moment in (entry.created, entry.occurred):
        try:
            check_stored(moment)
        except BadTime as problem:
            raise EntryRejected(problem) from None
    tags = clean_tags(entry.tags)
    for tag in tags:
        if "," in tag:
            raise EntryRejected("journal.tag_comma")
        if len(tag) > MAX_TAG_CHARS:
            raise EntryRejected("journal.tag_long", most=MAX_TAG_CHARS)
    return replace(entry, tags=tags)


_DEFAULTS: dict[str, Any] = {
    item.name: ([] if item.name == "tags" else item.default)
    for item in fields(JournalEntry)
    if item.name not in _ALWAYS_STORED
}

_FIELD_NAMES = frozenset(item.name for item in fields(JournalEntry))
