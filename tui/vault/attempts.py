"""The failed-attempt record: wrong passphrases noted beside the vault, never in it.

Someone without the key can add a record but not read one: each is sealed to the public key
in the vault header with PyNaCl's SealedBox, and the private key lives inside the encrypted
content. One base64 line per attempt in ``<vault>.attempts``; the vault file itself is never
touched by a failed attempt.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import os
from pathlib import Path

import nacl.exceptions
from nacl.public import PrivateKey, PublicKey, SealedBox

# Enough for years of honest mistakes; a script hammering the lock screen cannot fill a disk.
MAX_RECORD_BYTES = 256 * 1024


def attempts_path(vault_path: Path) -> Path:
    return vault_path.with_name(vault_path.name + ".attempts")


def new_key_pair() -> tuple[bytes, bytes]:
    """(public, private) raw 32-byte X25519 keys."""
    private = PrivateKey.generate()
    return bytes(private.public_key), bytes(private)


def record(vault_path: Path, public_key: bytes, when: str) -> None:
    """Append one sealed record. Best effort: failing to note an attempt must not change
    what the person at the lock screen is told."""
    sealed = SealedBox(PublicKey(public_key)).encrypt(json.dumps({"at": when}).encode())
    line = base64.b64encode(sealed) + b"\n"
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
    with contextlib.suppress(OSError):
        fd = os.open(attempts_path(vault_path), flags, 0o600)
        try:
            if os.fstat(fd).st_size + len(line) <= MAX_RECORD_BYTES:
                os.write(fd, line)
                os.fsync(fd)
        finally:
            os.close(fd)


def collect(vault_path: Path, private_key: bytes) -> list[str | None]:
    """The time of each recorded attempt (None for a record that cannot be read)."""
    try:
        raw = attempts_path(vault_path).read_bytes()
    except OSError:
        return []
    box = SealedBox(PrivateKey(private_key))
    found: list[str | None] = []
    for line in raw.splitlines():
        try:
            document = json.loads(box.decrypt(base64.b64decode(line, validate=True)))
            found.append(str(document["at"]))
        except (binascii.Error, nacl.exceptions.CryptoError, ValueError, KeyError, TypeError):
            found.append(None)
    return found


def clear(vault_path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(attempts_path(vault_path))
