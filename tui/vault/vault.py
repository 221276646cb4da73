"""Vault: create, open, lock and re-key one encrypted TinyDB file."""

from __future__ import annotations

import base64
import contextlib
import ctypes
import dataclasses
import hmac
import os
import resource
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table

from ..clock import stamp as _stamp
from ..words import Phrase
from . import attempts, crypto, drafts, files, format, paths, slots
from .attempts import FailedAttempts
from .collection import Collection
from .errors import (
    PassphraseNeeded,
    VaultDamaged,
    VaultExists,
    VaultLocked,
    VaultReadOnly,
    VaultTakenOver,
    VaultWriteFailed,
    WrongPassphrase,
)
from .lock import VaultLock
from .storage import SealedStorage, WriteNotConfirmed, encode_tables, write_durably

_PR_SET_DUMPABLE = 4


def harden_process() -> None:
    """No core dumps, no other program of this account reading this one's memory (the
    passphrase, decrypted text), and private files by default.

    Non-dumpable also closes /proc/<pid>/mem, environ and the like to the same account and
    refuses ptrace from it; it lasts until the next exec, so each fresh process (the panic
    relaunch included) calls this again first thing."""
    os.umask(0o077)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)


def _secret_bytes(secret: str) -> bytes:
    # NFC so that the same passphrase typed on different terminals gives the same key.
    return unicodedata.normalize("NFC", secret).encode("utf-8")


def _recovery_bytes(code: str) -> bytes:
    normalised = slots.normalise_recovery_code(code)
    assert normalised is not None
    return normalised.encode("ascii")


class Vault:
    """An unlocked vault. Plaintext lives only in this object's memory until ``lock()``."""

    def __init__(
        self,
        path: Path,
        file_lock: VaultLock | None,
        vault_file: format.VaultFile,
        data_key: bytearray,
        plaintext: bytes,
        identity: paths.Identity | None,
        read_only_reason: Phrase | None = None,
    ) -> None:
        self.path = path
        self._file_lock = file_lock
        self._header = vault_file.header
        # The header bytes exactly as stored: re-encoding could differ from another writer's.
        self._associated_data = vault_file.associated_data
        self._key: bytearray | None = data_key
        # What the file on disk was when last read or written here: a save finds out whether
        # anything else replaced it since.
        self._identity = identity
        self.read_only_reason = read_only_reason
        # Which secret opened it: "passphrase" or "recovery" (a new vault: "passphrase").
        self.opened_with = "passphrase"
        # A sealed draft the disk could not take (see seal_draft); never plaintext.
        self.unwritten_draft: bytes | None = None
        self._storage = SealedStorage(plaintext, self._persist)
        # Held by every change and every batch (see Collection): one writer at a time
        # inside this process too, since a file is recorded from a worker thread.
        self._lock = threading.RLock()
        self._db: TinyDB | None = TinyDB(storage=lambda: self._storage)

    # -- creating and opening -------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        passphrase: str,
        kdf: crypto.KdfParams = crypto.DEFAULT_KDF,
        *,
        confirm_code_later: bool = False,
    ) -> tuple[Vault, str]:
        """A new empty vault and its recovery code (to be shown once, never stored).
        With ``confirm_code_later`` the vault remembers that the code still has to be
        confirmed, so an interruption before that is noticed at the next unlock."""
        paths.prepare_folder(path.parent)
        file_lock = VaultLock(path)
        file_lock.acquire()
        try:
            if file_lock.read_only_reason is not None:
                raise VaultReadOnly("vault.not_made", reason=file_lock.read_only_reason)
            if os.path.lexists(path):
                raise VaultExists(str(path))
            recovery_code = slots.new_recovery_code()
            data_key = crypto.new_data_key()
            file_id = crypto.random_bytes(format.FILE_ID_BYTES)
            public_key, private_key = attempts.new_key_pair()
            header = format.Header(
                version=format.VERSION,
                file_id=file_id,
                slots=(
                    slots.make(data_key, _secret_bytes(passphrase), "passphrase", kdf, file_id),
                    slots.make(data_key, _recovery_bytes(recovery_code), "recovery", kdf, file_id),
                ),
                attempts_key=public_key,
            )
            associated_data = format.encode_header(header)
            internal = _internal_record(private_key)
            if confirm_code_later:
                internal[UNCONFIRMED] = True
            plaintext = encode_tables({INTERNAL_TABLE: {"1": internal}})
            sealed = crypto.seal(data_key, plaintext, associated_data)
            written = write_durably(path, associated_data + sealed, overwrite=False)
        except BaseException:
            file_lock.release()
            raise
        vault_file = format.VaultFile(header, associated_data, sealed)
        vault = cls(path, file_lock, vault_file, data_key, plaintext, paths.identity_of(written))
        return vault, recovery_code

    @classmethod
    def open(cls, path: Path, secret: str, *, read_only: bool = False) -> Vault:
        """Open with the passphrase or the recovery code. Never writes to the vault file.

        ``read_only`` writes nothing at all beside it either (no lock file, no record of a
        wrong passphrase, no draft); a vault whose lock cannot be written (a full or
        read-only disk) is also opened for reading only, with the reason kept."""
        paths.check_vault_file(path, private=not read_only)
        file_lock = None if read_only else VaultLock(path)
        if file_lock is not None:
            file_lock.acquire()
        try:
            raw, identity = paths.read_vault_bytes(path)
            vault_file = format.parse(raw)
            header = vault_file.header
            try:
                opened_with, data_key = _unlock_data_key(header, secret)
            except WrongPassphrase:
                if file_lock is not None and header.attempts_key is not None:
                    attempts.record(path, header.attempts_key, _now())
                raise
            try:
                plaintext = crypto.open_sealed(
                    data_key, vault_file.sealed_body, vault_file.associated_data
                )
                reason = READ_ONLY_ASKED if file_lock is None else file_lock.read_only_reason
                vault = cls(path, file_lock, vault_file, data_key, plaintext, identity, reason)
                vault.opened_with = opened_with
            except (crypto.SealBroken, ValueError):
                crypto.wipe(data_key)
                raise VaultDamaged(Phrase("vault.damage.contents")) from None
            if vault.read_only_reason is None:
                paths.remove_stale_temp_files(path)
                with contextlib.suppress(VaultReadOnly, OSError):
                    vault._finish_rekey()  # a change of keys a crash interrupted
                with contextlib.suppress(VaultReadOnly, OSError):
                    vault.tidy_files()  # files a crash left half attached or half removed
            return vault
        except BaseException:
            if file_lock is not None:
                file_lock.release()
            raise

    # -- using ----------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._db is not None

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @property
    def revision(self) -> int:
        """Changes with every change to the tables: what was read before is stale."""
        return self._storage.revision

    @property
    def header(self) -> format.Header:
        return self._header

    def collection(self, name: str) -> Collection:
        """The named collection of documents (made on first write). The only way the rest
        of Cairn reaches what the vault holds."""
        return Collection(lambda: self._table(name), self._lock)

    def _table(self, name: str) -> Table:
        if self._db is None:
            raise VaultLocked()
        return self._db.table(name)

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group changes to several tables into one atomic, durable write. If the block or
        the write fails, nothing of it is kept, in memory or on disk."""
        if self._db is None:
            raise VaultLocked()
        db = self._db
        with self._lock:
            try:
                with self._storage.batch():
                    yield
            except BaseException:
                for name in db.tables():  # cached query results may describe the undone state
                    db.table(name).clear_cache()
                raise

    def take_failed_attempts(self) -> FailedAttempts:
        """Failed unlocks recorded since the last call, now folded into the vault's
        ``failed_attempts`` table (a damaged record as one line, never line by line)."""
        self._require_key()
        if self.read_only:
            return FailedAttempts()  # nothing is moved while nothing can be written
        internal = self._internal()
        private_b64 = internal.get("attempts_private_key")
        if self._header.attempts_key is None or not isinstance(private_b64, str):
            # A vault from before the record existed: give it a key pair now.
            public_key, private_key = attempts.new_key_pair()
            self._put_internal(_internal_record(private_key))
            self._install_header(dataclasses.replace(self._header, attempts_key=public_key))
            return FailedAttempts()
        found = attempts.collect(self.path, self._attempt_keys())
        if found:
            rows: list[dict[str, Any]] = [{"at": when} for when in found.times]
            if found.damaged:
                rows.append({"at": None, "damaged": True})
            self.collection(ATTEMPTS_TABLE).add_all(rows)
            attempts.clear(self.path)
        return found

    # -- changing the keys ----------------------------------------------------------------

    def change_passphrase(self, current: str, new_passphrase: str) -> str | None:
        """A new passphrase and a new data key, so that a copy of the file made before,
        opened with the old passphrase, opens nothing written from now on. The recovery
        code keeps working; returns a new recovery code only when the old one could not
        follow (a vault from format 1, opened with the passphrase)."""
        opened_with = self._confirm_secret(current)
        new_secrets = {"passphrase": _secret_bytes(new_passphrase)}
        new_code = self._carry_legacy_recovery(opened_with, current, new_secrets)
        self._rekey(new_secrets)
        return new_code

    def replace_recovery_code(self, passphrase: str, *, confirm_later: bool = False) -> str:
        """A new recovery code and a new data key: the old code opens nothing written from
        now on. Needs the passphrase (a recovery code cannot replace itself). With
        ``confirm_later``, the vault remembers the code is not yet confirmed."""
        if self._confirm_secret(passphrase) != "passphrase":
            raise PassphraseNeeded()
        code = slots.new_recovery_code()
        new_secrets = {"recovery": _recovery_bytes(code)}
        current = self._header.slot("passphrase")
        if current is not None and current.is_legacy:
            new_secrets["passphrase"] = _secret_bytes(passphrase)
        self._rekey(new_secrets, {UNCONFIRMED: True} if confirm_later else {})
        return code

    @property
    def recovery_code_unconfirmed(self) -> bool:
        """A recovery code was shown but the person never confirmed writing it down (Cairn
        was closed, locked or hidden in between)."""
        return bool(self._internal().get(UNCONFIRMED))

    def confirm_recovery_code(self) -> None:
        """The person typed the end of the code shown: it is written down."""
        internal = self._internal()
        if internal.pop(UNCONFIRMED, None) is not None:
            self._put_internal(internal)

    def _confirm_secret(self, secret: str) -> str:
        """Which slot ``secret`` opens; WrongPassphrase unless it yields this data key."""
        key = self._require_key()
        kind, found = _unlock_data_key(self._header, secret)
        try:
            if not hmac.compare_digest(bytes(found), bytes(key)):
                raise WrongPassphrase()
        finally:
            crypto.wipe(found)
        return kind

    def _carry_legacy_recovery(
        self, opened_with: str, current: str, new_secrets: dict[str, bytes]
    ) -> str | None:
        recovery = self._header.slot("recovery")
        if recovery is None or not recovery.is_legacy:
            return None
        if opened_with == "recovery":
            new_secrets["recovery"] = _recovery_bytes(current)
            return None
        code = slots.new_recovery_code()
        new_secrets["recovery"] = _recovery_bytes(code)
        return code

    def _rekey(self, new_secrets: dict[str, bytes], marks: dict[str, Any] | None = None) -> None:
        """Re-seal everything under a new data key: the vault (one atomic, durable write),
        then the draft and the failed-attempt record. Until both are re-sealed the vault
        keeps the previous keys inside its sealed body, so a crash in between loses
        neither; they are dropped in a second write (or at the next open)."""
        if self.read_only_reason is not None:
            raise _read_only(self.read_only_reason)
        old_key = self._require_key()
        new_key = crypto.new_data_key()
        header = self._header
        new_slots = tuple(
            slots.make(new_key, new_secrets[slot.kind], slot.kind, slot.kdf, header.file_id)
            if slot.kind in new_secrets
            else slots.give_key(slot, new_key)
            for slot in header.slots
        )
        public_key, private_key = attempts.new_key_pair()
        new_header = dataclasses.replace(
            header, version=format.VERSION, slots=new_slots, attempts_key=public_key
        )
        internal = self._internal()
        retired = {"data_key": _b64(bytes(old_key))}
        if isinstance(internal.get("attempts_private_key"), str):
            retired["attempts_private_key"] = internal["attempts_private_key"]
        saved = (self._header, self._associated_data, self._key)
        self._header, self._associated_data = new_header, format.encode_header(new_header)
        self._key = new_key
        record = {**internal, **(marks or {}), **_internal_record(private_key)}
        try:
            self._put_internal({**record, "retired": retired})
        except WriteNotConfirmed:
            pass  # the new file is in place: the new keys are the ones to keep
        except BaseException:
            self._header, self._associated_data, self._key = saved
            crypto.wipe(new_key)
            raise
        crypto.wipe(old_key)
        self._finish_rekey()

    def _finish_rekey(self) -> None:
        """Re-seal the draft and the failed-attempt record under the current keys, then
        forget the retired ones."""
        internal = self._internal()
        if "retired" not in internal:
            return
        draft = self.open_draft()
        if draft is not None:
            drafts.seal_draft(self.path, self._require_key(), self._header.file_id, draft)
        if self._header.attempts_key is not None:
            found = attempts.collect(self.path, self._attempt_keys())
            attempts.reseal(self.path, found, self._header.attempts_key)
        self._put_internal({k: v for k, v in internal.items() if k != "retired"})

    # -- drafts ---------------------------------------------------------------------------

    def seal_draft(self, draft: dict[str, Any]) -> None:
        """Keep unsaved work, encrypted, until the person chooses to restore or discard it.
        Work kept earlier and not yet restored or discarded is carried along, not lost.

        When the disk cannot take it (full, read-only), the sealed draft stays in memory
        as ``unwritten_draft`` (the panic relaunch hands it to the fresh process) and the
        error is raised."""
        draft = _merge(draft, self.open_draft())
        key, file_id = self._require_key(), self._header.file_id
        try:
            if self.read_only_reason is not None:
                raise _read_only(self.read_only_reason)
            drafts.seal_draft(self.path, key, file_id, draft)
        except (VaultWriteFailed, OSError):
            self.unwritten_draft = drafts.envelope(key, file_id, draft)
            raise
        self.unwritten_draft = None

    def open_draft(self) -> dict[str, Any] | None:
        """The kept draft (on disk, or handed over in memory when the disk could not take
        it); one that does not open is moved aside and named in ``set_aside`` (with no
        items), never overwritten."""
        keys = [self._require_key(), *map(bytearray, self._retired("data_key"))]
        found = drafts.open_draft(
            self.path, keys, self._header.file_id, may_write=not self.read_only
        )
        if found is None and self.unwritten_draft is not None:
            return drafts.open_envelope(self.unwritten_draft, keys, self._header.file_id)
        return found

    def adopt_draft(self, sealed: bytes) -> None:
        """A draft sealed by an earlier process that could not write it (handed over in
        memory): kept here, and written to disk now if the disk takes it."""
        draft = drafts.open_envelope(sealed, [self._require_key()], self._header.file_id)
        if draft is None:
            return  # not this vault's, or damaged: nothing to offer
        with contextlib.suppress(VaultWriteFailed, OSError):
            self.seal_draft(draft)  # on failure it stays in memory, merged

    def discard_draft(self) -> None:
        self._require_key()
        self.unwritten_draft = None
        if not self.read_only:
            drafts.discard_draft(self.path)

    # -- attached files -------------------------------------------------------------------

    @property
    def files_folder(self) -> Path:
        return files.folder_of(self.path)

    def seal_files(self, sources: list[Path]) -> list[files.SealedFile]:
        """Seal each file into the folder beside the vault, durably, before anything names
        it; all of them or none. Their names are first written into the vault as unfinished
        (one write), so a crash before the record that names them leaves nothing behind for
        long: the next open removes them. The caller writes its records in a ``batch()``
        that also calls ``keep_files``."""
        self._require_key()
        if self.read_only_reason is not None:
            raise _read_only(self.read_only_reason)
        if self._storage.batching:
            raise RuntimeError("seal files before the batch that records them")
        names = [files.new_name() for _ in sources]
        self._set_unfinished_files([*self._unfinished_files(), *names])
        sealed: list[files.SealedFile] = []
        try:
            for source, name in zip(sources, names, strict=True):
                sealed.append(
                    files.seal(
                        self.files_folder,
                        source,
                        self._header.file_id,
                        attachment_id=files.new_id(),
                        name=name,
                    )
                )
        except BaseException:
            with contextlib.suppress(VaultWriteFailed, OSError):
                self.tidy_files()
            raise
        return sealed

    def keep_files(self, sealed: list[files.SealedFile]) -> None:
        """The records naming these files are being written (call inside that batch)."""
        kept = {each.name for each in sealed}
        self._set_unfinished_files([n for n in self._unfinished_files() if n not in kept])

    def let_go_of_files(self, names: list[str]) -> None:
        """The records naming these files are being removed (call inside that batch); the
        files themselves go in ``tidy_files`` once that write is on disk."""
        self._set_unfinished_files([*self._unfinished_files(), *names])

    def tidy_files(self) -> int:
        """Remove the sealed files no record names any more (half attached or half removed
        when a crash came) and leftovers of an interrupted sealing; returns how many."""
        self._require_key()
        if self.read_only_reason is not None:
            raise _read_only(self.read_only_reason)
        folder = self.files_folder
        files.remove_temp_files(folder)
        unfinished = self._unfinished_files()
        if not unfinished:
            return 0
        present = files.names_in(folder)
        files.remove(folder, unfinished)
        self._set_unfinished_files([])
        return len(present & set(unfinished))

    def open_file(self, sealed: files.SealedFile) -> Iterator[bytes]:
        """The original bytes of an attached file, a message at a time (FileDamaged when it
        is missing, changed or not this vault's)."""
        self._require_key()
        return files.unseal(self.files_folder, sealed, self._header.file_id)

    def _unfinished_files(self) -> list[str]:
        found = self._internal().get(UNFINISHED_FILES, [])
        return [name for name in found if isinstance(name, str) and _is_file_name(name)]

    def _set_unfinished_files(self, names: list[str]) -> None:
        internal = {k: v for k, v in self._internal().items() if k != UNFINISHED_FILES}
        self._put_internal({**internal, UNFINISHED_FILES: names} if names else internal)

    # -- copies -----------------------------------------------------------------------------

    def write_copy(self, folder: Path, sealed: list[files.SealedFile]) -> int:
        """Write the sealed files named, then the vault file as it is on disk, into
        ``folder`` (new and empty), each durably; the vault file last, so a copy is whole
        exactly when it is there. Nothing can change the vault meanwhile: this process
        holds its lock and writes nothing else until it returns. Returns bytes written."""
        self._require_key()
        with self._lock:
            raw, _ = paths.read_vault_bytes(self.path)
            written = len(raw)
            if sealed:
                copies = files.folder_of(folder / self.path.name)
                os.mkdir(copies, 0o700)  # new, in a new folder (a FAT stick ignores the mode)
                for each in sealed:
                    source = self.files_folder / each.name
                    write_durably(copies / each.name, files.read_sealed(source), done="copied")
                    written += files.sealed_size(each.size)
            write_durably(folder / self.path.name, raw, done="copied")
        return written

    def verify_copy(self, path: Path, sealed: list[files.SealedFile]) -> None:
        """Read a copy back and prove it is this vault as saved: the same file id, a body
        that opens with this key and holds exactly what is saved here, and every sealed file
        named whole (FileDamaged or VaultDamaged otherwise). Needs no passphrase."""
        key = self._require_key()
        raw, _ = paths.read_vault_bytes(path)
        copy = format.parse(raw)
        if copy.header.file_id != self._header.file_id:
            raise VaultDamaged(Phrase("vault.damage.copy_of_another"))
        try:
            plaintext = crypto.open_sealed(key, copy.sealed_body, copy.associated_data)
        except crypto.SealBroken:
            raise VaultDamaged(Phrase("vault.damage.copy_key")) from None
        with self._lock:
            if plaintext != self._storage.saved_plaintext:
                raise VaultDamaged(Phrase("vault.damage.copy_differs"))
        folder = files.folder_of(path)
        for each in sealed:
            size, digest = files.fingerprint(folder, each, self._header.file_id)
            if size != each.size or digest != each.sha256:
                raise files.FileDamaged("vault.file_damage.not_the_bytes")

    # -- locking --------------------------------------------------------------------------

    def lock(self) -> None:
        """Drop the key and every decrypted object this vault holds; release the file.
        Waits for a change under way on another thread (a few milliseconds at most)."""
        with self._lock:
            self._lock_now()

    def _lock_now(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._key is not None:
            crypto.wipe(self._key)
            self._key = None
        if self._file_lock is not None:
            self._file_lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.lock()

    # -- internals ------------------------------------------------------------------------

    def _require_key(self) -> bytearray:
        if self._key is None:
            raise VaultLocked()
        return self._key

    def _internal(self) -> dict[str, Any]:
        return self.collection(INTERNAL_TABLE).get(1) or {}

    def _put_internal(self, record: dict[str, Any]) -> None:
        """Replace Cairn's own record whole (an upsert would keep keys left out)."""
        self.collection(INTERNAL_TABLE).put(1, record)

    def _retired(self, name: str) -> list[bytes]:
        """The key kept from before the last change of keys, while something beside the
        vault may still be sealed with it."""
        retired = self._internal().get("retired")
        value = retired.get(name) if isinstance(retired, dict) else None
        return [base64.b64decode(value)] if isinstance(value, str) else []

    def _attempt_keys(self) -> list[bytes]:
        current = self._internal().get("attempts_private_key")
        mine = [base64.b64decode(current)] if isinstance(current, str) else []
        return mine + self._retired("attempts_private_key")

    def _persist(self, plaintext: bytes) -> None:
        if self.read_only_reason is not None:
            raise _read_only(self.read_only_reason)
        sealed = crypto.seal(self._require_key(), plaintext, self._associated_data)
        written = write_durably(
            self.path, self._associated_data + sealed, before_install=self._confirm_sole_writer
        )
        self._identity = paths.identity_of(written)

    def _confirm_sole_writer(self) -> None:
        """Just before a save replaces the file: this process still holds the lock, and
        the file is the one it last read or wrote, so nothing another process saved is
        thrown away. A vault file that has gone is written again."""
        assert self._file_lock is not None
        self._file_lock.confirm()
        now = paths.current_identity(self.path)
        if now is not None and now != self._identity:
            raise VaultTakenOver()

    def _install_header(self, header: format.Header) -> None:
        """Replace the header (and so the associated data) in one atomic, durable write."""
        associated_data = format.encode_header(header)
        saved = (self._header, self._associated_data)
        self._header, self._associated_data = header, associated_data
        try:
            self._persist(self._storage.saved_plaintext)
        except WriteNotConfirmed:
            pass
        except BaseException:
            self._header, self._associated_data = saved
            raise


INTERNAL_TABLE = "_cairn"
ATTEMPTS_TABLE = "failed_attempts"
UNCONFIRMED = "recovery_code_unconfirmed"
UNFINISHED_FILES = "unfinished_files"
READ_ONLY_ASKED = Phrase("vault.read_only_because.asked")


def _merge(draft: dict[str, Any], earlier: dict[str, Any] | None) -> dict[str, Any]:
    """A new draft with the work kept earlier (newest first) and what was set aside."""
    if earlier is None:
        return draft
    return {
        **draft,
        "items": [*draft.get("items", []), *earlier.get("items", [])],
        "set_aside": [*earlier.get("set_aside", []), *draft.get("set_aside", [])],
    }


def _is_file_name(name: str) -> bool:
    # Only names Cairn makes: a crafted record cannot point removal anywhere else.
    return len(name) == 2 * files.NAME_BYTES and all(c in "0123456789abcdef" for c in name)


def _read_only(reason: Phrase) -> VaultReadOnly:
    return VaultReadOnly("vault.read_only", reason=reason)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _internal_record(private_key: bytes | bytearray) -> dict[str, Any]:
    return {"attempts_private_key": _b64(bytes(private_key))}


def _now() -> str:
    return _stamp()


def check_openable(path: Path, *, read_only: bool = False) -> None:
    """Everything that can be known about a vault without its key: raises the same typed
    errors ``Vault.open`` would (missing, unsafe, damaged, too new, open elsewhere).
    ``read_only`` looks without writing anything (no lock file is made)."""
    paths.check_vault_file(path, private=not read_only)
    format.parse(paths.read_vault_bytes(path)[0])
    if read_only:
        return
    probe = VaultLock(path)
    probe.acquire()
    probe.release()


def _unlock_data_key(header: format.Header, secret: str) -> tuple[str, bytearray]:
    """The kind of slot that opened and the data key. A secret with the shape of a
    recovery code tries the recovery slot first."""
    tries: list[tuple[str, bytes]] = []
    code = slots.normalise_recovery_code(secret)
    if code is not None:
        tries.append(("recovery", code.encode("ascii")))
    tries.append(("passphrase", _secret_bytes(secret)))
    for kind, secret_bytes in tries:
        slot = header.slot(kind)
        if slot is None:
            continue
        data_key = slots.unwrap(slot, secret_bytes, header.file_id)
        if data_key is not None:
            return kind, data_key
    raise WrongPassphrase()
