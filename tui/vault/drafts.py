"""The draft slot: unsaved work sealed beside the vault when the person has to leave fast.

A small separate file (``<vault>.draft``), so sealing it on panic costs the same at ten
entries as at ten thousand. It is sealed with the vault's data key, bound to the vault's
file id, and written durably like the vault itself.

Whatever stands at the draft's path and does not open as a draft (junk, a draft of another
vault, a folder, a pipe, a link) is never read through, overwritten or deleted: it is moved
aside, kept as it is, and the next draft names it so the person is told.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import crypto, sidecar
from .storage import write_durably

# Several screens' unsaved fields at most; an entry's text is at most 4 Mi characters.
MAX_DRAFT_BYTES = 64 * 1024 * 1024


def draft_path(vault_path: Path) -> Path:
    return vault_path.with_name(vault_path.name + ".draft")


def _aad(file_id: bytes) -> bytes:
    return b"cairn-draft\x00" + file_id


def envelope(key: bytearray, file_id: bytes, draft: dict[str, Any]) -> bytes:
    """``draft`` sealed as it is stored: what the draft file holds."""
    plaintext = json.dumps(draft, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return crypto.seal(key, plaintext, _aad(file_id))


def open_envelope(
    sealed: bytes, keys: Sequence[bytearray], file_id: bytes
) -> dict[str, Any] | None:
    """The draft in ``sealed``, or None when none of ``keys`` opens it."""
    for key in keys:
        try:
            plaintext = crypto.open_sealed(key, sealed, _aad(file_id))
        except crypto.SealBroken:
            continue
        return _decode(plaintext)
    return None


def seal_draft(vault_path: Path, key: bytearray, file_id: bytes, draft: dict[str, Any]) -> None:
    """Write ``draft`` sealed, replacing the draft file (the caller has merged or set aside
    what was there). Something that is not a plain private file is moved aside first."""
    path = draft_path(vault_path)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    if info is not None and sidecar.problem_with(info) is not None:
        moved = sidecar.set_aside(path)
        if moved is not None:
            draft = {**draft, "set_aside": [*draft.get("set_aside", []), moved.name]}
    write_durably(path, envelope(key, file_id, draft))


def open_draft(
    vault_path: Path, keys: Sequence[bytearray], file_id: bytes, *, may_write: bool = True
) -> dict[str, Any] | None:
    """The sealed draft (tried with each key, newest first), or None when there is none.

    A draft that does not open is moved aside when ``may_write`` and reported as
    ``{"items": [], "set_aside": [name]}``; otherwise it is left where it is."""
    path = draft_path(vault_path)
    try:
        sealed = sidecar.read_private(path, MAX_DRAFT_BYTES)
    except sidecar.SidecarRefused:
        return _set_aside(path) if may_write else None
    except OSError:
        return None  # cannot be read now (the system refused): left as it is
    if sealed is None:
        return None
    draft = open_envelope(sealed, keys, file_id)
    if draft is not None:
        return draft
    return _set_aside(path) if may_write else None


def _decode(plaintext: bytes) -> dict[str, Any] | None:
    try:
        draft = json.loads(plaintext.decode("utf-8", "surrogatepass"))
    except (ValueError, RecursionError):
        return None
    if not isinstance(draft, dict) or not isinstance(draft.get("items", []), list):
        return None
    return draft


def _set_aside(path: Path) -> dict[str, Any] | None:
    moved = sidecar.set_aside(path)
    return None if moved is None else {"items": [], "set_aside": [moved.name]}


def discard_draft(vault_path: Path) -> None:
    sidecar.remove(draft_path(vault_path))
