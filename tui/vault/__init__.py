"""The encrypted store. Imports nothing from textual, rich or screens."""

from .crypto import DEFAULT_KDF, INSECURE_FAST_KDF, KdfParams
from .errors import (
    NotAVaultPath,
    UnsafeVault,
    VaultBusy,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultLocked,
    VaultMissing,
    VaultTooNew,
    VaultWriteFailed,
    WrongPassphrase,
)
from .vault import Vault, check_openable, harden_process

__all__ = [
    "DEFAULT_KDF",
    "INSECURE_FAST_KDF",
    "KdfParams",
    "NotAVaultPath",
    "UnsafeVault",
    "Vault",
    "VaultBusy",
    "VaultDamaged",
    "VaultError",
    "VaultExists",
    "VaultLocked",
    "VaultMissing",
    "VaultTooNew",
    "VaultWriteFailed",
    "WrongPassphrase",
    "check_openable",
    "harden_process",
]
