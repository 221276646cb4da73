"""The draft slot: unsaved work sealed beside the vault when the person has to leave fast.

A small separate file (``<vault>.draft``), so sealing it on panic costs the same at ten
entries as at ten thousand. It is sealed with the vault's data key, bound to the vault's
file id, and written durably like the vault itself.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from . import crypto
from .storage import write_durably


def draft_path(vault_path: Path) -> Path:
    return vault_path.with_name(vault_path.name + ".draft")


def _aad(file_id: bytes) -> bytes:
    return b"cairn-draft\x00" + file_id


def seal_draft(vault_path: Path, key: bytearray, file_id: bytes, draft: dict[str, Any]) -> None:
    plaintext = json.dumps(draft, ensure_ascii=False).encode("utf-8", "surrogatepass")
    write_durably(draft_path(vault_path), crypto.seal(key, plaintext, _aad(file_id)))


def open_draft(vault_path: Path, key: bytearray, file_id: bytes) -> dict[str, Any] | None:
    """The sealed draft, or None when there is none or it cannot be opened (it is then
    left in place: Cairn never deletes what it cannot read)."""
    path = draft_path(vault_path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        sealed = os.read(fd, 64 * 1024 * 1024)
    finally:
        os.close(fd)
    try:
        plaintext = crypto.open_sealed(key, sealed, _aad(file_id))
        draft = json.loads(plaintext.decode("utf-8", "surrogatepass"))
    except (crypto.SealBroken, ValueError):
        return None
    return draft if isinstance(draft, dict) else None


def discard_draft(vault_path: Path) -> None:
    try:
        os.unlink(draft_path(vault_path))
    except FileNotFoundError:
        return
    folder = os.open(vault_path.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
