"""The record chain: a hash-linked list of every add, edit and removal in the journal, and
of every file attached, noted or removed.

Each link names one entry version and the SHA-256 of its content, and carries the hash of
the link before it. A link about an attached file names the file's attachment id, and its
content is the SHA-256 of the original bytes; ``meta`` is the SHA-256 of what the journal
says about the file (its name, note, size, type and times), so a changed note shows too.
Changing or removing an entry or a file without a new link, or changing a link, breaks
every hash after it. A report prints the head (the newest link's hash); comparing it
later with ``cairn check --head`` shows whether anything recorded up to then was altered.

What it cannot prove: someone with the passphrase could rebuild the whole chain. Its value
is that a head written down or handed to someone on a given day fixes the record as of then.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from typing import Any

from ..words import Phrase

GENESIS = "0" * 64
ENTRY_ACTIONS = ("add", "edit", "delete")
FILE_ACTIONS = ("attach", "note", "detach")
# An import: entry empty, version 0, content the SHA-256 of the file imported. It marks where
# entries brought from elsewhere were linked, and changes nothing else.
IMPORT_ACTION = "import"
ACTIONS = ENTRY_ACTIONS + FILE_ACTIONS + (IMPORT_ACTION,)


def canonical(value: Any) -> bytes:
    """One byte string per value: sorted keys, no spaces, UTF-8 (lone surrogates kept)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.encode("utf-8", "surrogatepass")


def digest(value: Any) -> str:
    return hashlib.sha256(canonical(value)).hexdigest()


@dataclass(frozen=True)
class Link:
    seq: int
    at: str
    action: str
    entry: str
    version: int
    content: str  # SHA-256 of the entry version's content record, or of a file's bytes
    prev: str
    hash: str
    attachment: str | None = None  # links about an attached file: its id
    meta: str | None = None  # and the SHA-256 of what the journal says about it

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "seq": self.seq,
            "at": self.at,
            "action": self.action,
            "entry": self.entry,
            "version": self.version,
            "content": self.content,
            "prev": self.prev,
        }
        if self.attachment is not None:  # absent from entry links: their hashes stay as made
            body["attachment"] = self.attachment
            body["meta"] = self.meta
        return body

    def as_record(self) -> dict[str, Any]:
        return {**self.body(), "hash": self.hash}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Link:
        return cls(
            seq=int(record["seq"]),
            at=str(record["at"]),
            action=str(record["action"]),
            entry=str(record["entry"]),
            version=int(record["version"]),
            content=str(record["content"]),
            prev=str(record["prev"]),
            hash=str(record["hash"]),
            attachment=_optional(record.get("attachment")),
            meta=_optional(record.get("meta")),
        )


def _optional(value: Any) -> str | None:
    return None if value is None else str(value)


def next_link(
    previous: Link | None,
    *,
    at: str,
    action: str,
    entry: str,
    version: int,
    content: str,
    attachment: str | None = None,
    meta: str | None = None,
) -> Link:
    unhashed = Link(
        seq=previous.seq + 1 if previous else 1,
        at=at,
        action=action,
        entry=entry,
        version=version,
        content=content,
        prev=previous.hash if previous else GENESIS,
        hash="",
        attachment=attachment,
        meta=meta,
    )
    return replace(unhashed, hash=digest(unhashed.body()))


@dataclass
class ChainReport:
    links: int = 0
    head: str = GENESIS
    entries: int = 0
    removed: int = 0
    unlinked: int = 0  # entries from before the chain existed, and the chain is still empty
    files: int = 0  # attached files checked against the chain
    files_removed: int = 0
    problems: list[Phrase] = field(default_factory=list)  # each a sentence

    @property
    def intact(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class FileState:
    """An attached file as the journal holds it: what its newest link must say."""

    entry: str
    version: int
    content: str  # SHA-256 of the original bytes
    meta: str


def verify(
    links: list[Link],
    versions: dict[str, list[tuple[int, str]]],
    files: dict[str, FileState] | None = None,
) -> ChainReport:
    """Check the links, the entries and the attached files against each other.

    ``versions`` maps each entry id in the journal to its versions as (version, content
    hash), oldest first; ``files`` maps each attached file's id to its state. The links
    must be numbered 1, 2, 3..., each hash must match its body and name the one before;
    every stored version must match the link that recorded it, every attached file its
    newest link, and nothing may be missing without a removal link.
    """
    files = files or {}
    report = ChainReport(links=len(links), entries=len(versions), files=len(files))
    if not links:
        report.unlinked = len(versions)
        if files:
            report.problems.append(Phrase("chain.files_unlinked"))
        return report
    previous_hash = GENESIS
    recorded: dict[str, dict[int, str]] = {}
    removed: set[str] = set()
    recorded_files: dict[str, FileState] = {}
    removed_files: set[str] = set()
    for expected_seq, link in enumerate(links, start=1):
        if link.seq != expected_seq:
            report.problems.append(Phrase("chain.link_missing", seq=expected_seq))
            break
        if link.prev != previous_hash or digest(link.body()) != link.hash:
            report.problems.append(Phrase("chain.link_changed", seq=link.seq, at=link.at))
            break
        if link.action not in ACTIONS or (link.action in FILE_ACTIONS) != bool(link.attachment):
            report.problems.append(Phrase("chain.link_action", seq=link.seq))
            break
        previous_hash = link.hash
        if link.attachment is not None:
            if link.action == "detach":
                removed_files.add(link.attachment)
            else:
                removed_files.discard(link.attachment)
                recorded_files[link.attachment] = FileState(
                    link.entry, link.version, link.content, link.meta or ""
                )
        elif link.action == IMPORT_ACTION:
            continue
        elif link.action == "delete":
            removed.add(link.entry)
        else:
            removed.discard(link.entry)
            recorded.setdefault(link.entry, {})[link.version] = link.content
    report.head = links[-1].hash
    report.removed = len(removed)
    report.files_removed = len(removed_files)
    if report.problems:
        return report
    _check_entries(report, versions, recorded, removed)
    _check_files(report, files, recorded_files, removed_files)
    return report


def _check_entries(
    report: ChainReport,
    versions: dict[str, list[tuple[int, str]]],
    recorded: dict[str, dict[int, str]],
    removed: set[str],
) -> None:
    for entry_id, stored in versions.items():
        seen = recorded.get(entry_id)
        if seen is None or entry_id in removed:
            report.problems.append(Phrase("chain.entry_unlinked", entry=entry_id[:8]))
            continue
        for version, content in stored:
            if seen.get(version) != content:
                report.problems.append(
                    Phrase("chain.version_differs", entry=entry_id[:8], version=version)
                )
        kept = {version for version, _ in stored}
        for version in sorted(seen.keys() - kept):
            report.problems.append(
                Phrase("chain.version_missing", entry=entry_id[:8], version=version)
            )
    for entry_id in recorded.keys() - versions.keys() - removed:
        report.problems.append(Phrase("chain.entry_removed", entry=entry_id[:8]))


def _check_files(
    report: ChainReport,
    files: dict[str, FileState],
    recorded: dict[str, FileState],
    removed: set[str],
) -> None:
    for file_id, state in files.items():
        seen = recorded.get(file_id)
        if seen is None or file_id in removed:
            report.problems.append(Phrase("chain.file_unlinked", file=file_id[:8]))
        elif seen != state:
            report.problems.append(Phrase("chain.file_differs", file=file_id[:8]))
    for file_id in sorted(recorded.keys() - files.keys() - removed):
        report.problems.append(Phrase("chain.file_removed", file=file_id[:8]))


def find_head(links: list[Link], prefix: str) -> tuple[Link, list[Link]] | None:
    """The link whose hash starts with ``prefix`` and every link made after it, or None."""
    prefix = prefix.strip().lower()
    for index, link in enumerate(links):
        if link.hash.startswith(prefix):
            return link, links[index + 1 :]
    return None
