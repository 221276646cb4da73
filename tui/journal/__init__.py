"""The journal: factual entries kept in the vault, their record chain, search and patterns.
Plain Python and plain data; nothing here knows about screens."""

from .attached import Attachment, size_text
from .chain import ChainReport, find_head
from .entry import (
    DAILY_FIELDS,
    ENTRY_FIELDS,
    LABELS,
    MAX_TEXT_CHARS,
    EntryRejected,
    JournalEntry,
    split_tags,
)
from .phases import PHASE_BY_ID, PHASE_IDS, PHASES, Phase, phase_label
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
    "DAILY_FIELDS",
    "ENTRY_FIELDS",
    "LABELS",
    "MAX_TEXT_CHARS",
    "PHASES",
    "PHASE_BY_ID",
    "PHASE_IDS",
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
    "daily_page",
    "delete",
    "editable",
    "entries",
    "entry_hash",
    "find_head",
    "get",
    "has_entry_on",
    "links",
    "local_day",
    "new_entry",
    "now",
    "parse_day",
    "parse_when",
    "phase_label",
    "save",
    "size_text",
    "split_tags",
    "tags_in_use",
    "verify",
]
