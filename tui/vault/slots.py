"""Key slots: the data key wrapped once per secret (the passphrase, the recovery code).

Changing the passphrase re-wraps the data key in the passphrase slot only; the content and
the recovery slot stay as they are.
"""

from __future__ import annotations

import secrets

from .crypto import (
    SALT_BYTES,
    KdfParams,
    SealBroken,
    derive_kek,
    open_sealed,
    random_bytes,
    seal,
    wipe,
)
from .format import KeySlot

# Crockford's base32: no I, L, O or U, so a handwritten code reads back unambiguously.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
RECOVERY_CODE_CHARS = 32  # 160 random bits
_GROUP = 4


def _slot_aad(kind: str, file_id: bytes) -> bytes:
    # Binds a wrapped key to its slot kind and its vault, so slots cannot be swapped around.
    return b"cairn-key-slot\x00" + kind.encode("ascii") + b"\x00" + file_id


def wrap(data_key: bytearray, secret: bytes, kind: str, kdf: KdfParams, file_id: bytes) -> KeySlot:
    salt = random_bytes(SALT_BYTES)
    kek = derive_kek(secret, salt, kdf)
    try:
        wrapped = seal(kek, bytes(data_key), _slot_aad(kind, file_id))
    finally:
        wipe(kek)
    return KeySlot(kind=kind, kdf=kdf, salt=salt, wrapped=wrapped)


def unwrap(slot: KeySlot, secret: bytes, file_id: bytes) -> bytearray | None:
    """The data key, or None when the secret does not open this slot."""
    kek = derive_kek(secret, slot.salt, slot.kdf)
    try:
        return bytearray(open_sealed(kek, slot.wrapped, _slot_aad(slot.kind, file_id)))
    except SealBroken:
        return None
    finally:
        wipe(kek)


def new_recovery_code() -> str:
    """Shown once at creation, in groups of four: ``XXXX-XXXX-...``."""
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(RECOVERY_CODE_CHARS))
    return "-".join(raw[i : i + _GROUP] for i in range(0, RECOVERY_CODE_CHARS, _GROUP))


def normalise_recovery_code(text: str) -> str | None:
    """The canonical code if ``text`` has the shape of a recovery code, else None."""
    compact = "".join(text.split()).replace("-", "").upper().translate(_READ_AS)
    if len(compact) != RECOVERY_CODE_CHARS or any(c not in _ALPHABET for c in compact):
        return None
    return compact
