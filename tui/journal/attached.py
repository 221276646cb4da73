"""What the journal keeps about an attached file: plain data, no disk and no keys used here.

The file itself is sealed beside the vault (tui/vault/files.py); this record, inside the
vault's sealed body, holds its key, its name there, and what the person sees: the original
name, size, type, SHA-256, when it was added, the original's modification time, the note.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from ..vault import SealedFile
from ..words import decimal
from . import chain

TABLE = "attachments"
MAX_NOTE_CHARS = 2000

# The first bytes of the kinds of files evidence usually comes in. The type is worked out
# from the bytes, not the name: a file renamed by a phone or a messenger keeps its kind.
_SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "image/png"),
    (0, b"\xff\xd8\xff", "image/jpeg"),
    (0, b"GIF87a", "image/gif"),
    (0, b"GIF89a", "image/gif"),
    (0, b"%PDF-", "application/pdf"),
    (0, b"ID3", "audio/mpeg"),
    (0, b"OggS", "audio/ogg"),
    (0, b"#!AMR", "audio/amr"),
    (0, b"fLaC", "audio/flac"),
    (0, b"PK\x03\x04", "application/zip"),
    (0, b"\xd0\xcf\x11\xe0", "application/msword"),
    (0, b"{\\rtf", "application/rtf"),
)
_BRANDS = {
    b"heic": "image/heic",
    b"heix": "image/heic",
    b"mif1": "image/heif",
    b"M4A ": "audio/mp4",
    b"qt  ": "video/quicktime",
    b"3gp4": "video/3gpp",
    b"3gp5": "video/3gpp",
}
SNIFF_BYTES = 16


def kind_of(first: bytes) -> str:
    """A MIME type from a file's first bytes; application/octet-stream when unknown."""
    for offset, magic, kind in _SIGNATURES:
        if first[offset : offset + len(magic)] == magic:
            return kind
    if first[:4] == b"RIFF" and first[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "image/webp", b"WAVE": "audio/wav", b"AVI ": "video/x-msvideo"}[
            first[8:12]
        ]
    if first[4:8] == b"ftyp":
        return _BRANDS.get(first[8:12], "video/mp4")
    return "application/octet-stream"


@dataclass(frozen=True)
class Attachment:
    id: str
    entry: str  # the journal entry it belongs to
    name: str  # the original file's name, as it was
    size: int
    type: str
    sha256: str  # of the original bytes
    added: str  # ISO 8601, local offset
    modified: str  # the original's own modification time, ISO 8601
    note: str
    version: int  # 1 when attached, one more with each change of note
    file: str  # the sealed file's random name beside the vault
    key: str  # its secretstream key (base64)

    @classmethod
    def made(
        cls, sealed: SealedFile, *, entry: str, name: str, kind: str, added: str, note: str
    ) -> Attachment:
        modified = datetime.fromtimestamp(sealed.modified).astimezone()
        return cls(
            id=sealed.id,
            entry=entry,
            name=name,
            size=sealed.size,
            type=kind,
            sha256=sealed.sha256,
            added=added,
            modified=modified.isoformat(timespec="seconds"),
            note=note,
            version=1,
            file=sealed.name,
            key=sealed.key,
        )

    def noted(self, note: str) -> Attachment:
        return replace(self, note=note, version=self.version + 1)

    @property
    def sealed(self) -> SealedFile:
        stamp = datetime.fromisoformat(self.modified).timestamp()
        return SealedFile(self.id, self.file, self.key, self.size, self.sha256, stamp)

    def described(self) -> dict[str, Any]:
        """What the journal says about the file (no key, no name on disk): the part the
        record chain fingerprints, and what an export holds."""
        return {
            "id": self.id,
            "entry": self.entry,
            "name": self.name,
            "size": self.size,
            "type": self.type,
            "sha256": self.sha256,
            "added": self.added,
            "modified": self.modified,
            "note": self.note,
            "version": self.version,
        }

    def state(self) -> chain.FileState:
        return chain.FileState(
            self.entry, self.version, self.sha256, chain.digest(self.described())
        )

    def as_record(self) -> dict[str, Any]:
        return {**self.described(), "file": self.file, "key": self.key}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Attachment:
        return cls(
            id=str(record["id"]),
            entry=str(record["entry"]),
            name=str(record["name"]),
            size=int(record["size"]),
            type=str(record["type"]),
            sha256=str(record["sha256"]),
            added=str(record["added"]),
            modified=str(record["modified"]),
            note=str(record.get("note", "")),
            version=int(record.get("version", 1)),
            file=str(record["file"]),
            key=str(record["key"]),
        )


def size_text(size: int) -> str:
    """Bytes in the unit a person reads at a glance (1,000-based, as file managers show)."""
    if size == 1:
        return "1 byte"
    if size < 1000:
        return f"{size} bytes"
    value = float(size)
    for unit in ("kB", "MB", "GB"):
        value /= 1000
        if value < 999.95:
            return f"{decimal(value)} {unit}"
    return f"{decimal(value)} GB"
