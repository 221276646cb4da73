"""The failed-attempt record: wrong passphrases noted beside the vault, never in it.

Someone without the key can add a record but not read one: each is sealed to the public key
in the vault header with libsodium's sealed box, and the private key lives inside the
encrypted content. One base64 line per attempt in ``<vault>.attempts``; the vault file
itself is never touched by a failed attempt.

Anyone who can write the folder can also fill the record with junk. Junk is never folded
into the vault line by line: a record with anything unreadable in it, or larger than any
honest record, is reported once as damaged.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import crypto, sidecar
from .storage import write_durably

# Enough for years of honest mistakes; a script hammering the lock screen cannot fill a disk.
MAX_RECORD_BYTES = 256 * 1024


@dataclass
class FailedAttempts:
    """What the record held: the times of readable attempts, and whether anything in it
    could not be read (junk, another key's lines, too large, not a plain file)."""

    times: list[str] = field(default_factory=list)
    damaged: bool = False

    def __bool__(self) -> bool:
        return bool(self.times) or self.damaged


def attempts_path(vault_path: Path) -> Path:
    return vault_path.with_name(vault_path.name + ".attempts")


def new_key_pair() -> tuple[bytes, bytes]:
    """(public, private) raw 32-byte X25519 keys."""
    public, private = crypto.new_key_pair()
    return public, bytes(private)


def _line(public_key: bytes, document: dict[str, object]) -> bytes:
    sealed = crypto.seal_to(public_key, json.dumps(document).encode())
    return base64.b64encode(sealed) + b"\n"


def record(vault_path: Path, public_key: bytes, when: str) -> None:
    """Append one sealed record. Best effort: failing to note an attempt must not change
    what the person at the lock screen is told, and nothing but a plain private file is
    ever written to."""
    line = _line(public_key, {"at": when})
    with contextlib.suppress(OSError, sidecar.SidecarRefused):
        fd = sidecar.open_private(attempts_path(vault_path), os.O_WRONLY | os.O_APPEND, create=True)
        if fd is None:
            return
        try:
            if os.fstat(fd).st_size + len(line) <= MAX_RECORD_BYTES:
                os.write(fd, line)
                os.fsync(fd)
        finally:
            os.close(fd)


def collect(vault_path: Path, private_keys: Sequence[bytes]) -> FailedAttempts:
    """What the record holds, each line tried with each key (newest first)."""
    try:
        raw = sidecar.read_private(attempts_path(vault_path), MAX_RECORD_BYTES)
    except sidecar.SidecarRefused:
        return FailedAttempts(damaged=True)
    except OSError:
        return FailedAttempts()
    found = FailedAttempts()
    for line in (raw or b"").splitlines():
        when = _open_line(line, private_keys)
        if when is None:
            found.damaged = True
        else:
            found.times.append(when)
    return found


def _open_line(line: bytes, private_keys: Sequence[bytes]) -> str | None:
    try:
        sealed = base64.b64decode(line, validate=True)
    except (binascii.Error, ValueError):
        return None
    for private in private_keys:
        try:
            document = json.loads(crypto.open_sealed_box(private, sealed))
        except crypto.SealBroken:
            continue
        except (ValueError, RecursionError):
            return None
        at = document.get("at") if isinstance(document, dict) else None
        return at if isinstance(at, str) else None
    return None


def reseal(vault_path: Path, found: FailedAttempts, public_key: bytes) -> None:
    """Rewrite the record sealed to a new key (after the vault's keys changed)."""
    if not found:
        clear(vault_path)
        return
    lines = [_line(public_key, {"at": when}) for when in found.times]
    if found.damaged:
        lines.append(_line(public_key, {"at": None}))  # still reported as unreadable
    write_durably(attempts_path(vault_path), b"".join(lines))


def clear(vault_path: Path) -> None:
    sidecar.remove(attempts_path(vault_path))
