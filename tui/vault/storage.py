"""Durable replacement of a file, and the TinyDB storage that keeps plaintext in memory only.

TinyDB calls ``read()`` on every table operation, edits the documents it got in place, then
calls ``write()``. So ``read()`` hands out the live in-memory database (no decryption per
read), and a failed ``write()`` puts back the last state that reached the disk, so that
memory and disk always agree.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import secrets
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, cast

from tinydb.storages import Storage

from ..words import Phrase, os_reason
from .errors import VaultExists, VaultLocked, VaultWriteFailed

Tables = dict[str, dict[str, Any]]


def storage_sentence(error: OSError, done: str = "saved") -> Phrase:
    """What the disk refused, in one sentence ending "nothing was <done>" (``done`` is a
    key of [vault.done]: saved, attached, copied, written)."""
    nothing = Phrase(f"vault.done.{done}")
    if error.errno == errno.ENAMETOOLONG:
        return Phrase("vault.disk.name_too_long", nothing=nothing)
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return Phrase("vault.disk.full", nothing=nothing)
    if error.errno == errno.EROFS:
        return Phrase("vault.disk.read_only", nothing=nothing)
    if error.errno in (errno.EACCES, errno.EPERM):
        return Phrase("vault.disk.not_allowed", nothing=nothing)
    reason = os_reason(error)
    return Phrase("vault.disk.error", reason=reason, nothing=nothing)


class WriteNotConfirmed(VaultWriteFailed):
    """The new file is in place but the folder could not be flushed: disk has the new state."""


def write_durably(
    path: Path,
    data: bytes | Iterable[bytes],
    *,
    overwrite: bool = True,
    before_install: Callable[[], None] | None = None,
    done: str = "saved",
) -> os.stat_result:
    """Write ``data`` to ``path`` so that a crash leaves either the old file or the new one.

    Unique temp file in the same folder (0600, exclusive) -> write -> fsync -> rename (or
    link, when ``overwrite`` is False, so an existing file is never replaced) -> fsync the
    folder. Returns only when all of that succeeded, with the new file's status.
    ``data`` may come in parts (a stream never held whole in memory); ``before_install``
    runs just before the rename and may refuse by raising. ``done`` ends the sentence of a
    failure ("nothing was saved").
    """

    def fill(out: BinaryIO) -> None:
        for part in [data] if isinstance(data, bytes) else data:
            out.write(part)

    return write_durably_by(
        path, fill, overwrite=overwrite, before_install=before_install, done=done
    )


def write_durably_by(
    path: Path,
    fill: Callable[[BinaryIO], object],
    *,
    overwrite: bool = True,
    before_install: Callable[[], None] | None = None,
    done: str = "saved",
) -> os.stat_result:
    """As ``write_durably``, with ``fill`` writing the contents into the (unbuffered) temp
    file: for a writer that pushes, such as an encryptor."""
    temp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    installed = False
    try:
        fd = os.open(temp, flags, 0o600)
        try:
            fill(cast(BinaryIO, _Descriptor(fd)))
            os.fsync(fd)
            written = os.fstat(fd)
        finally:
            os.close(fd)
        if before_install is not None:
            before_install()
        if overwrite:
            os.replace(temp, path)
        else:
            os.link(temp, path)  # fails if path exists: no silent overwrite, no race
            os.unlink(temp)
        installed = True
        flush_folder(path.parent)
        return written
    except FileExistsError:
        _remove(temp)
        raise VaultExists(str(path)) from None
    except OSError as error:
        if not installed:
            _remove(temp)
            raise VaultWriteFailed(storage_sentence(error, done)) from None
        raise WriteNotConfirmed(storage_sentence(error, done)) from None
    except BaseException:  # a stream that failed part way, or before_install refusing
        if not installed:
            _remove(temp)
        raise


def flush_folder(folder: Path) -> None:
    """Make the names in ``folder`` durable (a file just renamed or linked into it)."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class _Descriptor(io.RawIOBase):
    """A file object over a descriptor whose every write is ``os.write`` until done (the
    calls the fault-injection tests replace)."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        total = len(view)
        while view:
            view = view[os.write(self._fd, view) :]
        return total


def _remove(temp: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temp)


def encode_tables(tables: Tables) -> bytes:
    # surrogatepass: text that came in with lone surrogates still round-trips exactly.
    # check_circular=False: TinyDB documents are plain JSON values, never circular, and the
    # check costs a sixth of the encoding time at 10 000 entries.
    text = json.dumps(tables, ensure_ascii=False, separators=(",", ":"), check_circular=False)
    return text.encode("utf-8", "surrogatepass")


def decode_tables(plaintext: bytes) -> Tables:
    try:
        tables = json.loads(plaintext.decode("utf-8", "surrogatepass"))
    except RecursionError:  # nested deeper than Python's parser goes: not Cairn's writing
        raise ValueError("depth") from None
    if not isinstance(tables, dict) or not all(isinstance(t, dict) for t in tables.values()):
        raise ValueError("shape")
    return tables


class SealedStorage(Storage):
    """TinyDB storage over a sealed vault file; ``persist`` seals and writes durably."""

    def __init__(self, plaintext: bytes, persist: Callable[[bytes], None]) -> None:
        self._tables: Tables | None = decode_tables(plaintext)
        self._saved = plaintext
        self._persist = persist
        self._batching = False
        # Counts every change to the in-memory tables (saved, deferred or undone), so readers
        # can keep what they derived from the tables until the next change.
        self.revision = 0

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Several table changes, one durable write: all of them reach the disk, or none do
        and memory goes back to what the disk holds."""
        if self._batching:  # nested: the outer batch writes
            yield
            return
        self._batching = True
        try:
            yield
        except BaseException:
            self._tables = decode_tables(self._saved)
            self.revision += 1
            raise
        finally:
            self._batching = False
        self.write(self.read())

    @property
    def batching(self) -> bool:
        return self._batching

    @property
    def saved_plaintext(self) -> bytes:
        """The serialised state that is on disk now."""
        if self._tables is None:
            raise VaultLocked()
        return self._saved

    def read(self) -> Tables:
        if self._tables is None:
            raise VaultLocked()
        return self._tables

    def write(self, data: Tables) -> None:
        if self._tables is None:
            raise VaultLocked()
        self.revision += 1
        if self._batching:
            self._tables = data  # written once, when the batch ends
            return
        plaintext = encode_tables(data)
        try:
            self._persist(plaintext)
        except WriteNotConfirmed:
            self._tables, self._saved = data, plaintext  # the disk has it; so does memory
            raise
        except BaseException:
            # TinyDB already changed the live documents; go back to what the disk holds.
            self._tables = decode_tables(self._saved)
            self.revision += 1
            raise
        self._tables, self._saved = data, plaintext

    def close(self) -> None:
        self._tables = None
        self._saved = b""
