"""Files kept beside the vault, sealed: attachments, byte for byte.

Each file is sealed with libsodium's secretstream (XChaCha20-Poly1305, PyNaCl's
``crypto_secretstream_xchacha20poly1305``) under a random key of its own, in 1 MiB
messages, the last one tagged FINAL. Every message carries as associated data the vault's
file id and the attachment's id, so a sealed file cannot be moved to another attachment or
another vault. The key, the id and the file's name live only inside the vault's sealed
body; on disk the sealed file has a random name in a folder beside the vault that only the
person can enter (``<vault name>.files``, 0700). See FORMAT.md, "Attached files".

Streaming keeps memory flat whatever the size: two messages at a time.
"""

from __future__ import annotations

import base64
import contextlib
import errno
import hashlib
import os
import queue
import secrets
import stat
import struct
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import nacl.bindings as sodium
import nacl.exceptions

from ..words import Phrase, os_reason
from .errors import UnsafeVault, VaultError, VaultWriteFailed, shown
from .storage import flush_folder, storage_sentence

MAGIC = b"CAIRNATT"
VERSION = 1
PREAMBLE = struct.Struct(">8sH")
HEADER_BYTES = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES  # 24
ABYTES = sodium.crypto_secretstream_xchacha20poly1305_ABYTES  # 17
KEY_BYTES = sodium.crypto_secretstream_xchacha20poly1305_KEYBYTES  # 32
CHUNK = 1024 * 1024  # plaintext bytes per message; the last may be shorter (or empty)
ID_BYTES = 16
NAME_BYTES = 16
_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE

# Two GiB: a sealed copy then still fits on a FAT-formatted USB stick (4 GiB per file at
# most) when it is backed up, and a phone photo, a screenshot, a voicemail, a scanned letter
# or a few minutes of video are all far below it.
MAX_FILE_BYTES = 2 * 1024**3


class FileRefused(VaultError):
    """The file to attach cannot be taken (not a regular file, too large, unreadable)."""


class FileDamaged(VaultError):
    """A sealed file is missing, damaged, or not the one the vault names; ``str()`` says
    which in a few words, to go into a sentence about that file."""


@dataclass(frozen=True)
class SealedFile:
    """What the vault keeps about one sealed file (inside its sealed body)."""

    id: str  # hex; bound into every message
    name: str  # the sealed file's random name in the folder
    key: str  # base64 secretstream key
    size: int  # bytes of the original
    sha256: str  # of the original bytes
    modified: float  # the original's modification time (seconds since the epoch)


def folder_of(vault_path: Path) -> Path:
    return vault_path.with_name(vault_path.name + ".files")


def new_id() -> str:
    return secrets.token_hex(ID_BYTES)


def new_name() -> str:
    return secrets.token_hex(NAME_BYTES)


def _associated(file_id: bytes, attachment_id: str) -> bytes:
    return PREAMBLE.pack(MAGIC, VERSION) + file_id + bytes.fromhex(attachment_id)


# -- reading what is to be attached ---------------------------------------------------------


def open_source(path: Path) -> tuple[int, os.stat_result]:
    """An open descriptor on the file to attach and its status; anything but a regular
    file, or one over the limit, refused in one sentence. Never blocks (a FIFO)."""
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise FileRefused("vault.attach.missing", path=shown(path)) from None
    except IsADirectoryError:
        raise FileRefused(_not_regular(path, "folder")) from None
    except PermissionError:
        raise FileRefused("vault.attach.not_allowed", path=shown(path)) from None
    except OSError as error:
        reason = os_reason(error)
        raise FileRefused("vault.attach.unreadable", path=shown(path), reason=reason) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise FileRefused(_not_regular(path, "folder"))
        if stat.S_ISFIFO(info.st_mode):
            raise FileRefused(_not_regular(path, "pipe"))
        if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode):
            raise FileRefused(_not_regular(path, "device"))
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(_not_regular(path, "not_ordinary"))
        if info.st_size > MAX_FILE_BYTES:
            raise FileRefused(too_large(path))
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd, info


def _not_regular(path: Path, what: str) -> Phrase:
    return Phrase("vault.attach.not_regular", path=shown(path), what=Phrase(f"vault.what.{what}"))


def too_large(path: Path) -> Phrase:
    return Phrase("vault.attach.too_large", path=shown(path), gib=MAX_FILE_BYTES // 1024**3)


def _read_full(fd: int, size: int) -> bytes:
    """Up to ``size`` bytes, fewer only at the end of the file."""
    parts: list[bytes] = []
    wanted = size
    while wanted:
        part = os.read(fd, wanted)
        if not part:
            break
        parts.append(part)
        wanted -= len(part)
    return parts[0] if len(parts) == 1 else b"".join(parts)


# -- sealing --------------------------------------------------------------------------------


def seal(
    folder: Path, source: Path, file_id: bytes, *, attachment_id: str, name: str
) -> SealedFile:
    """Seal ``source`` into ``folder/name``, durably (file and folder flushed) before it
    returns. On any failure nothing is left in the folder and the error is raised: one
    sentence (FileRefused for the source, VaultWriteFailed for the disk)."""
    fd, info = open_source(source)
    key = sodium.crypto_secretstream_xchacha20poly1305_keygen()
    temp = folder / f".{secrets.token_hex(8)}.tmp"
    try:
        prepare(folder)
        out = _create(temp)
        try:
            size, digest = _stream(fd, out, key, _associated(file_id, attachment_id), source)
            os.fsync(out)
        finally:
            os.close(out)
        os.link(temp, folder / name)  # never over an existing file
        os.unlink(temp)
        flush_folder(folder)
    except OSError as error:
        _discard(temp, folder / name)
        raise VaultWriteFailed(storage_sentence(error, "attached")) from None
    except BaseException:
        _discard(temp, folder / name)
        raise
    finally:
        os.close(fd)
    return SealedFile(
        id=attachment_id,
        name=name,
        key=base64.b64encode(key).decode("ascii"),
        size=size,
        sha256=digest,
        modified=info.st_mtime,
    )


def _stream(fd: int, out: int, key: bytes, associated: bytes, source: Path) -> tuple[int, str]:
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    header = sodium.crypto_secretstream_xchacha20poly1305_init_push(state, key)
    _write_all(out, PREAMBLE.pack(MAGIC, VERSION) + header)
    with _HashAndWrite(out) as behind:
        size = 0
        chunk = _read_full(fd, CHUNK)
        while True:
            # Read one ahead: the last message is tagged FINAL, so a cut file shows.
            following = _read_full(fd, CHUNK) if len(chunk) == CHUNK else b""
            size += len(chunk)
            if size > MAX_FILE_BYTES:  # it grew while being read
                raise FileRefused(too_large(source))
            tag = _FINAL if not following else _MESSAGE
            sealed = sodium.crypto_secretstream_xchacha20poly1305_push(
                state, chunk, associated, tag
            )
            behind.take(chunk, sealed)
            if tag == _FINAL:
                return size, behind.finish()
            chunk = following


class _HashAndWrite:
    """Hashing the original and writing the sealed messages on a second thread, while this
    one reads and seals the next: hashlib, libsodium and os.write all let go of the
    interpreter lock while they work, so the two share the machine's cores. At most a few
    messages wait, so memory stays flat. An error there (a full disk) is raised here."""

    def __init__(self, out: int) -> None:
        self._out = out
        self._digest = hashlib.sha256()
        self._waiting: queue.Queue[tuple[bytes, bytes] | None] = queue.Queue(maxsize=4)
        self._failed: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="cairn-seal", daemon=True)

    def __enter__(self) -> _HashAndWrite:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop()

    def _run(self) -> None:
        while (item := self._waiting.get()) is not None:
            if self._failed is not None:
                continue  # drain what is queued, write nothing more
            plain, sealed = item
            try:
                self._digest.update(plain)
                _write_all(self._out, sealed)
            except BaseException as error:  # handed to the sealing thread
                self._failed = error

    def take(self, plain: bytes, sealed: bytes) -> None:
        if self._failed is not None:
            raise self._failed
        self._waiting.put((plain, sealed))

    def _stop(self) -> None:
        if self._thread.is_alive():
            self._waiting.put(None)
            self._thread.join()

    def finish(self) -> str:
        """Once everything is hashed and written: the SHA-256 of the original."""
        self._stop()
        if self._failed is not None:
            raise self._failed
        return self._digest.hexdigest()


def _create(path: Path) -> int:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    return os.open(path, flags, 0o600)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _discard(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            os.unlink(path)


def prepare(folder: Path) -> None:
    """The folder, made private (0700) the first time; refused when it is anything else."""
    try:
        os.mkdir(folder, 0o700)
        flush_folder(folder.parent)
    except FileExistsError:
        pass
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid():
        raise UnsafeVault("vault.attach.folder", folder=shown(folder))
    if info.st_mode & 0o077:
        os.chmod(folder, 0o700)


# -- opening --------------------------------------------------------------------------------


def unseal(folder: Path, sealed: SealedFile, file_id: bytes) -> Iterator[bytes]:
    """The original bytes, a message at a time. Raises FileDamaged (why, in a few words) when the
    sealed file is missing, cut short, changed, or belongs elsewhere: before any byte of
    a damaged message is handed out."""
    path = folder / sealed.name
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise FileDamaged("vault.file_damage.missing") from None
    except OSError as error:
        raise FileDamaged("vault.file_damage.os", reason=os_reason(error)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileDamaged("vault.file_damage.not_a_file")
        # The length follows from the original's size, so a cut or a longer file is named
        # as such before any decryption (which could only say "changed").
        expected = sealed_size(sealed.size)
        if info.st_size < expected:
            raise FileDamaged("vault.file_damage.cut_short")
        if info.st_size > expected:
            raise FileDamaged("vault.file_damage.bytes_after")
        yield from _pull(fd, sealed, file_id)
    except OSError as error:  # the disk failed while reading it
        raise FileDamaged("vault.file_damage.os", reason=os_reason(error)) from None
    finally:
        os.close(fd)


def _pull(fd: int, sealed: SealedFile, file_id: bytes) -> Iterator[bytes]:
    start = _read_full(fd, PREAMBLE.size + HEADER_BYTES)
    if len(start) < PREAMBLE.size + HEADER_BYTES:
        raise FileDamaged("vault.file_damage.cut_short")
    magic, version = PREAMBLE.unpack_from(start)
    if magic != MAGIC or version != VERSION:
        raise FileDamaged("vault.file_damage.not_sealed")
    try:
        key = base64.b64decode(sealed.key, validate=True)
        associated = _associated(file_id, sealed.id)
        state = sodium.crypto_secretstream_xchacha20poly1305_state()
        sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, start[PREAMBLE.size :], key)
    except (ValueError, nacl.exceptions.CryptoError):
        raise FileDamaged("vault.file_damage.key") from None
    while True:
        message = _read_full(fd, CHUNK + ABYTES)
        if len(message) < ABYTES:
            raise FileDamaged("vault.file_damage.cut_short")
        try:
            plain, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(
                state, message, associated
            )
        except (nacl.exceptions.CryptoError, ValueError):
            raise FileDamaged("vault.file_damage.changed") from None
        if tag == _FINAL:
            if os.read(fd, 1):
                raise FileDamaged("vault.file_damage.bytes_after")
            yield plain
            return
        if len(message) < CHUNK + ABYTES:
            raise FileDamaged("vault.file_damage.cut_short")
        yield plain


def read_sealed(path: Path) -> Iterator[bytes]:
    """A sealed file's bytes as they are, a piece at a time (for copying it whole)."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise FileDamaged("vault.file_damage.missing") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise FileDamaged("vault.file_damage.not_a_file")
        while piece := os.read(fd, CHUNK):
            yield piece
    finally:
        os.close(fd)


def sealed_size(size: int) -> int:
    """The length of the sealed file of an original of ``size`` bytes: the last message is
    tagged FINAL, so an exact multiple of CHUNK ends on a full one, and an empty file is
    one empty message."""
    messages = max(1, -(-size // CHUNK))
    return PREAMBLE.size + HEADER_BYTES + size + messages * ABYTES


def fingerprint(folder: Path, sealed: SealedFile, file_id: bytes) -> tuple[int, str]:
    """Size and SHA-256 of the original, read back through the seal."""
    digest = hashlib.sha256()
    size = 0
    for part in unseal(folder, sealed, file_id):
        digest.update(part)
        size += len(part)
    return size, digest.hexdigest()


# -- tidying --------------------------------------------------------------------------------


def remove(folder: Path, names: list[str]) -> None:
    """Remove sealed files by name (gone already is fine), and flush the folder."""
    removed = False
    for name in names:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(folder / name)
            removed = True
    if removed:
        flush_folder(folder)


def remove_temp_files(folder: Path) -> None:
    """Leftovers of a sealing a crash interrupted (sealed, but useless)."""
    with contextlib.suppress(OSError):
        for leftover in folder.glob(".*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()


def names_in(folder: Path) -> set[str]:
    """The sealed files' names in the folder (temp files left out)."""
    try:
        return {
            entry.name
            for entry in os.scandir(folder)
            if not entry.name.startswith(".") and entry.is_file(follow_symlinks=False)
        }
    except FileNotFoundError:
        return set()
    except OSError as error:
        if error.errno == errno.ENOTDIR:
            return set()
        raise
