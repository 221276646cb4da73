"""The journal: factual entries kept in the vault's ``journal`` table. Plain data, no UI."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from .content import load_toml
from .vault import Vault

TABLE = "journal"
MAX_TEXT_CHARS = 4 * 1024 * 1024


@dataclass(frozen=True)
class Phase:
    id: str
    label: str
    describe: str


def load_phases() -> tuple[Phase, ...]:
    return tuple(
        Phase(id=str(p["id"]), label=str(p["label"]), describe=str(p["describe"]))
        for p in load_toml("phases.toml")["phase"]
    )


PHASES = load_phases()
PHASE_IDS = frozenset(phase.id for phase in PHASES)


class EntryRejected(ValueError):
    """The entry cannot be saved as it is; ``str()`` says why in one sentence."""


@dataclass(frozen=True)
class JournalEntry:
    id: str
    created: str  # ISO 8601 with offset, fixed when first saved
    occurred: str  # ISO 8601 with offset: when it happened
    text: str
    phase: str | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)

    def as_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "created": self.created,
            "occurred": self.occurred,
            "text": self.text,
            "phase": self.phase,
            "tags": list(self.tags),
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> JournalEntry:
        return cls(
            id=str(record["id"]),
            created=str(record["created"]),
            occurred=str(record["occurred"]),
            text=str(record["text"]),
            phase=record.get("phase"),
            tags=tuple(record.get("tags", ())),
        )


def now() -> str:
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


def add_entry(
    vault: Vault,
    text: str,
    *,
    occurred: str | None = None,
    phase: str | None = None,
    tags: tuple[str, ...] = (),
) -> JournalEntry:
    """Validate and save a new entry; returns only once it is durably in the vault."""
    if not text.strip():
        raise EntryRejected("The entry is empty; write what happened first.")
    if len(text) > MAX_TEXT_CHARS:
        raise EntryRejected("The entry is longer than four million characters; split it up.")
    if phase is not None and phase not in PHASE_IDS:
        raise EntryRejected(f"'{phase}' is not one of the phases Cairn knows.")
    created = now()
    entry = JournalEntry(
        id=uuid.uuid4().hex,
        created=created,
        occurred=occurred or created,
        text=text,
        phase=phase,
        tags=tuple(tags),
    )
    vault.table(TABLE).insert(entry.as_record())
    return entry


def entries(vault: Vault) -> list[JournalEntry]:
    """Every entry, newest first by when it happened."""
    found = [JournalEntry.from_record(dict(doc)) for doc in vault.table(TABLE).all()]
    return sorted(found, key=_when, reverse=True)


def _when(entry: JournalEntry) -> tuple[datetime, datetime]:
    # Compare as instants: text order is wrong when offsets differ (travel, daylight saving).
    return datetime.fromisoformat(entry.occurred), datetime.fromisoformat(entry.created)


def count(vault: Vault) -> int:
    return len(vault.table(TABLE))
