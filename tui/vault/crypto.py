"""Key derivation, key wrapping and sealing: the only file that touches crypto primitives.

Argon2id (argon2-cffi) turns a passphrase into a key-encryption key; XChaCha20-Poly1305
(PyNaCl's ``Aead``) seals with associated data and a fresh random 24-byte nonce each time;
libsodium's sealed box (X25519, PyNaCl's ``SealedBox``) seals to a public key, so that a
new data key can be given to a key slot without the secret that opens the slot.
"""

from __future__ import annotations

from dataclasses import dataclass

import nacl.exceptions
import nacl.secret
import nacl.utils
from argon2.low_level import Type, hash_secret_raw
from nacl.public import PrivateKey, PublicKey, SealedBox

from ..words import Phrase

KEY_BYTES = nacl.secret.Aead.KEY_SIZE  # 32
NONCE_BYTES = nacl.secret.Aead.NONCE_SIZE  # 24
TAG_BYTES = nacl.secret.Aead.MACBYTES  # 16
SALT_BYTES = 16

# Bounds applied to every header before Argon2 runs, so a crafted file cannot eat the machine.
MAX_MEMORY_KIB = 1024 * 1024  # 1 GiB
MAX_TIME_COST = 20
MAX_PARALLELISM = 8


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: memory in KiB, passes, lanes."""

    memory_kib: int
    time_cost: int
    parallelism: int

    def problem(self) -> Phrase | None:
        """Why these parameters must not be run, or None when they are within bounds."""
        if not 1 <= self.parallelism <= MAX_PARALLELISM:
            return Phrase("vault.damage.kdf_lanes", lanes=self.parallelism, most=MAX_PARALLELISM)
        if not 1 <= self.time_cost <= MAX_TIME_COST:
            return Phrase("vault.damage.kdf_passes", passes=self.time_cost, most=MAX_TIME_COST)
        if not 8 * self.parallelism <= self.memory_kib <= MAX_MEMORY_KIB:
            return Phrase("vault.damage.kdf_memory", kib=self.memory_kib)
        return None


# RFC 9106's memory-constrained recommendation; about 0.2 s on a small machine.
DEFAULT_KDF = KdfParams(memory_kib=64 * 1024, time_cost=3, parallelism=1)
# Only for tests, behind an explicit option that prints a warning.
INSECURE_FAST_KDF = KdfParams(memory_kib=1024, time_cost=1, parallelism=1)


class SealBroken(Exception):
    """The ciphertext, its nonce or its associated data do not match the key."""


def random_bytes(count: int) -> bytes:
    return nacl.utils.random(count)


def new_data_key() -> bytearray:
    """A fresh random data key, in a bytearray so that lock() can zero it."""
    return bytearray(nacl.utils.random(KEY_BYTES))


def derive_kek(secret: bytes, salt: bytes, params: KdfParams) -> bytearray:
    """Argon2id key-encryption key. The caller must have checked ``params.problem()``."""
    problem = params.problem()
    if problem is not None:  # a second guard: never run Argon2 on unbounded values
        raise ValueError(problem.key)
    return bytearray(
        hash_secret_raw(
            secret=secret,
            salt=salt,
            time_cost=params.time_cost,
            memory_cost=params.memory_kib,
            parallelism=params.parallelism,
            hash_len=KEY_BYTES,
            type=Type.ID,
        )
    )


def seal(key: bytearray, plaintext: bytes, aad: bytes) -> bytes:
    """nonce || ciphertext-with-tag, with a fresh random nonce."""
    box = nacl.secret.Aead(bytes(key))
    return bytes(box.encrypt(plaintext, aad, random_bytes(NONCE_BYTES)))


def open_sealed(key: bytearray, sealed: bytes, aad: bytes) -> bytes:
    box = nacl.secret.Aead(bytes(key))
    try:
        return box.decrypt(sealed, aad)
    except nacl.exceptions.CryptoError as error:
        raise SealBroken from error


PUBLIC_KEY_BYTES = 32
SEALED_BOX_OVERHEAD = 48  # ephemeral public key (32) and tag (16)


def new_key_pair() -> tuple[bytes, bytearray]:
    """(public, private) raw X25519 keys; the private one in a bytearray to be wiped."""
    private = PrivateKey.generate()
    return bytes(private.public_key), bytearray(bytes(private))


def public_key_of(private: bytes | bytearray) -> bytes:
    return bytes(PrivateKey(bytes(private)).public_key)


def seal_to(public: bytes, plaintext: bytes) -> bytes:
    """Anonymous sealed box: only the holder of the matching private key can open it."""
    return bytes(SealedBox(PublicKey(public)).encrypt(plaintext))


def open_sealed_box(private: bytes | bytearray, sealed: bytes) -> bytes:
    try:
        return bytes(SealedBox(PrivateKey(bytes(private))).decrypt(sealed))
    except (nacl.exceptions.CryptoError, ValueError, TypeError) as error:
        raise SealBroken from error


def wipe(buffer: bytearray) -> None:
    """Overwrite a key in place; Python cannot do the same for immutable copies."""
    for index in range(len(buffer)):
        buffer[index] = 0
