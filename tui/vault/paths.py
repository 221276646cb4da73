"""Where a vault may live: owner, permissions, symlinks, and leftovers of interrupted saves."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from .errors import NotAVaultPath, UnsafeVault, VaultMissing

MAX_VAULT_BYTES = 1024 * 1024 * 1024


def _symlink_refused(path: Path) -> UnsafeVault:
    return UnsafeVault(f"{path} is a symbolic link; Cairn opens only the real vault file.")


def temp_pattern(path: Path) -> str:
    """Temp files of a save start with a dot and the vault's name, so they sort beside it."""
    return f".{path.name}.*.tmp"


def prepare_folder(folder: Path) -> None:
    """Create the vault folder as 0700 when it is missing, then check it."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except NotADirectoryError:
        raise NotAVaultPath(str(folder), "a file") from None
    except PermissionError:
        raise UnsafeVault(f"Cairn is not allowed to create the folder {folder}.") from None
    check_folder(folder)


def check_folder(folder: Path) -> None:
    try:
        info = os.stat(folder)
    except FileNotFoundError:
        raise VaultMissing(str(folder)) from None
    if not stat.S_ISDIR(info.st_mode):
        raise NotAVaultPath(str(folder), "not a folder")
    if info.st_uid != os.geteuid():
        raise UnsafeVault(f"The folder {folder} belongs to another user, so Cairn will not use it.")
    if info.st_mode & 0o022:
        raise UnsafeVault(
            f"Other users can change the folder {folder}; run 'chmod 700 {folder}' first."
        )


def check_vault_file(path: Path) -> None:
    """Refuse anything but a regular file that only its owner can read and write."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        raise VaultMissing(str(path)) from None
    except NotADirectoryError:
        raise VaultMissing(str(path)) from None
    if stat.S_ISLNK(info.st_mode):
        raise _symlink_refused(path)
    if stat.S_ISDIR(info.st_mode):
        raise NotAVaultPath(str(path), "a folder")
    if not stat.S_ISREG(info.st_mode):
        raise NotAVaultPath(str(path), "not a regular file")
    if info.st_uid != os.geteuid():
        raise UnsafeVault(f"{path} belongs to another user, so Cairn will not open it.")
    if info.st_mode & 0o077:
        raise UnsafeVault(f"Other users can read or change {path}; run 'chmod 600 {path}' first.")
    check_folder(path.parent)


def read_vault_bytes(path: Path) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except FileNotFoundError:
        raise VaultMissing(str(path)) from None
    except PermissionError:
        raise UnsafeVault(f"Cairn is not allowed to read {path}.") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise UnsafeVault(
                f"{path} is a symbolic link; Cairn opens only the real vault file."
            ) from None
        raise
    try:
        size = os.fstat(fd).st_size
        if size > MAX_VAULT_BYTES:
            raise NotAVaultPath(str(path), "larger than any vault")
        chunks = []
        while chunk := os.read(fd, 1024 * 1024):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def remove_stale_temp_files(path: Path) -> None:
    """A crash between writing a temp file and renaming it leaves one behind (sealed, but
    useless); the lock holder removes them."""
    for leftover in path.parent.glob(temp_pattern(path)):
        with contextlib.suppress(OSError):
            leftover.unlink()
