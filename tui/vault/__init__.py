"""The encrypted store. Imports nothing from textual, rich or screens."""

from .attempts import FailedAttempts
from .crypto import DEFAULT_KDF, INSECURE_FAST_KDF, KdfParams
from .errors import (
    NotAVaultPath,
    PassphraseNeeded,
    UnsafeVault,
    VaultBusy,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultLocked,
    VaultMissing,
    VaultReadOnly,
    VaultTakenOver,
    VaultTooNew,
    VaultWriteFailed,
    WrongPassphrase,
    shown,
)
from .files import MAX_FILE_BYTES, FileDamaged, FileRefused
from .vault import Vault, check_openable, harden_process

__all__ = [
    "DEFAULT_KDF",
    "INSECURE_FAST_KDF",
    "MAX_FILE_BYTES",
    "FailedAttempts",
    "FileDamaged",
    "FileRefused",
    "KdfParams",
    "NotAVaultPath",
    "PassphraseNeeded",
    "UnsafeVault",
    "Vault",
    "VaultBusy",
    "VaultDamaged",
    "VaultError",
    "VaultExists",
    "VaultLocked",
    "VaultMissing",
    "VaultReadOnly",
    "VaultTakenOver",
    "VaultTooNew",
    "VaultWriteFailed",
    "WrongPassphrase",
    "check_openable",
    "harden_process",
    "shown",
]
