"""Vault: create, open, lock and re-key one encrypted TinyDB file."""

from __future__ import annotations

import base64
import contextlib
import os
import resource
import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document, Table

from . import attempts, crypto, drafts, format, paths, slots
from .errors import VaultDamaged, VaultExists, VaultLocked, WrongPassphrase
from .lock import VaultLock
from .storage import SealedStorage, encode_tables, write_durably


def harden_process() -> None:
    """No core dumps (they would hold decrypted text) and private files by default."""
    os.umask(0o077)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _secret_bytes(secret: str) -> bytes:
    # NFC so that the same passphrase typed on different terminals gives the same key.
    return unicodedata.normalize("NFC", secret).encode("utf-8")


class Vault:
    """An unlocked vault. Plaintext lives only in this object's memory until ``lock()``."""

    def __init__(
        self,
        path: Path,
        file_lock: VaultLock,
        header: format.Header,
        associated_data: bytes,
        data_key: bytearray,
        plaintext: bytes,
    ) -> None:
        self.path = path
        self._file_lock = file_lock
        self._header = header
        # The header bytes exactly as stored: re-encoding could differ from another writer's.
        self._associated_data = associated_data
        self._key: bytearray | None = data_key
        self._storage = SealedStorage(plaintext, self._persist)
        self._db: TinyDB | None = TinyDB(storage=lambda: self._storage)

    # -- creating and opening -------------------------------------------------------------

    @classmethod
    def create(
        cls, path: Path, passphrase: str, kdf: crypto.KdfParams = crypto.DEFAULT_KDF
    ) -> tuple[Vault, str]:
        """A new empty vault and its recovery code (to be shown once, never stored)."""
        paths.prepare_folder(path.parent)
        file_lock = VaultLock(path)
        file_lock.acquire()
        try:
            if os.path.lexists(path):
                raise VaultExists(str(path))
            recovery_code = slots.new_recovery_code()
            normalised = slots.normalise_recovery_code(recovery_code)
            assert normalised is not None
            data_key = crypto.new_data_key()
            file_id = crypto.random_bytes(format.FILE_ID_BYTES)
            public_key, private_key = attempts.new_key_pair()
            header = format.Header(
                file_id=file_id,
                slots=(
                    slots.wrap(data_key, _secret_bytes(passphrase), "passphrase", kdf, file_id),
                    slots.wrap(data_key, normalised.encode("ascii"), "recovery", kdf, file_id),
                ),
                attempts_key=public_key,
            )
            associated_data = format.encode_header(header)
            plaintext = encode_tables({INTERNAL_TABLE: {"1": _internal_record(private_key)}})
            sealed = crypto.seal(data_key, plaintext, associated_data)
            write_durably(path, associated_data + sealed, overwrite=False)
        except BaseException:
            file_lock.release()
            raise
        return cls(path, file_lock, header, associated_data, data_key, plaintext), recovery_code

    @classmethod
    def open(cls, path: Path, secret: str) -> Vault:
        """Open with the passphrase or the recovery code. Never writes to the vault file."""
        paths.check_vault_file(path)
        file_lock = VaultLock(path)
        file_lock.acquire()
        try:
            vault_file = format.parse(paths.read_vault_bytes(path))
            try:
                data_key = _unlock_data_key(vault_file.header, secret)
            except WrongPassphrase:
                if vault_file.header.attempts_key is not None:
                    attempts.record(path, vault_file.header.attempts_key, _now())
                raise
            try:
                plaintext = crypto.open_sealed(
                    data_key, vault_file.sealed_body, vault_file.associated_data
                )
                vault = cls(
                    path,
                    file_lock,
                    vault_file.header,
                    vault_file.associated_data,
                    data_key,
                    plaintext,
                )
            except (crypto.SealBroken, ValueError):
                crypto.wipe(data_key)
                raise VaultDamaged("its contents do not match its key") from None
            paths.remove_stale_temp_files(path)
            return vault
        except BaseException:
            file_lock.release()
            raise

    # -- using ----------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._db is not None

    @property
    def revision(self) -> int:
        """Changes with every change to the tables: what was read before is stale."""
        return self._storage.revision

    @property
    def header(self) -> format.Header:
        return self._header

    def table(self, name: str) -> Table:
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
        try:
            with self._storage.batch():
                yield
        except BaseException:
            for name in db.tables():  # cached query results may describe the undone state
                db.table(name).clear_cache()
            raise

    def change_passphrase(self, new_passphrase: str) -> None:
        """Re-wrap the data key under a new passphrase; one atomic, durable file replace."""
        key = self._require_key()
        current = self._header.slot("passphrase")
        kdf = current.kdf if current else crypto.DEFAULT_KDF
        new_slot = slots.wrap(
            key, _secret_bytes(new_passphrase), "passphrase", kdf, self._header.file_id
        )
        self._install_header(self._header.with_slot(new_slot))

    def take_failed_attempts(self) -> list[str | None]:
        """Failed unlocks recorded since the last call: their times (None where a record
        cannot be read), now folded into the vault's ``failed_attempts`` table."""
        self._require_key()
        internal = self.table(INTERNAL_TABLE)
        record = internal.get(doc_id=1)
        private_b64 = record.get("attempts_private_key") if record else None
        if self._header.attempts_key is None or not isinstance(private_b64, str):
            # A vault from before the record existed: give it a key pair now.
            public_key, private_key = attempts.new_key_pair()
            internal.upsert(Document(_internal_record(private_key), doc_id=1))
            self._install_header(self._header.with_attempts_key(public_key))
            return []
        found = attempts.collect(self.path, base64.b64decode(private_b64))
        if found:
            self.table(ATTEMPTS_TABLE).insert_multiple({"at": when} for when in found)
            attempts.clear(self.path)
        return found

    def _install_header(self, header: format.Header) -> None:
        """Replace the header (and so the associated data) in one atomic, durable write."""
        associated_data = format.encode_header(header)
        sealed = crypto.seal(self._require_key(), self._storage.saved_plaintext, associated_data)
        write_durably(self.path, associated_data + sealed)
        self._header, self._associated_data = header, associated_data

    def seal_draft(self, draft: dict[str, Any]) -> None:
        """Keep unsaved work, encrypted, until the person chooses to restore or discard it."""
        drafts.seal_draft(self.path, self._require_key(), self._header.file_id, draft)

    def open_draft(self) -> dict[str, Any] | None:
        return drafts.open_draft(self.path, self._require_key(), self._header.file_id)

    def discard_draft(self) -> None:
        self._require_key()
        drafts.discard_draft(self.path)

    def lock(self) -> None:
        """Drop the key and every decrypted object this vault holds; release the file."""
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._key is not None:
            crypto.wipe(self._key)
            self._key = None
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

    def _persist(self, plaintext: bytes) -> None:
        sealed = crypto.seal(self._require_key(), plaintext, self._associated_data)
        write_durably(self.path, self._associated_data + sealed)


INTERNAL_TABLE = "_cairn"
ATTEMPTS_TABLE = "failed_attempts"


def _internal_record(private_key: bytes) -> dict[str, Any]:
    return {"attempts_private_key": base64.b64encode(private_key).decode("ascii")}


def _now() -> str:
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


def check_openable(path: Path) -> None:
    """Everything that can be known about a vault without its key: raises the same typed
    errors ``Vault.open`` would (missing, unsafe, damaged, too new, open elsewhere)."""
    paths.check_vault_file(path)
    format.parse(paths.read_vault_bytes(path))
    probe = VaultLock(path)
    probe.acquire()
    probe.release()


def _unlock_data_key(header: format.Header, secret: str) -> bytearray:
    """Try the slot the secret's shape points to; a recovery code has a fixed shape."""
    attempts: list[tuple[str, bytes]] = []
    code = slots.normalise_recovery_code(secret)
    if code is not None:
        attempts.append(("recovery", code.encode("ascii")))
    attempts.append(("passphrase", _secret_bytes(secret)))
    for kind, secret_bytes in attempts:
        slot = header.slot(kind)
        if slot is None:
            continue
        data_key = slots.unwrap(slot, secret_bytes, header.file_id)
        if data_key is not None:
            return data_key
    raise WrongPassphrase()
