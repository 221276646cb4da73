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
    return UnsafeVault(f"{shown(path)} is a symbolic link; Cairn opens only the real vault file.")


def _bad_path(path: Path, error: OSError) -> NotAVaultPath | None:
    """A path the system cannot even look up, in words; None for other errors."""
    if error.errno == errno.ENAMETOOLONG:
        return NotAVaultPath(str(path), "a path too long for this system")
    if error.errno == errno.ELOOP:
        return NotAVaultPath(str(path), "a path with too many symbolic links")
    if error.errno == errno.ENOTDIR:
        return NotAVaultPath(str(path), "inside something that is not a folder")
    return None


def temp_pattern(path: Path) -> str:
    """Temp files of a save start with a dot and the vault's name, so they sort beside it."""
    return f".{path.name}.*.tmp"


def prepare_folder(folder: Path) -> None:
    """Create the vault folder as 0700 when it is missing, then check it."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except (NotADirectoryError, FileExistsError):
        raise NotAVaultPath(str(folder), "a file") from None
    except PermissionError:
        raise UnsafeVault(f"Cairn is not allowed to create the folder {shown(folder)}.") from None
    except OSError as error:
        raise _bad_path(folder, error) or error from None
    check_folder(folder)


_PRIVATE_ADVICE = (
    "keep the vault in a folder only you can enter, such as the default one "
    "(run cairn without --vault)"
)


def check_folder(folder: Path) -> None:
    try:
        info = os.stat(folder)
    except FileNotFoundError:
        raise VaultMissing(str(folder)) from None
    except OSError as error:
        raise _bad_path(folder, error) or error from None
    if not stat.S_ISDIR(info.st_mode):
        raise NotAVaultPath(str(folder), "not a folder")
    # A shared folder such as /tmp (sticky and writable by others) is never made private:
    # changing its mode would break it for everyone else. The advice is to move the vault.
    shared = info.st_mode & stat.S_ISVTX and info.st_mode & 0o022
    if info.st_uid != os.geteuid() or shared:
        whose = "is shared with other users" if shared else "belongs to another user"
        raise UnsafeVault(
            f"The folder {shown(folder)} {whose}, so Cairn will not use it; {_PRIVATE_ADVICE}."
        )
    if info.st_mode & 0o022:
        raise UnsafeVault(
            f"Other users can change the folder {shown(folder)}; make it private with "
            f"'chmod 700' on that folder, or {_PRIVATE_ADVICE}."
        )


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
        raise NotAVaultPath(str(path), "a folder")
    if not stat.S_ISREG(info.st_mode):
        raise NotAVaultPath(str(path), "not a regular file")
    if not private:
        return
    if info.st_uid != os.geteuid():
        raise UnsafeVault(f"{shown(path)} belongs to another user, so Cairn will not open it.")
    if info.st_mode & 0o077:
        raise UnsafeVault(
            f"Other users can read or change {shown(path)}; run 'chmod 600' on it first."
        )
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
        raise UnsafeVault(f"Cairn is not allowed to read {shown(path)}.") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise _symlink_refused(path) from None
        raise _bad_path(path, error) or error from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAVaultPath(str(path), "not a regular file")
        if info.st_size > MAX_VAULT_BYTES:
            raise NotAVaultPath(str(path), "larger than any vault")
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
