"""Exports the person asked for. JSON now; the journal and plan issues add printable forms."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from . import journal
from .vault import Vault
from .vault.storage import write_durably

EXPORT_FORMAT = "cairn-export"
EXPORT_VERSION = 1


def export_document(vault: Vault) -> dict[str, Any]:
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported": journal.now(),
        "journal": [entry.as_record() for entry in reversed(journal.entries(vault))],
    }


def to_json(vault: Vault) -> str:
    return json.dumps(export_document(vault), ensure_ascii=False, indent=2) + "\n"


def write_file(path: Path, data: bytes, *, overwrite: bool) -> None:
    """A new 0600 file, written durably; an existing one is replaced only when asked."""
    write_durably(path, data, overwrite=overwrite)
