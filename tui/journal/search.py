"""Finding entries: filters by phase, tag and dates, and incremental full-text search.

An index holds each entry's searchable text once, folded for case and accents ("dia" finds
"día", "jose" finds "José"), so that each keystroke of a search is one pass of substring
tests over plain strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..fold import fold
from .entry import DAILY_TEXT_FIELDS, TEXT_FIELDS, JournalEntry
from .when import local_day


@dataclass(frozen=True)
class Filter:
    words: str = ""
    phase: str | None = None
    tag: str | None = None
    start: date | None = None  # inclusive
    end: date | None = None  # inclusive

    @property
    def is_empty(self) -> bool:
        return self == Filter()


def _folded(entry: JournalEntry) -> str:
    parts = [getattr(entry, name) for name in (*TEXT_FIELDS, *DAILY_TEXT_FIELDS)]
    parts.extend(entry.tags)
    return fold("\n".join(parts))


class JournalIndex:
    """The entries, newest first, ready to be filtered quickly."""

    def __init__(self, entries: list[JournalEntry]) -> None:
        self.entries = entries
        self._text = [_folded(entry) for entry in entries]
        self._days = [local_day(entry.occurred) for entry in entries]

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, wanted: Filter) -> list[JournalEntry]:
        words = fold(wanted.words).split()
        tag = fold(wanted.tag).strip() if wanted.tag else None
        found: list[JournalEntry] = []
        for entry, text, day in zip(self.entries, self._text, self._days, strict=True):
            if wanted.phase is not None and entry.phase != wanted.phase:
                continue
            if wanted.start is not None and day < wanted.start:
                continue
            if wanted.end is not None and day > wanted.end:
                continue
            if tag is not None and tag not in (fold(t) for t in entry.tags):
                continue
            if words and not all(word in text for word in words):
                continue
            found.append(entry)
        return found
