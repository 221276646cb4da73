"""A named collection of documents in the vault: the small API the rest of Cairn uses.

Documents are plain JSON-able dicts, each under an integer key. Every change is one atomic,
durable write of the whole vault (or, inside ``Vault.batch()``, part of one). Reads return
copies, so nothing a caller does to them changes the vault behind its back. TinyDB, which
holds the documents, stays inside tui/vault/.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping, Sequence
from threading import RLock
from typing import Any

from tinydb import Query
from tinydb.table import Document, Table

Doc = dict[str, Any]


class Collection:
    def __init__(self, table: Callable[[], Table], lock: RLock) -> None:
        self._table = table  # looked up on every call: a locked vault refuses
        # The vault's one lock: a file being attached is recorded from a worker thread, and
        # TinyDB's read, change, write of a table must not interleave with another's.
        self._lock = lock

    def __len__(self) -> int:
        with self._lock:
            return len(self._table())

    def all(self) -> list[Doc]:
        """Every document, in key order."""
        return [document for _, document in self.items()]

    def items(self) -> list[tuple[int, Doc]]:
        """(key, document) for every document, in key order."""
        with self._lock:
            found = [(document.doc_id, _copy(document)) for document in self._table().all()]
        return sorted(found, key=lambda pair: pair[0])

    def get(self, key: int) -> Doc | None:
        with self._lock:
            found = self._table().get(doc_id=key)
            return _copy(found) if isinstance(found, Document) else None

    def find(self, field: str, value: object) -> tuple[int, Doc] | None:
        """The first document whose ``field`` equals ``value``, with its key."""
        with self._lock:
            found = self._table().get(Query()[field] == value)
            return (found.doc_id, _copy(found)) if isinstance(found, Document) else None

    def find_all(self, field: str, value: object) -> list[tuple[int, Doc]]:
        with self._lock:
            found = self._table().search(Query()[field] == value)
            return sorted(((d.doc_id, _copy(d)) for d in found), key=lambda pair: pair[0])

    def add(self, document: Mapping[str, Any]) -> int:
        """Store a new document under the next free key; returns the key."""
        with self._lock:
            return int(self._table().insert(dict(document)))

    def add_all(self, documents: Sequence[Mapping[str, Any]]) -> list[int]:
        with self._lock:
            table = self._table()
            return [int(key) for key in table.insert_multiple(dict(d) for d in documents)]

    def put(self, key: int, document: Mapping[str, Any]) -> None:
        """Store ``document`` under ``key``, replacing whatever was there, whole."""
        record = dict(document)

        def replace_all(stored: MutableMapping[str, Any]) -> None:
            stored.clear()
            stored.update(record)

        with self._lock:
            table = self._table()
            if not table.contains(doc_id=key):
                table.insert(Document(record, doc_id=key))
            else:
                table.update(replace_all, doc_ids=[key])

    def delete(self, key: int) -> None:
        with self._lock:
            table = self._table()
            if table.contains(doc_id=key):
                table.remove(doc_ids=[key])

    def clear(self) -> None:
        with self._lock:
            self._table().truncate()


def _copy(document: Mapping[str, Any]) -> Doc:
    return {key: _copy_value(value) for key, value in document.items()}


def _copy_value(value: Any) -> Any:
    # JSON values only: a copy of the containers, the strings and numbers shared (they are
    # immutable). Several times faster than copy.deepcopy over a large journal.
    if isinstance(value, dict):
        return {key: _copy_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy_value(item) for item in value]
    return value
