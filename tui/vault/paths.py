"""Where a vault may live: owner, permissions, symlinks, and leftovers of interrupted saves."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from .errors import NotAVaultPath, UnsafeVault, VaultMissing, shown

MAX_VAULT_BYTES = 1024 * 1024 * 1024

# What identifies the file Cairn last read or wrote: device, inode, size, modification time.
Identity = tuple[int, int, int, int]


def identity_of(info: os.stat_result) -> Identity:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def _symlink_refused(path: Path) -> UnsafeVault:
    return UnsafeVault("vault.symlink", path=shown(path))


def _bad_path(path: Path, error: OSError) -> NotAVaultPath | None:
    """A path the system cannot even look up, in words; None for other errors."""
    if error.errno == errno.ENAMETOOLONG:
        return NotAVaultPath(str(path), "path_too_long")
    if error.errno == errno.ELOOP:
        return NotAVaultPath(str(path), "too_many_links")
    if error.errno == errno.ENOTDIR:
        return NotAVaultPath(str(path), "inside_non_folder")
    return None


def temp_pattern(path: Path) -> str:
    """Temp files of a save start with a dot and the vault's name, so they sort beside it."""
    return f".{path.name}.*.tmp"


def prepare_folder(folder: Path) -> None:
    """Create the vault folder as 0700 when it is missing, then check it."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except (NotADirectoryError, FileExistsError):
        raise NotAVaultPath(str(folder), "file") from None
    except PermissionError:
        raise UnsafeVault("vault.cannot_create_folder", folder=shown(folder)) from None
    except OSError as error:
        raise _bad_path(folder, error) or error from None
    check_folder(folder)


def check_folder(folder: Path) -> None:
    try:
        info = os.stat(folder)
    except FileNotFoundError:
        raise VaultMissing(str(folder)) from None
    except OSError as error:
        raise _bad_path(folder, error) or error from None
    if not stat.S_ISDIR(info.st_mode):
        raise NotAVaultPath(str(folder), "not_a_folder")
    # A shared folder such as /tmp (sticky and writable by others) is never made private:
    # changing its mode would break it for everyone else. The advice is to move the vault.
    shared = info.st_mode & stat.S_ISVTX and info.st_mode & 0o022
    if info.st_uid != os.geteuid() or shared:
        whose = "vault.shared_folder" if shared else "vault.others_folder"
        raise UnsafeVault(whose, folder=shown(folder))
    if info.st_mode & 0o022:
        raise UnsafeVault("vault.open_folder", folder=shown(folder))


def check_vault_file(path: Path, *, private: bool = True) -> None:
    """Refuse anything but a regular file that only its owner can read and write. Opened
    only for reading (``private`` False: a copy on a USB stick formatted FAT, whose modes
    cannot be private), any regular file is read; nothing is written there."""
    try:
        info = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise VaultMissing(str(path)) from None
    except OSError as error:
        raise _bad_path(path, error) or error from None
    if stat.S_ISLNK(info.st_mode):
        raise _symlink_refused(path)
    if stat.S_ISDIR(info.st_mode):
        raise NotAVaultPath(str(path), "folder")
    if not stat.S_ISREG(info.st_mode):
        raise NotAVaultPath(str(path), "not_regular")
    if not private:
        return
    if info.st_uid != os.geteuid():
        raise UnsafeVault("vault.others_file", path=shown(path))
    if info.st_mode & 0o077:
        raise UnsafeVault("vault.open_file", path=shown(path))
    check_folder(path.parent)


def read_vault_bytes(path: Path) -> tuple[bytes, Identity]:
    """The vault's bytes and what identifies the file they came from. Opened without
    following a link and without blocking, so a pipe swapped in cannot hang the reader."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise VaultMissing(str(path)) from None
    except PermissionError:
        raise UnsafeVault("vault.not_allowed_to_read", path=shown(path)) from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise _symlink_refused(path) from None
        raise _bad_path(path, error) or error from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAVaultPath(str(path), "not_regular")
        if info.st_size > MAX_VAULT_BYTES:
            raise NotAVaultPath(str(path), "larger_than_vault")
        chunks = []
        while chunk := os.read(fd, 1024 * 1024):
            chunks.append(chunk)
        return b"".join(chunks), identity_of(info)
    finally:
        os.close(fd)


def current_identity(path: Path) -> Identity | None:
    try:
        return identity_of(os.lstat(path))
    except OSError:
        return None


def remove_stale_temp_files(path: Path) -> None:
    """A crash between writing a temp file and renaming it leaves one behind (sealed, but
    useless); the lock holder removes them."""
    for leftover in path.parent.glob(temp_pattern(path)):
        with contextlib.suppress(OSError):
            leftover.unlink()
