"""A sealed bundle for a lawyer: one age-encrypted file holding the report, the attached
files' original bytes under their exhibit numbers, a manifest, SHA256SUMS and a README,
as a tar archive. It opens with the standard ``age`` command and checks with ``sha256sum``.

The archive is made as it is encrypted (tui/vault/age.py): nothing of it is ever written
to disk unencrypted. An attached file that does not match its fingerprint on the way
stops the bundle, and nothing is left behind.
"""

from __future__ import annotations

import hashlib
import json
import re
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from . import clock, export, journal, report
from .journal import attachments
from .private_file import write_private_by
from .vault import CopyRefused, Vault
from .vault import age as sealing
from .visible import json_safe, visible
from .words import os_reason, say

BUNDLE_FORMAT = "cairn-bundle"
BUNDLE_VERSION = 1
_BLOCK = 512
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Member:
    path: str  # inside the bundle's folder
    size: int
    sha256: str
    what: str  # what it is, for the manifest
    data: bytes | None = None  # small files, made in memory
    file: journal.Attachment | None = None  # an exhibit, streamed from its sealed file


@dataclass(frozen=True)
class BundleMade:
    path: Path
    folder: str  # the folder name inside the archive
    members: list[Member]
    chain_head: str
    exhibits: int


MAX_KEY_LIST_BYTES = 64 * 1024


def recipients_from(text: str) -> list[sealing.Recipient]:
    """Recipients as the person gave them: one key pasted (age1... or ssh-...), or the path
    of a file listing keys one per line (# starts a comment), as age's -R reads them."""
    line = text.strip()
    if line.startswith(("age1", "ssh-")):
        return [sealing.recipient(line)]
    return [sealing.recipient(each) for each in key_lines(Path(line).expanduser())]


def key_lines(path: Path) -> list[str]:
    try:
        with open(path, "rb") as found:
            raw = found.read(MAX_KEY_LIST_BYTES + 1)
    except OSError as error:
        raise CopyRefused(
            "bundle.keys_unreadable", path=visible(str(path)), reason=os_reason(error)
        ) from None
    if len(raw) > MAX_KEY_LIST_BYTES:
        raise CopyRefused("bundle.keys_too_large", path=visible(str(path)))
    lines = [line.strip() for line in raw.decode("utf-8", "replace").splitlines()]
    keys = [line for line in lines if line and not line.startswith("#")]
    if not keys:
        raise CopyRefused("bundle.no_key", path=visible(str(path)))
    return keys


def exhibit_path(number: int, name: str) -> str:
    """``exhibits/03-screenshot.png``: the number first; the name kept readable but with
    only plain characters, so no system or terminal reads anything into it."""
    safe = _UNSAFE.sub("_", name).strip("._") or "file"
    return f"exhibits/{number:02d}-{safe[:80]}"


def make_bundle(
    vault: Vault,
    out: Path,
    choice: report.Choice,
    *,
    recipients: list[sealing.Recipient] | None = None,
    secret: str | None = None,
    overwrite: bool = False,
) -> BundleMade:
    """Write the sealed bundle to ``out`` (a new file unless ``overwrite``), durably."""
    record = report.collect(vault, choice)
    made = journal.now()
    folder = f"record-{made[:10]}"
    members = _members(vault, record, choice, made, folder, bool(recipients))

    def fill(sink: BinaryIO) -> None:
        pieces = _archive(vault, folder, members)
        if recipients:
            sealing.seal_to(pieces, sink, recipients)
        else:
            assert secret is not None
            sealing.seal_with_passphrase(pieces, sink, secret)

    write_private_by(out, fill, overwrite=overwrite, done="written")
    exhibits = len(record.exhibits)
    return BundleMade(out, folder, members, record.chain.head, exhibits)


def _members(
    vault: Vault,
    record: report.Record,
    choice: report.Choice,
    made: str,
    folder: str,
    to_keys: bool,
) -> list[Member]:
    small: list[tuple[str, str, bytes]] = [
        ("report.html", say("bundle.member.html"), _text(report.to_html(record))),
        (
            "report.md",
            say("bundle.member.markdown"),
            _text(report.to_markdown(record)),
        ),
        (
            "journal.json",
            say("bundle.member.journal"),
            _journal(vault, record, choice),
        ),
    ]
    members = [Member(p, len(d), _sha(d), what, data=d) for p, what, d in small]
    members += [
        Member(
            exhibit_path(each.number, each.file.name),
            each.file.size,
            each.file.sha256,
            say("bundle.member.exhibit", number=each.number),
            file=each.file,
        )
        for each in record.exhibits
    ]
    readme = _readme(folder, record.chain.head, to_keys).encode("utf-8")
    members.insert(
        0, Member("README.txt", len(readme), _sha(readme), say("bundle.member.readme"), readme)
    )
    manifest = _manifest(record, choice, made, members, to_keys)
    members.insert(
        1,
        Member(
            "manifest.json", len(manifest), _sha(manifest), say("bundle.member.manifest"), manifest
        ),
    )
    sums = "".join(f"{m.sha256}  {m.path}\n" for m in members).encode("utf-8")
    fingerprints = Member("SHA256SUMS", len(sums), _sha(sums), say("bundle.member.sums"), sums)
    return [*members[:2], fingerprints, *members[2:]]


def _text(document: str) -> bytes:
    return document.encode("utf-8")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _journal(vault: Vault, record: report.Record, choice: report.Choice) -> bytes:
    """Only what the person chose: the entries of the report (without "How I felt" when
    it was left out, in every version), their files' descriptions and the chain head."""

    def chosen(entry: journal.JournalEntry) -> dict[str, Any]:
        full = entry.full_record()
        if not choice.felt:
            full["felt"] = ""
            for earlier in full.get("history", []):
                earlier["felt"] = ""
        return full

    ids = {entry.id for entry in record.entries}
    document = {
        "format": export.EXPORT_FORMAT,
        "version": export.EXPORT_VERSION,
        "exported": record.made,
        "from": choice.start.isoformat() if choice.start else None,
        "to": choice.end.isoformat() if choice.end else None,
        "journal": [chosen(entry) for entry in record.entries],
        "attachments": [
            each.described() for each in journal.attachments_of(vault) if each.entry in ids
        ],
        "chain_head": record.chain.head,
    }
    return (json_safe(json.dumps(document, ensure_ascii=False, indent=2)) + "\n").encode("utf-8")


def _manifest(
    record: report.Record,
    choice: report.Choice,
    made: str,
    members: list[Member],
    to_keys: bool,
) -> bytes:
    sealed_for = say("bundle.sealed_for_keys" if to_keys else "bundle.sealed_for_passphrase")
    document = {
        "format": BUNDLE_FORMAT,
        "version": BUNDLE_VERSION,
        "made": made,
        "made_by": "Cairn",
        "sealed_for": sealed_for,
        "chain_head": record.chain.head,
        "chain_checked_out": record.chain.intact,
        "entries": len(record.entries),
        "chosen": {
            "from": choice.start.isoformat() if choice.start else None,
            "to": choice.end.isoformat() if choice.end else None,
            "tags": list(choice.tags),
            "how_i_felt": choice.felt,
            "daily_check_ins": choice.daily,
        },
        "files": [
            {
                "path": m.path,
                "size": m.size,
                "sha256": m.sha256,
                "what": m.what,
                **(
                    {"original_name": m.file.name, "added": m.file.added, "note": m.file.note}
                    if m.file
                    else {}
                ),
            }
            for m in members
        ],
    }
    return (json_safe(json.dumps(document, ensure_ascii=False, indent=2)) + "\n").encode("utf-8")


def _readme(folder: str, head: str, to_keys: bool) -> str:
    key = "-i YOUR-KEY-FILE " if to_keys else ""
    how = say("bundle.sealed_to_keys" if to_keys else "bundle.sealed_with_passphrase")
    return say("bundle.readme", how=how, key=key, folder=folder, head=head)


# -- the archive, made as it is read --------------------------------------------------------


def _archive(vault: Vault, folder: str, members: list[Member]) -> Iterator[bytes]:
    """A POSIX (pax) tar archive of the members, in pieces, never whole in memory."""
    stamp = int(clock.now().timestamp())
    yield _header(folder + "/", 0, stamp, tarfile.DIRTYPE)
    yield _header(folder + "/exhibits/", 0, stamp, tarfile.DIRTYPE)
    for member in members:
        yield _header(f"{folder}/{member.path}", member.size, stamp, tarfile.REGTYPE)
        if member.data is not None:
            yield member.data
        else:
            assert member.file is not None
            yield from attachments.read(vault, member.file)  # checked against its SHA-256
        if member.size % _BLOCK:
            yield b"\0" * (_BLOCK - member.size % _BLOCK)
    yield b"\0" * (2 * _BLOCK)  # the end of the archive


def _header(name: str, size: int, stamp: int, kind: bytes) -> bytes:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = stamp
    info.type = kind
    info.mode = 0o700 if kind == tarfile.DIRTYPE else 0o600
    return info.tobuf(tarfile.PAX_FORMAT, "utf-8", "surrogateescape")
