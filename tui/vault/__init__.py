"""The encrypted store. Imports nothing from textual, rich or screens."""

from .attempts import FailedAttempts
from .crypto import DEFAULT_KDF, INSECURE_FAST_KDF, KdfParams
from .errors import (
    CopyDamaged,
    CopyRefused,
    NotAVaultPath,
    PassphraseNeeded,
    RecipientRefused,
    TooLargeForPassphrase,
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
from .files import MAX_FILE_BYTES, FileDamaged, FileRefused, SealedFile, names_in, open_source
from .format import MAGIC as VAULT_MAGIC
from .lock import VaultLock
from .paths import prepare_folder, read_vault_bytes
from .storage import flush_folder, storage_sentence, write_durably, write_durably_by
from .vault import READ_ONLY_ASKED, Vault, check_openable, harden_process

__all__ = [
    "DEFAULT_KDF",
    "INSECURE_FAST_KDF",
    "MAX_FILE_BYTES",
    "READ_ONLY_ASKED",
    "VAULT_MAGIC",
    "CopyDamaged",
    "CopyRefused",
    "FailedAttempts",
    "FileDamaged",
    "FileRefused",
    "KdfParams",
    "NotAVaultPath",
    "PassphraseNeeded",
    "RecipientRefused",
    "SealedFile",
    "TooLargeForPassphrase",
    "UnsafeVault",
    "Vault",
    "VaultBusy",
    "VaultDamaged",
    "VaultError",
    "VaultExists",
    "VaultLock",
    "VaultLocked",
    "VaultMissing",
    "VaultReadOnly",
    "VaultTakenOver",
    "VaultTooNew",
    "VaultWriteFailed",
    "WrongPassphrase",
    "check_openable",
    "flush_folder",
    "harden_process",
    "names_in",
    "open_source",
    "prepare_folder",
    "read_vault_bytes",
    "shown",
    "storage_sentence",
    "write_durably",
    "write_durably_by",
]
