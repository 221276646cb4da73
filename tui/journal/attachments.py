"""Attaching files to entries, noting them, removing them, saving a copy out, checking them.

Every change is one atomic, durable write of the vault, with its link in the record chain;
a file is sealed durably beside the vault before the record that names it is written, so
a crash at any point leaves either no attachment or a whole one.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..private_file import write_private
from ..vault import FileDamaged, FileRefused, Vault, names_in, open_source
from . import store
from .attached import MAX_NOTE_CHARS, SNIFF_BYTES, TABLE, Attachment, kind_of
from .entry import EntryRejected, JournalEntry
from .when import now

__all__ = ["FileDamaged", "FileRefused"]

MIN_ID_PREFIX = 4


def find_entry(vault: Vault, wanted: str) -> JournalEntry:
    """The entry with this id, or the one entry whose id starts with it (at least four
    characters, as the list and reports show the first eight)."""
    wanted = wanted.strip().lower()
    exact = store.get(vault, wanted)
    if exact is not None:
        return exact
    if len(wanted) < MIN_ID_PREFIX:
        raise EntryRejected("journal.id_prefix_short", least=MIN_ID_PREFIX)
    found = [entry for entry in store.entries(vault) if entry.id.startswith(wanted)]
    if not found:
        raise EntryRejected("journal.id_prefix_none", prefix=wanted)
    if len(found) > 1:
        raise EntryRejected("journal.id_prefix_many", prefix=wanted)
    return found[0]


def check_note(note: str) -> str:
    note = note.strip()
    if len(note) > MAX_NOTE_CHARS:
        raise EntryRejected("journal.note_long", most=MAX_NOTE_CHARS)
    return note


def attach(
    vault: Vault,
    paths: list[Path],
    *,
    entry: JournalEntry | None = None,
    note: str = "",
    names: list[str] | None = None,
) -> tuple[JournalEntry, list[Attachment]]:
    """Attach each file to ``entry`` (or to a new entry that says what was attached): all
    of them or none. Returns once the files and their records are durably on disk.
    ``names`` are the names to keep (default: each file's own)."""
    note = check_note(note)
    names = names or [path.name for path in paths]
    kinds = [_kind(path) for path in paths]  # refused before anything is written
    sealed = vault.seal_files(paths)
    moment = now()
    try:
        with vault.batch():
            if entry is None:
                entry = store.save(vault, store.new_entry(text=attached_text(paths)))
            elif store.get(vault, entry.id) is None:
                raise EntryRejected("journal.entry_gone")
            added = [
                Attachment.made(each, entry=entry.id, name=name, kind=kind, added=moment, note=note)
                for each, name, kind in zip(sealed, names, kinds, strict=True)
            ]
            for attachment in added:
                vault.collection(TABLE).add(attachment.as_record())
                store.link_file(vault, moment, "attach", attachment)
            vault.keep_files(sealed)
    except BaseException:
        store.tidy_files(vault)  # the sealed files nothing names
        raise
    return entry, added


def attached_text(paths: list[Path]) -> str:
    """The words of an entry made only to hold attached files."""
    names = ", ".join(path.name for path in paths)
    return f"Attached {len(paths)} file{'s' if len(paths) != 1 else ''}: {names}"


def _kind(path: Path) -> str:
    fd, _ = open_source(path)
    try:
        return kind_of(os.read(fd, SNIFF_BYTES))
    finally:
        os.close(fd)


def of_entry(vault: Vault, entry_id: str) -> list[Attachment]:
    return store.attachments_of(vault, entry_id)


def every(vault: Vault) -> list[Attachment]:
    return store.attachments_of(vault)


def get(vault: Vault, attachment_id: str) -> Attachment:
    found = vault.collection(TABLE).find("id", attachment_id)
    if found is None:
        raise EntryRejected("journal.file_gone")
    return Attachment.from_record(found[1])


def set_note(vault: Vault, attachment_id: str, note: str) -> Attachment:
    note = check_note(note)
    with vault.batch():
        earlier = get(vault, attachment_id)
        if earlier.note == note:
            return earlier
        changed = earlier.noted(note)
        records = vault.collection(TABLE)
        found = records.find("id", attachment_id)
        assert found is not None
        records.put(found[0], changed.as_record())
        store.link_file(vault, now(), "note", changed)
    return changed


def remove(vault: Vault, attachment_id: str) -> None:
    """Take a file out of the journal: its record goes, the chain keeps a link with its
    fingerprint, and the sealed file beside the vault is removed."""
    with vault.batch():
        store.detach(vault, get(vault, attachment_id), now())
    store.tidy_files(vault)


def read(vault: Vault, attachment: Attachment) -> Iterator[bytes]:
    """The original bytes; FileDamaged before the end if they are not the ones attached."""
    digest = hashlib.sha256()
    size = 0
    for part in vault.open_file(attachment.sealed):
        digest.update(part)
        size += len(part)
        if size > attachment.size:
            raise FileDamaged("vault.file_damage.longer")
        yield part
    if size != attachment.size or digest.hexdigest() != attachment.sha256:
        raise FileDamaged("vault.file_damage.not_the_bytes")


def save_copy(vault: Vault, attachment: Attachment, out: Path, *, overwrite: bool) -> None:
    """An unencrypted copy of the original at ``out``, written durably, and only once every
    byte has matched the fingerprint (a damaged file leaves nothing at ``out``)."""
    write_private(out, read(vault, attachment), overwrite=overwrite)


@dataclass(frozen=True)
class FileCheck:
    checked: int
    problems: list[tuple[Attachment, str]]  # the file and what is wrong, in a few words
    strangers: int  # sealed files beside the vault that no record names


def check_all(vault: Vault) -> FileCheck:
    """Read every attached file back through its seal and compare it with its fingerprint."""
    problems: list[tuple[Attachment, str]] = []
    attachments = every(vault)
    for attachment in attachments:
        try:
            for _ in read(vault, attachment):
                pass
        except FileDamaged as damage:
            problems.append((attachment, str(damage)))
    named = {attachment.file for attachment in attachments}
    strangers = len(names_in(vault.files_folder) - named)
    return FileCheck(len(attachments), problems, strangers)
