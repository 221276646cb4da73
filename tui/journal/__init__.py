"""The journal: factual entries kept in the vault, their record chain, search and patterns.
Plain Python and plain data; nothing here knows about screens."""

from .attached import Attachment, size_text
from .chain import ChainReport, find_head
from .entry import (
    MAX_TEXT_CHARS,
    EntryRejected,
    JournalEntry,
    daily_fields,
    entry_fields,
    labels,
    split_tags,
)
from .phases import Phase, phase_by_id, phase_ids, phase_label, phases
from .search import Filter, JournalIndex
from .store import (
    CHAIN_TABLE,
    TABLE,
    add_entry,
    attachments_of,
    count,
    daily_page,
    delete,
    entries,
    entry_hash,
    get,
    has_entry_on,
    links,
    new_entry,
    save,
    tags_in_use,
    verify,
)
from .when import BadTime, editable, local_day, now, parse_day, parse_when

__all__ = [
    "CHAIN_TABLE",
    "MAX_TEXT_CHARS",
    "TABLE",
    "Attachment",
    "BadTime",
    "ChainReport",
    "EntryRejected",
    "Filter",
    "JournalEntry",
    "JournalIndex",
    "Phase",
    "add_entry",
    "attachments_of",
    "count",
    "daily_fields",
    "daily_page",
    "delete",
    "editable",
    "entries",
    "entry_fields",
    "entry_hash",
    "find_head",
    "get",
    "has_entry_on",
    "labels",
    "links",
    "local_day",
    "new_entry",
    "now",
    "parse_day",
    "parse_when",
    "phase_by_id",
    "phase_ids",
    "phase_label",
    "phases",
    "save",
    "size_text",
    "split_tags",
    "tags_in_use",
    "verify",
]
