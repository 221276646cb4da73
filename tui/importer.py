"""Bringing a journal from Cairn's own JSON (``cairn export --format json``, or the
``journal.json`` of a bundle) into a vault, for moving to a new computer.

Entries keep their ids, times and every version; each version is linked into this vault's
record chain, then one link records the import. A whole export's own chain is checked
first: one that does not check out is refused, and nothing is written. Files described in
the JSON are attached again when their bytes are found beside it (the ``exhibits/``
folder of an opened bundle), each matched by its SHA-256.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import export, journal, questionnaire, safety_plan
from .journal import attachments, chain
from .journal.entry import EntryRejected, JournalEntry, validate
from .vault import Vault, VaultError, VaultTooNew, shown
from .words import Phrase, os_reason

MAX_IMPORT_BYTES = 1024 * 1024 * 1024


class ImportRefused(VaultError):
    """The file cannot be imported; ``str()`` is the sentence. Nothing was written."""


class ImportChainBroken(VaultError):
    """The export's own record chain does not check out; nothing was written."""


@dataclass(frozen=True)
class Imported:
    added: int
    already: int
    files: int
    files_missing: int
    plan: bool
    runs: int


def read_export(path: Path) -> tuple[dict[str, Any], str]:
    """The export document and the SHA-256 of the file; refused in one sentence."""
    try:
        with open(path, "rb") as found:
            if not os.path.isfile(path):
                raise ImportRefused("importer.not_ordinary", path=shown(path))
            raw = found.read(MAX_IMPORT_BYTES + 1)
    except FileNotFoundError:
        raise ImportRefused("importer.missing", path=shown(path)) from None
    except IsADirectoryError:
        raise ImportRefused("importer.folder", path=shown(path)) from None
    except OSError as error:
        raise ImportRefused(
            "importer.unreadable", path=shown(path), reason=os_reason(error)
        ) from None
    if len(raw) > MAX_IMPORT_BYTES:
        raise ImportRefused("importer.too_large", path=shown(path))
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise ImportRefused("importer.not_json", path=shown(path)) from None
    if not isinstance(document, dict) or document.get("format") != export.EXPORT_FORMAT:
        raise ImportRefused("importer.not_an_export", path=shown(path))
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportRefused("importer.not_an_export", path=shown(path))
    if version > export.EXPORT_VERSION:
        raise VaultTooNew(version)
    if not isinstance(document.get("journal"), list):
        raise ImportRefused("importer.no_journal", path=shown(path))
    return document, hashlib.sha256(raw).hexdigest()


def entries_of(document: dict[str, Any]) -> list[JournalEntry]:
    found = []
    for number, record in enumerate(document["journal"], start=1):
        try:
            if not isinstance(record, dict):
                raise TypeError
            entry = JournalEntry.from_record(record)
            for version in (*entry.history, entry):
                _check_types(version)
                validate(version)
        except (TypeError, ValueError, KeyError, EntryRejected) as problem:
            why = problem if isinstance(problem, EntryRejected) else Phrase("importer.its_fields")
            raise ImportRefused("importer.entry_unreadable", number=number, why=why) from None
        found.append(entry)
    return found


def _check_types(entry: JournalEntry) -> None:
    if not (isinstance(entry.id, str) and len(entry.id) == 32 and entry.id.isalnum()):
        raise TypeError("id")
    if not isinstance(entry.version, int) or isinstance(entry.version, bool) or entry.version < 1:
        raise TypeError("version")
    for name in ("text", "created", "occurred"):
        if not isinstance(getattr(entry, name), str):
            raise TypeError(name)


def check_chain(document: dict[str, Any], entries: list[JournalEntry]) -> None:
    """A whole export (no --from or --to) carries its chain: it must check out."""
    links = document.get("chain")
    if not isinstance(links, list) or document.get("from") or document.get("to"):
        return
    try:
        found = [chain.Link.from_record(dict(link)) for link in links]
        files = {
            str(d["id"]): chain.FileState(
                str(d["entry"]), int(d["version"]), str(d["sha256"]), chain.digest(d)
            )
            for d in document.get("attachments") or []
        }
    except (KeyError, TypeError, ValueError):
        raise ImportChainBroken("importer.chain_unreadable") from None
    versions = {
        entry.id: [(v.version, journal.entry_hash(v)) for v in (*entry.history, entry)]
        for entry in entries
    }
    report = chain.verify(found, versions, files)
    if not report.intact:
        first = str(report.problems[0]).rstrip(".")
        raise ImportChainBroken("importer.chain_broken", problem=first)


def import_file(vault: Vault, path: Path) -> Imported:
    document, digest = read_export(path)
    entries = entries_of(document)
    check_chain(document, entries)
    stored = journal.store.bring_in(vault, entries, digest)
    files, missing = _files(vault, document, path.parent, {e.id for e in entries})
    plan = _plan(vault, document)
    runs = _runs(vault, document)
    return Imported(len(stored), len(entries) - len(stored), files, missing, plan, runs)


def _files(vault: Vault, document: dict[str, Any], folder: Path, ids: set[str]) -> tuple[int, int]:
    """Attach the described files found beside the JSON (an opened bundle's exhibits)."""
    described = [d for d in document.get("attachments") or [] if isinstance(d, dict)]
    have = {(a.entry, a.sha256) for a in journal.attachments_of(vault)}
    wanted = [
        d
        for d in described
        if d.get("entry") in ids and (d.get("entry"), d.get("sha256")) not in have
    ]
    if not wanted:
        return 0, 0
    by_digest: dict[str, Path] = {}
    exhibits = folder / "exhibits"
    if exhibits.is_dir():
        for candidate in sorted(exhibits.iterdir()):
            if candidate.is_file() and not candidate.is_symlink():
                by_digest.setdefault(_sha_of(candidate), candidate)
    attached = 0
    for description in wanted:
        source = by_digest.get(str(description.get("sha256")))
        entry = journal.get(vault, str(description.get("entry")))
        if source is None or entry is None:
            continue
        name = str(description.get("name") or source.name)  # the original, not the safe form
        note = str(description.get("note") or "")
        attachments.attach(vault, [source], entry=entry, note=note, names=[name])
        attached += 1
    return attached, len(wanted) - attached


def _sha_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as found:
        while piece := found.read(1024 * 1024):
            digest.update(piece)
    return digest.hexdigest()


def _plan(vault: Vault, document: dict[str, Any]) -> bool:
    """The plan, only into a vault whose own plan has never been saved."""
    record = document.get("safety_plan")
    if not isinstance(record, dict) or vault.collection(safety_plan.store.TABLE).all():
        return False
    if not record.get("sections") and not record.get("mode") and not record.get("emergency"):
        return False  # a plan never written: nothing to bring
    try:
        plan = safety_plan.SafetyPlan.from_record(record)
    except (KeyError, TypeError, ValueError):
        return False
    vault.collection(safety_plan.store.TABLE).add(plan.as_record())
    return True


def _runs(vault: Vault, document: dict[str, Any]) -> int:
    kept = {(r.started, r.finished) for r in questionnaire.saved_runs(vault)}
    added = 0
    for record in document.get("questionnaire_runs") or []:
        try:
            run = questionnaire.Run.from_record(dict(record))
        except (KeyError, TypeError, ValueError):
            continue
        if (run.started, run.finished) in kept or run.finished is None:
            continue
        vault.collection(questionnaire.runs.SAVED).add(run.as_record())
        added += 1
    return added
