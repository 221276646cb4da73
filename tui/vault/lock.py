"""One writer per vault across processes: flock on a separate ``.lock`` file.

The lock file is never renamed (a lock on the vault file itself would be lost when a save
installs a new inode) and never deleted by Cairn. flock is released when its holder dies, so
a killed process leaves no stale lock. The holder writes its pid there so a second process
can say who has the vault open.

Someone else may still delete or replace the lock file while it is held; a second process
could then take a lock of its own. So before every save the holder confirms that the file
at the lock's path is still the one it holds (``confirm``), and takes a fresh one when the
old one is merely gone and nobody else holds the new one.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
from pathlib import Path

from ..words import Phrase
from . import sidecar
from .errors import UnsafeVault, VaultBusy, VaultTakenOver, shown

# A full or read-only disk, or a folder Cairn may not write: the vault can still be read.
READ_ONLY_ERRNOS = {
    errno.EROFS: Phrase("vault.read_only_because.read_only_disk"),
    errno.ENOSPC: Phrase("vault.read_only_because.full_disk"),
    errno.EDQUOT: Phrase("vault.read_only_because.full_disk"),
    errno.EACCES: Phrase("vault.read_only_because.not_allowed"),
    errno.EPERM: Phrase("vault.read_only_because.not_allowed"),
}


def lock_path(vault_path: Path) -> Path:
    return vault_path.with_name(vault_path.name + ".lock")


class VaultLock:
    def __init__(self, vault_path: Path) -> None:
        self.path = lock_path(vault_path)
        self._fd: int | None = None
        # Set when no lock could be taken because nothing can be written beside the vault:
        # the vault is then opened for reading only, and this says why.
        self.read_only_reason: Phrase | None = None

    def acquire(self) -> None:
        fd: int | None
        try:
            fd = sidecar.open_private(self.path, os.O_RDWR, create=True)
        except sidecar.SidecarRefused as refused:
            raise UnsafeVault(
                "vault.not_the_lock", path=shown(self.path), what=refused.what
            ) from None
        except OSError as error:
            fd = self._read_only_fallback(error)
        if fd is None:
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_pid(fd)
            os.close(fd)
            raise VaultBusy(holder) from None
        except OSError:
            os.close(fd)
            raise UnsafeVault("vault.unusable_lock", path=shown(self.path)) from None
        # The pid only helps a refused process name the holder: a full disk must not stop
        # the person from reading their vault.
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        self._fd = fd

    def _read_only_fallback(self, error: OSError) -> int | None:
        """The lock file cannot be opened for writing. On a read-only disk an existing one
        is still locked (read-only descriptors take flock); otherwise the vault is opened
        for reading only, with the reason kept."""
        reason = READ_ONLY_ERRNOS.get(error.errno or 0)
        if reason is None:
            raise UnsafeVault("vault.unusable_lock", path=shown(self.path)) from None
        self.read_only_reason = reason
        try:
            return sidecar.open_private(self.path, os.O_RDONLY)
        except (OSError, sidecar.SidecarRefused):
            return None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def confirm(self) -> None:
        """Raise VaultTakenOver unless this process still holds the lock at the lock's path.

        A lock file that was removed (or replaced by one nobody holds) is taken again; one
        that another process holds now means that process may be writing."""
        if self._fd is None:
            raise VaultTakenOver()
        held = os.fstat(self._fd)
        try:
            now = os.lstat(self.path)
        except OSError:
            now = None
        if now is not None and (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino):
            return
        fresh = VaultLock(self.path.with_name(self.path.name.removesuffix(".lock")))
        try:
            fresh.acquire()
        except (VaultBusy, UnsafeVault):
            raise VaultTakenOver() from None
        if fresh._fd is None:
            raise VaultTakenOver()
        os.close(self._fd)
        self._fd, fresh._fd = fresh._fd, None

    def release(self) -> None:
        if self._fd is not None:
            # Empty it first so a later reader does not name a process that has gone.
            with contextlib.suppress(OSError):
                if os.fstat(self._fd).st_size:
                    os.ftruncate(self._fd, 0)
            os.close(self._fd)  # closing the descriptor releases the flock
            self._fd = None


def _read_pid(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode("ascii").strip()
        return int(text) if text else None
    except (OSError, UnicodeDecodeError, ValueError):
        return None
