"""Saving, changing and removing entries. Each change and its link in the record chain
reach the disk in one atomic, durable write, or not at all."""

from __future__ import annotations

import contextlib
import uuid
import weakref
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from ..vault import Vault, VaultError, VaultLocked
from ..words import Phrase
from . import chain
from .attached import TABLE as FILES_TABLE
from .attached import Attachment
from .entry import EntryRejected, JournalEntry, validate
from .when import local_day, now

TABLE = "journal"
CHAIN_TABLE = "journal_chain"


def new_entry(**values: Any) -> JournalEntry:
    """An unsaved entry with a fresh id; ``created`` is set again when it is saved."""
    moment = now()
    values.setdefault("occurred", moment)
    return JournalEntry(id=uuid.uuid4().hex, created=moment, **values)


def add_entry(vault: Vault, text: str = "", **values: Any) -> JournalEntry:
    """Validate and save a new entry; returns only once it is durably in the vault."""
    return save(vault, new_entry(text=text, **{k: v for k, v in values.items() if v is not None}))


def save(vault: Vault, entry: JournalEntry) -> JournalEntry:
    """Save a new entry, or a new version of an existing one (the earlier version is kept).

    Returns the entry as stored, once it is durably on disk; raises EntryRejected with one
    sentence when it cannot be saved as it is, and the vault's write errors when the disk
    refuses. Either way nothing changes unless everything does.
    """
    journal = vault.collection(TABLE)
    moment = now()
    with vault.batch():
        _link_older_entries(vault)
        found = journal.find("id", entry.id)
        if found is None:
            stored = validate(replace(entry, created=moment, version=1, updated=None, history=()))
            journal.add(stored.as_record())
            action = "add"
        else:
            key, record = found
            earlier = JournalEntry.from_record(record)
            if (
                earlier.content_record()
                == replace(
                    entry, created=earlier.created, version=earlier.version, updated=earlier.updated
                ).content_record()
            ):
                return earlier  # nothing changed: no new version
            stored = validate(
                replace(
                    entry,
                    created=earlier.created,  # fixed when first saved
                    version=earlier.version + 1,
                    updated=moment,
                    history=(*earlier.history, replace(earlier, history=())),
                )
            )
            journal.put(key, stored.as_record())
            action = "edit"
        _append_link(vault, moment, action, stored)
    return stored


def delete(vault: Vault, entry_id: str) -> None:
    """Remove an entry, all its versions and the files attached to it. The chain keeps a
    link saying that an entry (and each file) was removed, and when, but nothing of what it
    said; the sealed files beside the vault go once that is on disk."""
    journal = vault.collection(TABLE)
    moment = now()
    with vault.batch():
        _link_older_entries(vault)
        found = journal.find("id", entry_id)
        if found is None:
            raise EntryRejected("journal.entry_gone")
        key, record = found
        entry = JournalEntry.from_record(record)
        for attachment in attachments_of(vault, entry.id):
            detach(vault, attachment, moment)
        journal.delete(key)
        _append_link(vault, moment, "delete", entry)
    tidy_files(vault)


def bring_in(vault: Vault, arrived: list[JournalEntry], source: str) -> list[JournalEntry]:
    """Store entries brought from another vault exactly as they were (ids, times, every
    version), each version linked into this chain in the order it was written, then one
    ``import`` link naming the file (``source``: its SHA-256). Entries already here are
    left as they are. Returns the entries stored; one write, or nothing."""
    journal = vault.collection(TABLE)
    stored: list[JournalEntry] = []
    with vault.batch():
        _link_older_entries(vault)
        for entry in sorted(arrived, key=lambda e: (e.created, e.occurred)):
            if journal.find("id", entry.id) is not None:
                continue
            journal.add(entry.as_record())
            for version in (*entry.history, replace(entry, history=())):
                action = "add" if version.version == 1 else "edit"
                _append_link(vault, version.updated or version.created, action, version)
            stored.append(entry)
        last = _last_link(vault)
        vault.collection(CHAIN_TABLE).add(
            chain.next_link(
                last, at=now(), action=chain.IMPORT_ACTION, entry="", version=0, content=source
            ).as_record()
        )
    return stored


def attachments_of(vault: Vault, entry_id: str | None = None) -> list[Attachment]:
    """The files attached to one entry (or to every entry), oldest first."""
    records = vault.collection(FILES_TABLE).all()
    found = [Attachment.from_record(r) for r in records if entry_id in (None, r.get("entry"))]
    return sorted(found, key=lambda attachment: attachment.added)  # stable: as attached


def link_file(vault: Vault, at: str, action: str, attachment: Attachment) -> None:
    """A link for a file attached, noted or removed (inside the batch that changes it)."""
    _link_older_entries(vault)
    vault.collection(CHAIN_TABLE).add(
        chain.next_link(
            _last_link(vault),
            at=at,
            action=action,
            entry=attachment.entry,
            version=attachment.version,
            content=attachment.sha256,
            attachment=attachment.id,
            meta=chain.digest(attachment.described()),
        ).as_record()
    )


def detach(vault: Vault, attachment: Attachment, at: str) -> None:
    """Inside a batch: the record goes, a link says so, the sealed file is let go of."""
    records = vault.collection(FILES_TABLE)
    found = records.find("id", attachment.id)
    if found is not None:
        records.delete(found[0])
    link_file(vault, at, "detach", attachment)
    vault.let_go_of_files([attachment.file])


def tidy_files(vault: Vault) -> None:
    """Remove sealed files no record names any more. A disk that refuses now only delays
    it: the next open tries again."""
    with contextlib.suppress(VaultError, OSError):
        vault.tidy_files()


_read: weakref.WeakKeyDictionary[Vault, tuple[int, list[JournalEntry]]] = (
    weakref.WeakKeyDictionary()
)


def entries(vault: Vault) -> list[JournalEntry]:
    """Every entry, newest first by when it happened.

    Reading 10 000 entries takes tens of milliseconds, and home, the list and the editor all
    ask; the result is kept until the vault's tables next change."""
    if not vault.is_open:
        _read.pop(vault, None)  # decrypted entries do not outlive the key
        raise VaultLocked()
    revision = vault.revision
    kept = _read.get(vault)
    if kept is None or kept[0] != revision:
        found = [JournalEntry.from_record(doc) for doc in vault.collection(TABLE).all()]
        kept = (revision, sorted(found, key=sort_key, reverse=True))
        _read[vault] = kept
    return list(kept[1])


def get(vault: Vault, entry_id: str) -> JournalEntry | None:
    found = vault.collection(TABLE).find("id", entry_id)
    return JournalEntry.from_record(found[1]) if found is not None else None


def count(vault: Vault) -> int:
    return len(vault.collection(TABLE))


def daily_page(vault: Vault, day: date) -> JournalEntry | None:
    """The check-in written for ``day``, if there is one."""
    for entry in entries(vault):
        if entry.is_daily and local_day(entry.occurred) == day:
            return entry
    return None


def has_entry_on(vault: Vault, day: date) -> bool:
    return any(local_day(e.occurred) == day for e in entries(vault))


def tags_in_use(all_entries: list[JournalEntry]) -> list[str]:
    """Every tag used so far, most used first: suggestions for the tag field."""
    counts: dict[str, tuple[int, str]] = {}
    for entry in all_entries:
        for tag in entry.tags:
            uses, spelling = counts.get(tag.casefold(), (0, tag))
            counts[tag.casefold()] = (uses + 1, spelling)
    ranked = sorted(counts.values(), key=lambda item: (-item[0], item[1].casefold()))
    return [spelling for _, spelling in ranked]


def links(vault: Vault) -> list[chain.Link]:
    records = sorted(vault.collection(CHAIN_TABLE).all(), key=lambda doc: int(doc.get("seq", 0)))
    return [chain.Link.from_record(record) for record in records]


def verify(vault: Vault) -> chain.ChainReport:
    """Check every entry and every version against the record chain."""
    versions = {
        entry.id: [(version.version, entry_hash(version)) for version in (*entry.history, entry)]
        for entry in entries(vault)
    }
    try:
        found = links(vault)
        files = {each.id: each.state() for each in attachments_of(vault)}
    except (KeyError, TypeError, ValueError):
        report = chain.ChainReport(entries=len(versions))
        report.problems.append(Phrase("chain.damaged"))
        return report
    return chain.verify(found, versions, files)


def entry_hash(entry: JournalEntry) -> str:
    """The SHA-256 of an entry version's content: the value its link in the chain holds."""
    return chain.digest(entry.content_record())


def sort_key(entry: JournalEntry) -> tuple[Any, ...]:
    # Compare as instants: text order is wrong when offsets differ (travel, daylight saving).
    # The id last: entries written in the same second keep one order wherever they are.
    return datetime.fromisoformat(entry.occurred), datetime.fromisoformat(entry.created), entry.id


# -- internals ------------------------------------------------------------------------------


def _last_link(vault: Vault) -> chain.Link | None:
    links_so_far = vault.collection(CHAIN_TABLE)
    size = len(links_so_far)
    if not size:
        return None
    # Links are only ever appended, so the newest has the highest key; look there first
    # and scan only if the collection was changed some other way.
    newest = links_so_far.get(size)
    if newest is None or newest.get("seq") != size:
        newest = max(links_so_far.all(), key=lambda doc: int(doc.get("seq", 0)))
    return chain.Link.from_record(newest)


def _append_link(vault: Vault, at: str, action: str, entry: JournalEntry) -> None:
    link = chain.next_link(
        _last_link(vault),
        at=at,
        action=action,
        entry=entry.id,
        version=entry.version,
        content=entry_hash(entry),
    )
    vault.collection(CHAIN_TABLE).add(link.as_record())


def _link_older_entries(vault: Vault) -> None:
    """Entries saved before the chain existed get their links (in the order they were
    written) the first time the journal changes, so that the chain covers everything."""
    if len(vault.collection(CHAIN_TABLE)):
        return
    older = sorted(entries(vault), key=lambda e: (e.created, e.occurred))
    for entry in older:
        for version in (*entry.history, replace(entry, history=())):
            action = "add" if version.version == 1 else "edit"
            _append_link(vault, version.updated or version.created, action, version)
