"""What can go wrong with a vault, each as one sentence a person can act on.

The sentences never contain a passphrase, a key or any content of the vault.
"""

from __future__ import annotations

from pathlib import Path

from ..visible import visible


def shown(path: str | Path) -> str:
    """A path as it may be printed: control characters and bidi marks as visible symbols,
    so a crafted file name cannot drive the terminal that shows the sentence."""
    return visible(str(path))


class VaultError(Exception):
    """Base class: ``str(error)`` is the sentence to show the person."""


class VaultMissing(VaultError):
    def __init__(self, path: str) -> None:
        super().__init__(f"There is no vault at {shown(path)}; create one with 'cairn init'.")


class VaultExists(VaultError):
    def __init__(self, path: str) -> None:
        super().__init__(f"Something already exists at {shown(path)}; Cairn will not overwrite it.")


class NotAVaultPath(VaultError):
    """The path names a folder, a device or another non-file."""

    def __init__(self, path: str, what: str) -> None:
        super().__init__(f"{shown(path)} is {what}, not a vault file.")


class WrongPassphrase(VaultError):
    def __init__(self) -> None:
        super().__init__("That passphrase or recovery code does not open this vault.")


class VaultDamaged(VaultError):
    def __init__(self, detail: str = "") -> None:
        sentence = "The vault file is damaged or was changed outside Cairn, so it was not opened"
        super().__init__(f"{sentence} ({detail})." if detail else f"{sentence}.")


class VaultTooNew(VaultError):
    def __init__(self, version: int) -> None:
        super().__init__(
            f"The vault was written by a newer version of Cairn (format {version}); "
            "update Cairn to open it."
        )


class VaultBusy(VaultError):
    def __init__(self, pid: int | None) -> None:
        who = f"process {pid}" if pid else "another process"
        super().__init__(f"The vault is already open in {who}; close it there first.")
        self.pid = pid


class UnsafeVault(VaultError):
    """Permissions, owner or a symlink would let someone else read or swap the vault."""


class VaultWriteFailed(VaultError):
    """Nothing was saved; the file on disk is the previous good one."""


class VaultTakenOver(VaultWriteFailed):
    """The lock beside the vault was removed or replaced and another process may have
    written since: saving now could throw away what it saved."""

    def __init__(self) -> None:
        super().__init__(
            "The lock file beside the vault was removed or replaced and another Cairn may "
            "have saved since, so nothing was saved here; close Cairn and open it again "
            "(unsaved work is offered back)."
        )


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
    def __init__(self) -> None:
        super().__init__(
            "A bundle sealed with a passphrase is made in memory, and this one is larger than "
            "1 GiB; seal it to the recipient's age or SSH key instead (--to-age). Nothing was "
            "written."
        )


class PassphraseNeeded(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "A new recovery code can only be made with the passphrase, not with the recovery "
            "code; set a new passphrase first with 'cairn passwd'."
        )


class VaultLocked(VaultError):
    def __init__(self) -> None:
        super().__init__("The vault is locked.")
