"""Copies of the vault elsewhere (a USB stick, another disk) and putting one back.

A backup is a folder ``backup-YYYY-MM-DD-HHMMSS`` in the place chosen, holding the vault
file and its attached files exactly as they are on disk: still sealed, never decrypted
on the way. The attached files go first, each flushed, and the vault file last, through a
temp file renamed into place: a copy is whole exactly when its vault file is there.
(Folders are never renamed: a FAT driver tried here lost a renamed folder's contents.)
It is read back (with the key in memory: no passphrase needed) before it is acknowledged;
only then are copies beyond the last few removed. A backup cut short by a crash or a
pulled stick is a folder without a vault file, which the next backup removes; the copies
made before stay whole.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from . import journal
from .journal import attachments
from .private_file import flush_folder, storage_sentence, write_private
from .vault import (
    VAULT_MAGIC,
    CopyDamaged,
    CopyRefused,
    FileDamaged,
    SealedFile,
    Vault,
    VaultExists,
    VaultLock,
    VaultWriteFailed,
    prepare_folder,
    read_vault_bytes,
    shown,
)
from .vault import files as sealed_io
from .words import Phrase, os_reason, say

KEEP = 3  # copies kept in one place, newest first; older ones go once a new one checks out
NAME = re.compile(r"^backup-\d{4}-\d\d-\d\d-\d{6}(-\d+)?$")


@dataclass(frozen=True)
class BackupMade:
    path: Path  # the new copy
    kept: list[Path]  # every copy kept there, newest first
    removed: list[Path]  # older copies removed
    used: int  # bytes used by the kept copies
    private: bool  # whether that drive keeps file modes (FAT and exFAT do not)
    files: int  # attached files copied


def sealed_files(vault: Vault) -> list[SealedFile]:
    return [attachment.sealed for attachment in journal.attachments_of(vault)]


def make_backup(vault: Vault, to: Path, *, now: datetime, keep: int = KEEP) -> BackupMade:
    """Copy the vault and its files into ``to``; see the module's words."""
    place = _check_place(vault, to)
    for leftover in _entries(place, NAME):
        if not _is_whole(leftover):
            shutil.rmtree(leftover, ignore_errors=True)  # a backup cut short earlier
    sealed = sealed_files(vault)
    final = _free_name(place, now)
    try:
        os.mkdir(final, 0o700)
        flush_folder(place)
        vault.write_copy(final, sealed)
    except OSError as error:
        shutil.rmtree(final, ignore_errors=True)
        raise VaultWriteFailed(_sentence(error)) from None
    except BaseException:
        shutil.rmtree(final, ignore_errors=True)
        raise
    try:
        vault.verify_copy(final / vault.path.name, sealed)
    except FileDamaged as damage:
        raise CopyDamaged("backup.copy_damaged", copy=shown(final), damage=damage) from None
    copies = backups_in(place)
    kept, removed = copies[:keep], copies[keep:]
    for old in removed:
        shutil.rmtree(old, ignore_errors=True)
    if removed:
        flush_folder(place)
    private = _keeps_modes(final / vault.path.name)
    return BackupMade(final, kept, removed, sum(map(_size_of, kept)), private, len(sealed))


RECORDS = "backups"


def record_backup(vault: Vault, made: BackupMade, at: str) -> None:
    """Remember when and where (inside the vault) for home's reminder; a read-only vault
    remembers nothing."""
    if not vault.read_only:
        vault.collection(RECORDS).add({"at": at, "copy": str(made.path)})


def last_backup(vault: Vault) -> datetime | None:
    times = [r.get("at") for r in vault.collection(RECORDS).all()]
    found = [datetime.fromisoformat(t) for t in times if isinstance(t, str)]
    return max(found) if found else None


def _keeps_modes(path: Path) -> bool:
    """Whether the drive keeps a file's mode: FAT and exFAT have none to keep (chmod fails,
    or changes nothing), so anyone holding the drive can read the sealed files."""
    try:
        os.chmod(path, 0o600)
        if stat.S_IMODE(os.stat(path).st_mode) != 0o600:
            return False
        os.chmod(path, 0o644)
        kept = stat.S_IMODE(os.stat(path).st_mode) == 0o644
        os.chmod(path, 0o600)
    except OSError:
        return False
    return kept


def backups_in(place: Path) -> list[Path]:
    """The whole copies in a place, newest first."""
    return sorted((c for c in _entries(place, NAME) if _is_whole(c)), key=_order, reverse=True)


def _order(copy: Path) -> tuple[str, int]:
    """By time, then by the number added when two copies were made in the same second."""
    base = copy.name[: len("backup-YYYY-MM-DD-HHMMSS")]
    rest = copy.name[len(base) + 1 :]
    return base, int(rest) if rest.isdigit() else 1


def _is_whole(copy: Path) -> bool:
    """A copy is whole once its vault file is in it (it is written last)."""
    try:
        return any(
            entry.is_file(follow_symlinks=False) and not entry.name.startswith(".")
            for entry in os.scandir(copy)
        )
    except OSError:
        return False


def _check_place(vault: Vault, to: Path) -> Path:
    try:
        info = os.stat(to)
    except FileNotFoundError:
        raise CopyRefused("backup.no_folder", folder=shown(to)) from None
    except OSError as error:
        raise CopyRefused("backup.unusable", folder=shown(to), reason=os_reason(error)) from None
    if not stat.S_ISDIR(info.st_mode):
        raise CopyRefused("backup.not_a_folder", folder=shown(to))
    place = to.resolve()
    home = vault.path.parent.resolve()
    if place == home or home in place.parents:
        raise CopyRefused("backup.beside_the_vault", folder=shown(to))
    return place


def _entries(place: Path, pattern: re.Pattern[str]) -> list[Path]:
    with contextlib.suppress(OSError):
        return [
            place / entry.name
            for entry in os.scandir(place)
            if pattern.match(entry.name) and entry.is_dir(follow_symlinks=False)
        ]
    return []


def _free_name(place: Path, now: datetime) -> Path:
    stem = f"backup-{now:%Y-%m-%d-%H%M%S}"
    candidate, number = place / stem, 1
    while os.path.lexists(candidate):
        number += 1
        candidate = place / f"{stem}-{number}"
    return candidate


def _size_of(folder: Path) -> int:
    total = 0
    for root, _, names in os.walk(folder):
        for name in names:
            with contextlib.suppress(OSError):
                total += os.lstat(os.path.join(root, name)).st_size
    return total


def _sentence(error: OSError) -> Phrase:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return Phrase("backup.drive_full")
    return storage_sentence(error, "copied")


# -- putting a copy back ----------------------------------------------------------------------


@dataclass(frozen=True)
class Restored:
    path: Path
    entries: int
    files: int


def vault_in(source: Path) -> Path:
    """The vault file of a backup: ``source`` itself, or the one file in that folder."""
    try:
        info = os.stat(source)
    except OSError:
        raise CopyRefused("backup.no_backup", source=shown(source)) from None
    if not stat.S_ISDIR(info.st_mode):
        return source
    found = [
        source / entry.name
        for entry in os.scandir(source)
        if entry.is_file(follow_symlinks=False)
        and not entry.name.startswith(".")
        and _starts_like_a_vault(source / entry.name)
    ]
    if len(found) != 1:
        raise CopyRefused("backup.not_a_backup", source=shown(source))
    return found[0]


def _starts_like_a_vault(path: Path) -> bool:
    """Its first bytes are a vault's magic (the lock and other files beside it are not)."""
    try:
        with open(path, "rb") as found:
            return found.read(len(VAULT_MAGIC)) == VAULT_MAGIC
    except OSError:
        return False


def restore(source: Path, target: Path, secret: str, *, force: bool) -> Restored:
    """Put the backup at ``source`` in place as the vault at ``target``: opened read-only
    and checked whole first (every byte, every file, the record chain), copied, flushed,
    then read back before it is acknowledged. Never over an existing vault unless
    ``force``, and never over one that is open."""
    original = vault_in(source)
    if os.path.lexists(target) and not force:
        raise VaultExists(str(target))
    with Vault.open(original, secret, read_only=True) as backup:
        problems = _problems(backup)
        if problems:
            raise CopyDamaged("backup.backup_damaged", problems=problems)
        sealed = sealed_files(backup)
        entries = journal.count(backup)
        prepare_folder(target.parent)  # private, as for a new vault
        lock = VaultLock(target)
        lock.acquire()  # an open vault is never replaced under its holder
        try:
            _put_in_place(backup, target, sealed, force=force)
        finally:
            lock.release()
    with Vault.open(target, secret, read_only=True) as restored:
        problems = _problems(restored)
        if problems:
            raise CopyDamaged("backup.restored_damaged", problems=problems)
    return Restored(target, entries, len(sealed))


def _problems(vault: Vault) -> str:
    chain = journal.verify(vault)
    checked = attachments.check_all(vault)
    found = [str(problem) for problem in chain.problems]
    found += [
        say("backup.file_problem", file=a.id[:8], problem=problem)
        for a, problem in checked.problems
    ]
    return say("backup.list_separator").join(found)


def _put_in_place(backup: Vault, target: Path, sealed: list[SealedFile], *, force: bool) -> None:
    """The sealed files first, then the vault file that names them (as when attaching)."""
    if sealed:
        folder = sealed_io.folder_of(target)
        sealed_io.prepare(folder)
        for each in sealed:
            write_private(
                folder / each.name, sealed_io.read_sealed(backup.files_folder / each.name)
            )
    raw, _ = read_vault_bytes(backup.path)
    write_private(target, raw, overwrite=force)
