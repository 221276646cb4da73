"""What can go wrong with a vault, each as one sentence a person can act on (in
tui/content/words.toml, [vault]).

The sentences never contain a passphrase, a key or any content of the vault.
"""

from __future__ import annotations

from pathlib import Path

from ..visible import visible
from ..words import Phrase, Told


def shown(path: str | Path) -> str:
    """A path as it may be printed: control characters and bidi marks as visible symbols,
    so a crafted file name cannot drive the terminal that shows the sentence."""
    return visible(str(path))


class VaultError(Told):
    """Base class: made from a key of words.toml and named values; ``str(error)`` is the
    sentence to show the person."""


class VaultMissing(VaultError):
    def __init__(self, path: str) -> None:
        super().__init__("vault.missing", path=shown(path))


class VaultExists(VaultError):
    def __init__(self, path: str) -> None:
        super().__init__("vault.exists", path=shown(path))


class NotAVaultPath(VaultError):
    """The path names a folder, a device or another non-file; ``what`` is a key of
    [vault.what]."""

    def __init__(self, path: str, what: str) -> None:
        super().__init__("vault.not_a_vault", path=shown(path), what=Phrase(f"vault.what.{what}"))


class WrongPassphrase(VaultError):
    key = "vault.wrong_passphrase"


class VaultDamaged(VaultError):
    """``detail`` says what is wrong, as a Phrase of [vault.damage]."""

    def __init__(self, detail: Phrase | None = None) -> None:
        if detail is None:
            super().__init__("vault.damaged")
        else:
            super().__init__("vault.damaged_because", detail=detail)


class VaultTooNew(VaultError):
    def __init__(self, version: int) -> None:
        super().__init__("vault.too_new", version=version)


class VaultBusy(VaultError):
    def __init__(self, pid: int | None) -> None:
        if pid:
            super().__init__("vault.busy_in_process", pid=pid)
        else:
            super().__init__("vault.busy")
        self.pid = pid


class UnsafeVault(VaultError):
    """Permissions, owner or a symlink would let someone else read or swap the vault."""


class VaultWriteFailed(VaultError):
    """Nothing was saved; the file on disk is the previous good one."""


class VaultTakenOver(VaultWriteFailed):
    """The lock beside the vault was removed or replaced and another process may have
    written since: saving now could throw away what it saved."""

    key = "vault.taken_over"


class VaultReadOnly(VaultWriteFailed):
    """The vault was opened for reading only; ``str()`` says why."""


class CopyRefused(VaultError):
    """A place for a backup, or a backup to restore, that cannot be used (not a folder,
    inside the vault's own folder, not made by Cairn); ``str()`` is the sentence."""


class CopyDamaged(VaultError):
    """A backup (or the copy just written) that does not read back whole."""


class RecipientRefused(VaultError):
    """An age recipient that does not parse; ``str()`` is the sentence."""


class TooLargeForPassphrase(VaultError):
    key = "vault.too_large_for_passphrase"


class PassphraseNeeded(VaultError):
    key = "vault.passphrase_needed"


class VaultLocked(VaultError):
    key = "vault.locked"
