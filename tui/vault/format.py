"""The on-disk layout of a vault file (see FORMAT.md beside this file).

    magic "CAIRNVLT" | version u16 BE | header length u32 BE | header (UTF-8 JSON)
    | BLAKE2b-256 of everything before it | nonce (24) | ciphertext + tag

Everything up to and including the checksum is the associated data of the body's seal, so
the header cannot be edited without detection by anyone who holds the key. The checksum
lets Cairn tell accidental damage from a wrong passphrase before running the key derivation.

Version 1 slots wrap the data key itself; version 2 slots wrap an X25519 key of the slot's
own and hold the data key sealed to its public half, so a new data key can be given to
every slot without their secrets (see slots.py). Version 1 files are read as they are and
written as version 2 the first time their keys change.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import struct
from dataclasses import dataclass, replace
from typing import Any

from ..words import Phrase
from .crypto import (
    KEY_BYTES,
    NONCE_BYTES,
    PUBLIC_KEY_BYTES,
    SALT_BYTES,
    SEALED_BOX_OVERHEAD,
    TAG_BYTES,
    KdfParams,
)
from .errors import VaultDamaged, VaultTooNew

MAGIC = b"CAIRNVLT"
VERSION = 2
PREAMBLE = struct.Struct(">8sHI")  # magic, version, header length
CHECKSUM_BYTES = 32
MAX_HEADER_BYTES = 64 * 1024
SLOT_KINDS = ("passphrase", "recovery")
FILE_ID_BYTES = 16
WRAPPED_KEY_BYTES = KEY_BYTES + TAG_BYTES
SEALED_KEY_BYTES = KEY_BYTES + SEALED_BOX_OVERHEAD
KNOWN_FIELDS = frozenset({"file_id", "slots", "attempts_key"})


@dataclass(frozen=True)
class KeySlot:
    """One way in, openable by one secret."""

    kind: str
    kdf: KdfParams
    salt: bytes
    # Version 2: nonce || XChaCha20-Poly1305(the slot's X25519 private key).
    # Version 1: nonce || XChaCha20-Poly1305(the data key).
    wrapped: bytes
    public: bytes | None = None  # version 2: the slot's X25519 public key
    sealed_key: bytes | None = None  # version 2: the data key, sealed box to ``public``

    @property
    def is_legacy(self) -> bool:
        """A version 1 slot: it cannot be given a new data key without its secret."""
        return self.public is None


@dataclass(frozen=True)
class Header:
    version: int
    file_id: bytes
    slots: tuple[KeySlot, ...]
    # X25519 public key that failed unlock attempts are sealed to (SealedBox); optional.
    attempts_key: bytes | None = None
    # Top-level fields this version does not know: kept as they are when the header changes.
    unknown: tuple[tuple[str, Any], ...] = ()

    def slot(self, kind: str) -> KeySlot | None:
        return next((slot for slot in self.slots if slot.kind == kind), None)


@dataclass(frozen=True)
class VaultFile:
    header: Header
    associated_data: bytes  # preamble + header + checksum, exactly as on disk
    sealed_body: bytes  # nonce || ciphertext + tag


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object, length: int, name: str) -> bytes:
    if not isinstance(value, str):
        raise VaultDamaged(Phrase("vault.damage.field_not_text", field=name))
    try:
        raw = base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise VaultDamaged(Phrase("vault.damage.field_not_base64", field=name)) from None
    if len(raw) != length:
        raise VaultDamaged(Phrase("vault.damage.field_length", field=name))
    return raw


def _int(value: object, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise VaultDamaged(Phrase("vault.damage.field_not_number", field=name))
    return value


def _encode_slot(slot: KeySlot) -> dict[str, Any]:
    encoded: dict[str, Any] = {
        "kind": slot.kind,
        "kdf": "argon2id",
        "m": slot.kdf.memory_kib,
        "t": slot.kdf.time_cost,
        "p": slot.kdf.parallelism,
        "salt": _b64(slot.salt),
        "wrapped": _b64(slot.wrapped),
    }
    if slot.public is not None and slot.sealed_key is not None:
        encoded |= {"public": _b64(slot.public), "sealed": _b64(slot.sealed_key)}
    return encoded


def encode_header(header: Header) -> bytes:
    """The associated data: preamble, canonical JSON header and its checksum."""
    if header.version == 2 and any(slot.is_legacy for slot in header.slots):
        raise ValueError("a version 2 header holds version 2 slots only")
    document: dict[str, Any] = dict(header.unknown)
    document |= {
        "file_id": _b64(header.file_id),
        "slots": [_encode_slot(slot) for slot in header.slots],
    }
    if header.attempts_key is not None:
        document["attempts_key"] = _b64(header.attempts_key)
    body = json.dumps(document, sort_keys=True, separators=(",", ":")).encode("utf-8")
    prefix = PREAMBLE.pack(MAGIC, header.version, len(body)) + body
    return prefix + hashlib.blake2b(prefix, digest_size=CHECKSUM_BYTES).digest()


def _decode_slot(raw: object, index: int, version: int) -> KeySlot:
    if not isinstance(raw, dict):
        raise VaultDamaged(Phrase("vault.damage.slot_not_object", slot=index))
    kind = raw.get("kind")
    if kind not in SLOT_KINDS:
        raise VaultDamaged(Phrase("vault.damage.slot_kind", slot=index))
    if raw.get("kdf") != "argon2id":
        raise VaultDamaged(Phrase("vault.damage.slot_kdf", slot=index))
    kdf = KdfParams(
        memory_kib=_int(raw.get("m"), "m"),
        time_cost=_int(raw.get("t"), "t"),
        parallelism=_int(raw.get("p"), "p"),
    )
    problem = kdf.problem()
    if problem is not None:
        raise VaultDamaged(problem)
    slot = KeySlot(
        kind=str(kind),
        kdf=kdf,
        salt=_unb64(raw.get("salt"), SALT_BYTES, "salt"),
        wrapped=_unb64(raw.get("wrapped"), NONCE_BYTES + WRAPPED_KEY_BYTES, "wrapped"),
    )
    if version == 1:
        return slot
    return replace(
        slot,
        public=_unb64(raw.get("public"), PUBLIC_KEY_BYTES, "public"),
        sealed_key=_unb64(raw.get("sealed"), SEALED_KEY_BYTES, "sealed"),
    )


def _decode_header(body: bytes, version: int) -> Header:
    try:
        document: Any = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise VaultDamaged(Phrase("vault.damage.header_unreadable")) from None
    if not isinstance(document, dict):
        raise VaultDamaged(Phrase("vault.damage.header_not_object"))
    raw_slots = document.get("slots")
    if not isinstance(raw_slots, list) or not 1 <= len(raw_slots) <= 8:
        raise VaultDamaged(Phrase("vault.damage.slots_missing"))
    slots = tuple(_decode_slot(raw, index, version) for index, raw in enumerate(raw_slots))
    if len({slot.kind for slot in slots}) != len(slots):
        raise VaultDamaged(Phrase("vault.damage.slots_same_kind"))
    raw_attempts_key = document.get("attempts_key")
    return Header(
        version=version,
        file_id=_unb64(document.get("file_id"), FILE_ID_BYTES, "file_id"),
        slots=slots,
        attempts_key=(
            None if raw_attempts_key is None else _unb64(raw_attempts_key, 32, "attempts_key")
        ),
        unknown=tuple(
            (key, value) for key, value in sorted(document.items()) if key not in KNOWN_FIELDS
        ),
    )


def parse(data: bytes) -> VaultFile:
    """Split a vault file into its parts; refuse anything malformed before any key work."""
    if len(data) < PREAMBLE.size or not data.startswith(MAGIC):
        raise VaultDamaged(Phrase("vault.damage.not_a_vault"))
    _, version, header_length = PREAMBLE.unpack_from(data)
    if version > VERSION:
        raise VaultTooNew(version)
    if version < 1:
        raise VaultDamaged(Phrase("vault.damage.version"))
    if not 2 <= header_length <= MAX_HEADER_BYTES:
        raise VaultDamaged(Phrase("vault.damage.header_length"))
    checksum_at = PREAMBLE.size + header_length
    body_at = checksum_at + CHECKSUM_BYTES
    if len(data) < body_at + NONCE_BYTES + TAG_BYTES:
        raise VaultDamaged(Phrase("vault.damage.too_short"))
    expected = hashlib.blake2b(data[:checksum_at], digest_size=CHECKSUM_BYTES).digest()
    if not hmac.compare_digest(expected, data[checksum_at:body_at]):
        raise VaultDamaged(Phrase("vault.damage.checksum"))
    header = _decode_header(data[PREAMBLE.size : checksum_at], version)
    return VaultFile(header=header, associated_data=data[:body_at], sealed_body=data[body_at:])
