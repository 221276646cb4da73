"""Files beside the vault (the draft, the failed-attempt record, the lock) and Cairn's
settings file, opened as untrusted.

Anyone who can write their folder, or a cleanup tool, can put a named pipe, a folder, a
device, a symbolic link, a hard link to another file, or a huge or junk file in their
place. So each is looked at before it is opened, opened without following links and
without blocking, checked again once open (a regular file, this account's, with no other
name), and read only up to a bound. None of those can then hang Cairn, write through to
another file or change another file's mode.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from ..words import Phrase
from .storage import flush_folder

_OPEN = os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY
MAX_ASIDE = 99


class SidecarRefused(Exception):
    """What stands at a sidecar's path is not a file Cairn may use; ``what`` says what it
    is in a few words (a Phrase of [vault.what]: a named pipe, a folder, larger than 256
    KiB), for the sentence of whoever asked."""

    def __init__(self, path: Path, what: Phrase) -> None:
        super().__init__(what.key)
        self.path, self.what = path, what


def _kind(mode: int) -> Phrase | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return Phrase("vault.what.symlink")
    if stat.S_ISDIR(mode):
        return Phrase("vault.what.folder")
    if stat.S_ISFIFO(mode):
        return Phrase("vault.what.pipe")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Phrase("vault.what.device")
    if stat.S_ISSOCK(mode):
        return Phrase("vault.what.socket")
    return Phrase("vault.what.not_ordinary")


def problem_with(info: os.stat_result) -> Phrase | None:
    """Why a file with this status may not be used, in a few words, or None."""
    kind = _kind(info.st_mode)
    if kind is not None:
        return kind
    if info.st_uid != os.geteuid():
        return Phrase("vault.what.other_owner")
    if info.st_nlink != 1:
        return Phrase("vault.what.hard_links")
    return None


def open_private(path: Path, flags: int, *, create: bool = False) -> int | None:
    """A descriptor for the regular, private, single-named file at ``path``; None when
    nothing is there and ``create`` is False. Raises SidecarRefused for anything else, and
    OSError for what the system refuses (a full or read-only disk)."""
    try:
        before: os.stat_result | None = os.lstat(path)
    except FileNotFoundError:
        before = None
    if before is None and not create:
        return None
    if before is not None and (problem := problem_with(before)) is not None:
        raise SidecarRefused(path, problem)
    extra = os.O_CREAT | os.O_EXCL if before is None else 0
    try:
        fd = os.open(path, flags | _OPEN | extra, 0o600)
    except FileExistsError:  # made by someone else between the two looks: look again
        raise SidecarRefused(path, Phrase("vault.what.changing")) from None
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.ENXIO, errno.EISDIR):
            raise SidecarRefused(path, Phrase("vault.what.changing")) from None
        raise
    try:
        after = os.fstat(fd)
        if before is not None and (before.st_dev, before.st_ino) != (after.st_dev, after.st_ino):
            raise SidecarRefused(path, Phrase("vault.what.changing"))
        if (problem := problem_with(after)) is not None:
            raise SidecarRefused(path, problem)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_private(path: Path, limit: int) -> bytes | None:
    """The whole file, at most ``limit`` bytes; None when there is none."""
    fd = open_private(path, os.O_RDONLY)
    if fd is None:
        return None
    try:
        return read_bounded(fd, path, limit)
    finally:
        os.close(fd)


def read_bounded(fd: int, path: Path, limit: int) -> bytes:
    """Everything on an open descriptor, refusing more than ``limit`` bytes."""
    if os.fstat(fd).st_size > limit:
        raise SidecarRefused(path, _larger_than(limit))
    chunks: list[bytes] = []
    total = 0
    while chunk := os.read(fd, min(1024 * 1024, limit + 1 - total)):
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:  # it grew while being read
            raise SidecarRefused(path, _larger_than(limit))
    return b"".join(chunks)


def set_aside(path: Path) -> Path | None:
    """Move whatever stands at ``path`` to the first free ``<name>.aside-N`` beside it,
    without opening, following or deleting it. Returns the new path, or None when there was
    nothing to move or it could not be moved."""
    if not os.path.lexists(path):
        return None
    for number in range(1, MAX_ASIDE + 1):
        target = path.with_name(f"{path.name}.aside-{number}")
        if os.path.lexists(target):
            continue
        try:
            os.rename(path, target)
        except OSError:
            return None
        _flush_folder(path.parent)
        return target
    return None


def remove(path: Path) -> None:
    """Remove the name at ``path`` (never what a link points to); a folder is set aside."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        return
    except (IsADirectoryError, PermissionError):
        # unlink(2) refuses folders (EISDIR on Linux, EPERM elsewhere): move it out of the way.
        if set_aside(path) is None:
            raise
        return
    _flush_folder(path.parent)


def _flush_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # setting a file aside must not stop Cairn
        flush_folder(folder)


def _larger_than(limit: int) -> Phrase:
    if limit >= 1024 * 1024:
        return Phrase("vault.what.larger_than_mib", mib=limit // (1024 * 1024))
    return Phrase("vault.what.larger_than_kib", kib=limit // 1024)
