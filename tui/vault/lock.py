"""One writer per vault across processes: flock on a separate ``.lock`` file.

The lock file is never renamed (a lock on the vault file itself would be lost when a save
installs a new inode) and never deleted. flock is released when its holder dies, so a
killed process leaves no stale lock. The holder writes its pid there so a second process
can say who has the vault open.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path

from .errors import UnsafeVault, VaultBusy


def lock_path(vault_path: Path) -> Path:
    return vault_path.with_name(vault_path.name + ".lock")


class VaultLock:
    def __init__(self, vault_path: Path) -> None:
        self.path = lock_path(vault_path)
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        except PermissionError:
            raise UnsafeVault(f"Cairn is not allowed to use the lock file {self.path}.") from None
        except OSError:
            raise UnsafeVault(f"{self.path} cannot be used as a lock file.") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_pid(fd)
            os.close(fd)
            raise VaultBusy(holder) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        self._fd = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is not None:
            # Empty it first so a later reader does not name a process that has gone.
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)
            os.close(self._fd)  # closing the descriptor releases the flock
            self._fd = None


def _read_pid(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode("ascii").strip()
        return int(text) if text else None
    except (OSError, UnicodeDecodeError, ValueError):
        return None
