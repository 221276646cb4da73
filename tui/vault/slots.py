"""Key slots: one way in per secret (the passphrase, the recovery code).

A version 2 slot keeps an X25519 key pair of its own. Its secret, through Argon2id, opens
the private half; the data key is kept sealed (libsodium's sealed box) to the public half.
So when the data key changes (a new passphrase, a new recovery code), every slot whose
secret stays the same is given the new data key without that secret, and a copy of the file
made before the change, opened with an old secret, yields only the old data key.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import replace

from ..words import Phrase
from . import crypto
from .crypto import SALT_BYTES, KdfParams, SealBroken, derive_kek, random_bytes, wipe
from .errors import VaultDamaged
from .format import KeySlot

# Crockford's base32: no I, L, O or U, so a handwritten code reads back unambiguously.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
RECOVERY_CODE_CHARS = 32  # 160 random bits
_GROUP = 4


def _aad(kind: str, file_id: bytes, *, legacy: bool) -> bytes:
    # Binds a wrapped key to its slot kind, its vault and its format, so slots cannot be
    # swapped around or passed off as the other version's.
    label = b"cairn-key-slot" if legacy else b"cairn-key-slot-2"
    return label + b"\x00" + kind.encode("ascii") + b"\x00" + file_id


def make(data_key: bytearray, secret: bytes, kind: str, kdf: KdfParams, file_id: bytes) -> KeySlot:
    """A new version 2 slot: a fresh key pair, its private half wrapped under ``secret``."""
    public, private = crypto.new_key_pair()
    salt = random_bytes(SALT_BYTES)
    kek = derive_kek(secret, salt, kdf)
    try:
        wrapped = crypto.seal(kek, bytes(private), _aad(kind, file_id, legacy=False))
    finally:
        wipe(kek)
        wipe(private)
    return KeySlot(
        kind=kind,
        kdf=kdf,
        salt=salt,
        wrapped=wrapped,
        public=public,
        sealed_key=crypto.seal_to(public, bytes(data_key)),
    )


def give_key(slot: KeySlot, data_key: bytearray) -> KeySlot:
    """The same slot (same secret) holding a new data key."""
    if slot.public is None:
        raise ValueError("a version 1 slot needs its secret to take a new data key")
    return replace(slot, sealed_key=crypto.seal_to(slot.public, bytes(data_key)))


def unwrap(slot: KeySlot, secret: bytes, file_id: bytes) -> bytearray | None:
    """The data key, or None when the secret does not open this slot. Raises VaultDamaged
    when the secret opens the slot but what it holds does not fit together."""
    kek = derive_kek(secret, slot.salt, slot.kdf)
    try:
        inner = crypto.open_sealed(
            kek, slot.wrapped, _aad(slot.kind, file_id, legacy=slot.is_legacy)
        )
    except SealBroken:
        return None
    finally:
        wipe(kek)
    if slot.is_legacy:
        return bytearray(inner)
    private = bytearray(inner)
    try:
        assert slot.public is not None and slot.sealed_key is not None
        if not hmac.compare_digest(crypto.public_key_of(private), slot.public):
            raise VaultDamaged(_does_not_fit(slot))
        return bytearray(crypto.open_sealed_box(private, slot.sealed_key))
    except SealBroken:
        raise VaultDamaged(_does_not_fit(slot)) from None
    finally:
        wipe(private)


def _does_not_fit(slot: KeySlot) -> Phrase:
    return Phrase("vault.damage.slot_parts", slot=Phrase(f"vault.slot_kind.{slot.kind}"))


def new_recovery_code() -> str:
    """Shown once, in groups of four: ``XXXX-XXXX-...``."""
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(RECOVERY_CODE_CHARS))
    return "-".join(raw[i : i + _GROUP] for i in range(0, RECOVERY_CODE_CHARS, _GROUP))


def normalise_recovery_code(text: str) -> str | None:
    """The canonical code if ``text`` has the shape of a recovery code, else None."""
    compact = "".join(text.split()).replace("-", "").upper().translate(_READ_AS)
    if len(compact) != RECOVERY_CODE_CHARS or any(c not in _ALPHABET for c in compact):
        return None
    return compact
